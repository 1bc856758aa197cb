// The DOM of <kc-notice>, made with DOM APIs only (`el` from internal/dom.ts, textContent): no
// templates, no innerHTML, so no Trusted Types policy either. Functions here hold no state; the
// element decides what to show and keeps the nodes.
import type { Notice } from '@kontakt/core';
import { el } from '../../internal/dom.js';
import type { NoticeTexts } from './notice.texts.js';

/** The nodes that are there from the first render on, whatever is shown. */
export interface Skeleton {
  base: HTMLElement;
  /**
   * The labelled region with the list. Without a notice it is not shown (the styles: no `li`),
   * except while it has focus: focus goes to it when the person hid the last notice.
   */
  region: HTMLElement;
  list: HTMLUListElement;
  /** The page's own content inside the tag. */
  fallback: HTMLElement;
  /** Live regions, present (and empty) from the start so that what is put in them is read out. */
  polite: HTMLElement;
  assertive: HTMLElement;
}

export function createSkeleton(root: ShadowRoot | HTMLElement): Skeleton {
  const list = el('ul', { role: 'list' });
  const region = el('section', { part: 'notices', tabindex: '-1' }, list);
  const fallback = el('div', { part: 'fallback' }, el('slot'));
  const polite = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const assertive = el('div', {
    class: 'visually-hidden',
    role: 'alert',
    'aria-live': 'assertive',
  });
  const base = el('div', { part: 'base' }, region, fallback, polite, assertive);
  root.append(base);
  return { base, region, list, fallback, polite, assertive };
}

/** One notice's nodes, kept while it is shown and filled again when it or the language changes. */
export interface NoticeView {
  item: HTMLLIElement;
  heading: HTMLElement;
  text: HTMLElement;
  hide: HTMLButtonElement;
}

export function createNoticeView(onHide: () => void): NoticeView {
  const hide = el('button', { part: 'hide-button', type: 'button' });
  hide.addEventListener('click', onHide);
  const heading = el('h2', { part: 'title', class: 'title' });
  const text = el('p', { part: 'text' });
  const item = el('li', {}, el('div', {}, heading, text), hide);
  return { item, heading, text, hide };
}

/** Fills a notice's nodes for `notice` in `locale`, its title a heading of `level`. */
export function fillNoticeView(
  view: NoticeView,
  notice: Notice,
  locale: keyof Notice['title'],
  t: NoticeTexts,
  level: number,
): void {
  const { severity } = notice;
  const title = notice.title[locale];
  view.item.className = `${severity}${view.item.classList.contains('arrived') ? ' arrived' : ''}`;
  view.item.setAttribute('part', `notice notice-${severity}`);
  if (view.heading.localName !== `h${level}`) {
    const heading = el(`h${level}` as 'h2', { part: 'title', class: 'title' });
    view.heading.replaceWith(heading);
    view.heading = heading;
  }
  // "Varning: Title" when read; the label shows on its own line.
  view.heading.replaceChildren(
    el('span', { part: 'severity', class: 'severity' }, t.severity[severity], hidden(': ')),
    title,
  );
  view.text.textContent = notice.text[locale];
  // The visible label starts the accessible name (WCAG 2.5.3); the title says which notice. The
  // button itself stays (and its focus with it).
  view.hide.replaceChildren(t.hide, hidden(`: ${title}`));
}

/** Text that is read out but not shown. */
const hidden = (text: string) => el('span', { class: 'visually-hidden' }, text);

/**
 * What a live region reads out for notices that appeared or changed (`known`: the versions read
 * out before, by id: a notice among them was changed).
 */
export function announcement(
  notices: readonly Notice[],
  known: ReadonlyMap<string, string>,
  locale: keyof Notice['title'],
  t: NoticeTexts,
): Node[] {
  return notices.map((notice) =>
    el(
      'p',
      {},
      `${known.has(notice.id) ? t.announceChanged : t.announceNew} ${t.severity[notice.severity]}: ` +
        `${notice.title[locale]}. ${notice.text[locale]}`,
    ),
  );
}

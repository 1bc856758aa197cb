// What the notice's test files share: notices made to order, a source the test drives (the same
// interface as watchNotices), rendering and reading the shadow DOM.
import type { KontaktError, Notice, NoticeWatchOptions } from '@kontakt/core';
import { fixture, html } from '@open-wc/testing';
import '../define/notice.js';
import type { KcNotice, NoticeSource } from '../components/notice/notice.js';

let counter = 0;

/** A notice id as the server makes them: `n_` and 20 characters of Crockford base32. */
export function noticeId(): string {
  counter += 1;
  return `n_${String(counter).padStart(20, '0')}`;
}

/** Texts in every locale, marked with the locale so a test sees which one is shown. */
const everyLocale = (text: string) => ({
  sv: text,
  en: `${text} (en)`,
  fi: `${text} (fi)`,
  ar: `${text} (ar)`,
});

/** A notice that is active now for every department, changed by `overrides`. */
export function makeNotice(
  overrides: Partial<Omit<Notice, 'title' | 'text'>> & { title?: string; text?: string } = {},
): Notice {
  const now = Date.now();
  const {
    title = 'Vattenläcka på Storgatan',
    text = 'Vattnet är avstängt till kl. 15.',
    ...rest
  } = overrides;
  return {
    id: noticeId(),
    severity: 'info',
    departments: 'all',
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: null,
    updatedAt: new Date(now - 60_000).toISOString(),
    ...rest,
    title: everyLocale(title),
    text: everyLocale(text),
  };
}

/** A source whose notices and errors the test sends. */
export interface TestSource {
  source: NoticeSource;
  /** Sends the notices that have not ended, as `watchNotices` does after each change. */
  send(notices: readonly Notice[]): void;
  fail(error: KontaktError, willRetry?: boolean): void;
  /** How many times it was started and closed. */
  started: number;
  closed: number;
  /** Where each start was told to read from (`endpoint department`): the target a widget settled on. */
  followed: string[];
  /** Where the last start was told to read from. */
  last(): string | undefined;
}

export function testSource(initial?: readonly Notice[]): TestSource {
  let options: NoticeWatchOptions | undefined;
  const test: TestSource = {
    started: 0,
    closed: 0,
    followed: [],
    last: () => test.followed.at(-1),
    source: (endpoint, department, given) => {
      options = given;
      test.started += 1;
      test.followed.push(`${endpoint} ${department}`);
      if (initial) queueMicrotask(() => given.onChange(initial));
      return {
        close: () => {
          test.closed += 1;
        },
      };
    },
    send: (notices) => options?.onChange(notices),
    fail: (error, willRetry = true) => options?.onError?.(error, willRetry),
  };
  return test;
}

export interface RenderOptions {
  source?: NoticeSource;
  department?: string;
  endpoint?: string | undefined;
  lang?: string;
  fallback?: boolean;
}

/** Renders `<kc-notice>` (in `container` if given) and waits for its first update. */
export async function renderNotice(
  options: RenderOptions = {},
  container?: HTMLElement,
): Promise<KcNotice> {
  const {
    source,
    department = 'gata',
    endpoint = 'https://kontakt.example.se',
    lang,
    fallback = false,
  } = options;
  const element = await fixture<KcNotice>(
    html`<kc-notice
      endpoint=${endpoint ?? ''}
      department=${department}
      lang=${lang ?? ''}
      .source=${source ?? testSource([]).source}
      >${fallback ? html`<a id="fallback" href="/storningar">Aktuella störningar</a>` : ''}</kc-notice
    >`,
    container ? { parentNode: container } : {},
  );
  if (!lang) element.removeAttribute('lang');
  await element.updateComplete;
  return element;
}

export function shadow(element: KcNotice): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

/** The titles shown, in order (without the severity before each). */
export const titles = (element: KcNotice): string[] =>
  [...shadow(element).querySelectorAll('[part~="title"]')].map(
    (title) => title.lastChild?.textContent ?? '',
  );

/** What the live region with `role` says now. */
export const said = (element: KcNotice, role: 'status' | 'alert'): string =>
  shadow(element).querySelector(`[role="${role}"]`)?.textContent?.trim() ?? '';

export const hideButtons = (element: KcNotice): HTMLButtonElement[] => [
  ...shadow(element).querySelectorAll<HTMLButtonElement>('[part~="hide-button"]'),
];

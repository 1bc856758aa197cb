// The launcher's DOM, made with DOM APIs only (`el` from internal/dom.ts, textContent): no
// templates and no innerHTML, so the launcher needs neither Lit's templates nor a Trusted Types
// policy. The panel renders its dialog into `panel` once its chunk has loaded.

import { el } from '../../internal/dom.js';

/** The nodes that are there from the first render on. */
export interface LauncherView {
  base: HTMLElement;
  button: HTMLButtonElement;
  label: HTMLElement;
  hours: HTMLElement;
  badge: HTMLElement;
  /** The page's own way in (the content inside the tag), when the chat cannot be reached. */
  fallback: HTMLElement;
  retry: HTMLButtonElement;
  /** Says the unread count when it grows while the panel is closed. */
  status: HTMLElement;
  /** Where the panel chunk renders its dialog. */
  panel: HTMLElement;
}

export function createLauncherView(root: ShadowRoot): LauncherView {
  const svg = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(svg, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svg, 'path');
  path.setAttribute('d', 'M3 4h18v13H9l-5 4v-4H3z');
  icon.append(path);
  const label = el('span', { part: 'label' });
  const hours = el('span', { part: 'hours' });
  const badge = el('span', { part: 'badge', role: 'img', hidden: '' });
  const button = el(
    'button',
    { part: 'launcher-button', type: 'button', 'aria-expanded': 'false' },
    icon,
    el('span', { class: 'text' }, label, hours),
    badge,
  );
  const retry = el('button', { part: 'retry-button', type: 'button' });
  const fallback = el('div', { part: 'fallback', id: 'fallback', hidden: '' }, el('slot'), retry);
  const status = el('div', { class: 'visually-hidden', role: 'status' });
  const panel = el('div');
  const base = el(
    'div',
    { part: 'base' },
    // The page's way in follows the button that reveals it, in reading and focus order; the
    // style shows it above the button, which sits in the page's corner.
    el('div', { part: 'launcher' }, button, fallback),
    status,
    panel,
  );
  root.append(base);
  return { base, button, label, hours, badge, fallback, retry, status, panel };
}

/**
 * A small history-based router: the console's views are URLs under one base path (`/console`),
 * so deep links, reloads, the back button and "open in new tab" work. The server answers every
 * path under the base with the same `index.html`.
 */

/** The views the console has, with what each needs from its URL. */
export type Route =
  | { name: 'inbox' }
  | { name: 'case'; reference: string }
  /** The printable letter of a reply by letter: the timeline entry `seq` of the case. */
  | { name: 'letter'; reference: string; seq: number }
  | { name: 'notices' }
  | { name: 'audit' }
  | { name: 'dashboard' }
  | { name: 'chat' }
  | { name: 'not-found' };

/** Which route a path inside the base is (`/cases/KC-7F3K-9QXM` → the case view). */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const [first, second, ...rest] = parts;
  if (parts.length === 0) return { name: 'inbox' };
  if (first === 'cases' && second && rest.length === 0) return { name: 'case', reference: second };
  if (first === 'cases' && second && rest.length === 2 && rest[0] === 'letters') {
    const seq = Number(rest[1]);
    if (/^[1-9]\d{0,8}$/.test(rest[1] ?? '')) return { name: 'letter', reference: second, seq };
  }
  if (parts.length === 1 && (first === 'notices' || first === 'audit')) return { name: first };
  if (parts.length === 1 && first === 'dashboard') return { name: first };
  if (parts.length === 1 && first === 'chat') return { name: first };
  return { name: 'not-found' };
}

/** The path of a route inside the base (the reverse of `matchRoute`). */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'inbox':
      return '/';
    case 'case':
      return `/cases/${encodeURIComponent(route.reference)}`;
    case 'letter':
      return `/cases/${encodeURIComponent(route.reference)}/letters/${route.seq}`;
    case 'notices':
    case 'audit':
    case 'dashboard':
    case 'chat':
      return `/${route.name}`;
    case 'not-found':
      return '/not-found';
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** `/console` from `/console/`, `console`, `/console//`; `''` for the root. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The path inside `base` of a URL of this page's origin, or `undefined` when the URL is
 * elsewhere (another origin, or outside the console): such links are left to the browser.
 */
export function pathInBase(url: URL, base: string, origin: string): string | undefined {
  if (url.origin !== origin) return undefined;
  if (url.pathname === base) return '/';
  if (!url.pathname.startsWith(`${base}/`)) return undefined;
  return url.pathname.slice(base.length);
}

/**
 * The in-app link a click landed on, if the app should handle it: a plain left click on an
 * `<a href>` inside the console (through shadow roots), with no modifier key, no `target` and no
 * `download`, that nothing else has handled.
 */
export function linkToFollow(event: MouseEvent): HTMLAnchorElement | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!anchor?.hasAttribute('href') || anchor.hasAttribute('download')) return undefined;
  if (anchor.target && anchor.target !== '_self') return undefined;
  return anchor;
}

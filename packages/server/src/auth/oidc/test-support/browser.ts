/**
 * Just enough of a browser for the sign-in tests: real HTTP with a cookie jar per host (paths
 * and expiry honoured), redirects followed one by one (so each hop can be looked at), and
 * HTML forms submitted as a person would.
 */

interface StoredCookie {
  value: string;
  path: string;
}

/** One hop of a navigation: where the browser was, and what it got. */
export interface Hop {
  url: URL;
  response: Response;
}

export class TestBrowser {
  readonly jar = new Map<string, Map<string, StoredCookie>>();

  /** The cookies this browser would send to `url`. */
  cookiesFor(url: URL): Map<string, string> {
    const found = new Map<string, string>();
    for (const [name, cookie] of this.jar.get(url.host) ?? []) {
      const inside =
        url.pathname === cookie.path ||
        url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`);
      if (inside) found.set(name, cookie.value);
    }
    return found;
  }

  /** A cookie by name on a host, whatever its path. */
  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name)?.value;
  }

  /** One request with the jar's cookies; stores the cookies it sets. No redirects followed. */
  async request(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookies = [...this.cookiesFor(target)].map(([name, value]) => `${name}=${value}`);
    if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
    if (!headers.has('Accept')) headers.set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.store(target, response.headers.getSetCookie());
    return response;
  }

  /**
   * Opens `url` and follows redirects (a 303 or a 302 after a POST becomes a GET) until a page
   * answers, or until `stop` says a hop is far enough. Returns every hop.
   */
  async navigate(
    url: URL | string,
    init: RequestInit = {},
    stop: (hop: Hop) => boolean = () => false,
  ): Promise<Hop[]> {
    const hops: Hop[] = [];
    let target = new URL(url);
    let request = init;
    for (let count = 0; count < 20; count++) {
      const response = await this.request(target, request);
      const hop = { url: target, response };
      hops.push(hop);
      const location = response.headers.get('Location');
      if (response.status < 300 || response.status >= 400 || !location || stop(hop)) return hops;
      await response.body?.cancel();
      target = new URL(location, target);
      request = {};
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** Submits the first form of `page` (an HTML response at `at`) with `fields` filled in. */
  async submitForm(
    at: URL,
    html: string,
    fields: Record<string, string> = {},
    stop?: (hop: Hop) => boolean,
  ): Promise<Hop[]> {
    const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`No form at ${at}:\n${html.slice(0, 500)}`);
    const body = new URLSearchParams();
    for (const input of form[2]?.matchAll(/<input\b[^>]*>/gi) ?? []) {
      const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
      const value = /\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) body.set(name, decodeEntities(value));
    }
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const action = new URL(decodeEntities(form[1] ?? ''), at);
    return this.navigate(
      action,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      },
      stop,
    );
  }

  private store(url: URL, setCookies: string[]): void {
    let cookies = this.jar.get(url.host);
    if (!cookies) {
      cookies = new Map();
      this.jar.set(url.host, cookies);
    }
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      let path = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', setting = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = setting;
        if (key.toLowerCase() === 'max-age' && Number(setting) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(setting) <= Date.now()) expired = true;
      }
      if (expired) cookies.delete(name);
      else cookies.set(name, { value, path });
    }
  }
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#x2F;', '/')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/**
 * A `fetch` that keeps cookies as a browser would for one origin (tests of the agent client run
 * in Node, whose `fetch` keeps none): `Set-Cookie` answers are stored and sent back; `Max-Age=0`
 * deletes. Only what the session cookie needs: no domains, paths or expiry dates.
 */
export function cookieFetch(): typeof fetch & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const jarFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (cookies.size > 0) {
      request.headers.set(
        'Cookie',
        [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      if (attributes.some((attribute) => /^max-age=0$/i.test(attribute))) cookies.delete(name);
      else cookies.set(name, pair.slice(at + 1));
    }
    return response;
  };
  return Object.assign(jarFetch, { cookies });
}

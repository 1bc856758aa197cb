/*
 * GET requests started before the SDK has loaded. A widget's script-tag starter is one small file
 * that imports nothing (so the browser runs it the moment it arrives), and it carries its own copy
 * of this module; the SDK's copy, loaded later with the element, finds the same requests because
 * both keep them under one global symbol. Import-free on purpose.
 */

/**
 * An early request nobody takes (the element never loaded) is not left open for ever; whoever
 * takes it applies its own, shorter timeout.
 */
const UNTAKEN_TIMEOUT_MS = 60_000;

/** Where every copy of this module keeps the started requests. */
const REGISTRY = Symbol.for('@kontakt/core/early-get');

type Registry = Map<string, Promise<Response>>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/**
 * Starts `GET url` now, exactly as `fetchJson` would send it (a plain CORS request, no
 * preflight), unless a request for `url` is already waiting to be taken. Its outcome, a failure
 * included, is for whoever takes it: nothing here reports anything.
 */
export function startEarlyGet(url: string): void {
  const early = registry();
  if (early.has(url) || typeof fetch !== 'function') return;
  const request = fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(UNTAKEN_TIMEOUT_MS),
  });
  // Unhandled until taken; a failure is reported by the taker, never to the page.
  request.catch(() => undefined);
  early.set(url, request);
}

/** The request started for `url`, once: the first taker gets it, later ones send their own. */
export function takeEarlyGet(url: string): Promise<Response> | undefined {
  const early = registry();
  const request = early.get(url);
  early.delete(url);
  return request;
}

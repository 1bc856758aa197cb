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

/**
 * Where every copy of this module keeps the started requests. The name carries the entries' shape
 * (2: answers read as JSON), so a page with widgets of an older release, which kept the bare
 * `Response`, never takes an entry it cannot read, nor leaves one to a newer copy.
 */
const REGISTRY = Symbol.for('@kontakt/core/early-get/2');

/**
 * An answer with its body already read: `body` is the parsed JSON, or `undefined` when the body
 * was not JSON (or could not be read).
 */
export interface JsonAnswer {
  readonly ok: boolean;
  readonly status: number;
  readonly body: unknown;
}

interface EarlyGet {
  readonly answer: Promise<JsonAnswer>;
  /** Set the moment the answer is in, so that an element can take it without waiting. */
  settled?: JsonAnswer;
}

type Registry = Map<string, EarlyGet>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/**
 * Reads a response's body as JSON (`undefined` when it is not).
 */
export async function readJsonAnswer(response: Response): Promise<JsonAnswer> {
  const body: unknown = await response.json().catch(() => undefined);
  return { ok: response.ok, status: response.status, body };
}

/**
 * Starts `GET url` now, exactly as `fetchJson` would send it (a plain CORS request, no
 * preflight), unless a request for `url` is already waiting to be taken, and reads its body the
 * moment it arrives: reading a body takes a task of its own even when every byte is in, so it is
 * done while the element's chunks load, not when the element asks. Its outcome, a failure
 * included, is for whoever takes it: nothing here reports anything.
 */
export function startEarlyGet(url: string): void {
  const early = registry();
  if (early.has(url) || typeof fetch !== 'function') return;
  const request: EarlyGet = {
    answer: fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(UNTAKEN_TIMEOUT_MS),
    })
      .then(readJsonAnswer)
      .then((answer) => (request.settled = answer)),
  };
  // Unhandled until taken; a failure is reported by the taker, never to the page.
  request.answer.catch(() => undefined);
  early.set(url, request);
}

/** The request started for `url`, once: the first taker gets it, later ones send their own. */
export function takeEarlyGet(url: string): Promise<JsonAnswer> | undefined {
  const early = registry();
  const request = early.get(url);
  early.delete(url);
  return request?.answer;
}

/**
 * The answer to the request started for `url` if it is already in, without taking it (its taker
 * still gets it from `takeEarlyGet`), else `undefined`: for an element's first frame, which shows
 * the data only if it needs no waiting.
 */
export function peekEarlyAnswer(url: string): JsonAnswer | undefined {
  return registry().get(url)?.settled;
}

/*
 * One GET of JSON with the browser's own `fetch`, for the light modules a widget's first frame
 * uses instead of the ky client: a plain CORS request (no preflight), the same typed errors.
 */
import { KontaktError } from '../errors/KontaktError.js';
import { NetworkError } from '../errors/NetworkError.js';
import type { JsonAnswer } from './early-get.js';
import { readJsonAnswer, takeEarlyGet } from './early-get.js';

/**
 * Resolves with the parsed body of a 2xx answer (`undefined` when it is not JSON). Rejects with
 * a `NetworkError` (unreachable, `timeout`) or, for an error answer, a `KontaktError` with the
 * server's code (`internal_error` / `http_error` when it sent no problem document).
 */
export async function fetchJson(
  url: string,
  options: { timeout: number; signal?: AbortSignal | undefined },
): Promise<unknown> {
  let answer: JsonAnswer;
  const timeout = AbortSignal.timeout(options.timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    // A script-tag starter may have sent this very request before the SDK loaded.
    const early = takeEarlyGet(url);
    answer = await (early
      ? untilSignal(early, signal)
      : fetch(url, { headers: { accept: 'application/json' }, signal }).then(readJsonAnswer));
  } catch (error) {
    if (options.signal?.aborted) {
      throw new KontaktError('The request was aborted.', { code: 'aborted', cause: error });
    }
    const timedOut = (error as { name?: unknown }).name === 'TimeoutError';
    throw new NetworkError(
      timedOut ? 'The server did not answer in time.' : 'The server could not be reached.',
      { code: timedOut ? 'timeout' : 'network_error', cause: error },
    );
  }
  if (!answer.ok) throw refusal(answer);
  return answer.body;
}

/** `promise`, or a rejection with the signal's reason (as `fetch` rejects) once it fires. */
function untilSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** An error answer, with the server's own code when it sent a problem document. */
function refusal({ status, body }: JsonAnswer): KontaktError {
  const code = (body as { code?: unknown } | undefined)?.code;
  const detail = (body as { detail?: unknown; title?: unknown } | undefined)?.detail;
  return new KontaktError(typeof detail === 'string' ? detail : `The server answered ${status}.`, {
    code: typeof code === 'string' ? code : status >= 500 ? 'internal_error' : 'http_error',
    status,
  });
}

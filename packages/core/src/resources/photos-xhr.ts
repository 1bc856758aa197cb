import { KontaktError } from '../errors/KontaktError.js';
import { NetworkError } from '../errors/NetworkError.js';
import { fromResponse } from '../errors/to-kontakt-error.js';

/**
 * POSTs `blob` with `XMLHttpRequest`, the one browser API that reports upload progress, and
 * resolves with the parsed JSON of a 2xx answer. Failures become the SDK's errors as ky's do:
 * a problem document a `KontaktError`, no answer a `NetworkError`, an abort `aborted`. The
 * timeout counts from the last progress, so a slow but moving upload on a phone is not cut off.
 */
export function uploadWithXhr(
  url: string,
  blob: Blob,
  type: string,
  options: {
    signal?: AbortSignal | undefined;
    onProgress?: ((loaded: number, total: number) => void) | undefined;
    timeout: number;
  },
): Promise<unknown> {
  const { signal, onProgress, timeout } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted(signal.reason));
    const xhr = new XMLHttpRequest();
    let stall: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(stall);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown) => {
      finish();
      reject(error);
    };
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        xhr.abort();
        fail(new NetworkError('The server did not answer in time.', { code: 'timeout' }));
      }, timeout);
    };
    const onAbort = () => {
      xhr.abort();
      fail(aborted(signal?.reason));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', type);
    xhr.upload.addEventListener('progress', (event) => {
      watch();
      onProgress?.(event.loaded, event.lengthComputable ? event.total : blob.size);
    });
    xhr.upload.addEventListener('load', watch);
    xhr.addEventListener('error', () => fail(new NetworkError('The server could not be reached.')));
    xhr.addEventListener('load', () => {
      finish();
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        if (body === undefined) {
          reject(
            new KontaktError('The server answered with something that is not JSON.', {
              code: 'invalid_response',
              status: xhr.status,
            }),
          );
        } else {
          onProgress?.(blob.size, blob.size);
          resolve(body);
        }
        return;
      }
      const response = new Response(null, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: headersOf(xhr.getAllResponseHeaders()),
      });
      reject(fromResponse(response, body));
    });
    watch();
    onProgress?.(0, blob.size);
    xhr.send(blob);
  });
}

const aborted = (cause: unknown) =>
  new KontaktError('The request was aborted.', { code: 'aborted', cause });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `getAllResponseHeaders()`' CRLF-separated lines as `Headers` (for `Retry-After`). */
function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

import { ProblemError } from '../http/http-error.js';

/**
 * The 413 for a body over `limit`. The rest of the body is never read, so the connection closes
 * with the answer: a client must not send its next request down a socket still full of this one.
 */
const payloadTooLarge = (limit: number) =>
  new ProblemError(413, 'payload_too_large', {
    detail: `The photo may be at most ${limit} bytes.`,
    headers: { Connection: 'close' },
  });

/**
 * Reads a request body of at most `limit` bytes: a declared `Content-Length` over it is refused
 * before a byte is read, and the bytes are counted as they arrive (a client may send more than
 * it declared, or declare nothing), so a big upload is cut off, never buffered whole.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > limit) throw payloadTooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

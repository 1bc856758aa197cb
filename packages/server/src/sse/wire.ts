/*
 * The bytes of `text/event-stream` the helper writes. Every value written is one line: JSON never
 * contains a raw CR or LF (JSON.stringify escapes them), and types and cursors are checked.
 */
import { RECONNECT_EVENT } from '@kontakt/core/events';
import type { StoredEvent } from './feed.js';

const encoder = new TextEncoder();

/**
 * Events as one chunk (one write to the socket for a whole batch): for each, `id:` (its cursor),
 * `event:` (its type) and its data as one line of JSON.
 */
export function encodeEvents(events: readonly StoredEvent[]): Uint8Array {
  // Streams that shared one read (see shared-reads.ts) share its bytes too.
  const known = encoded.get(events);
  if (known) return known;
  let text = '';
  for (const event of events) text += `id: ${event.cursor}\n${eventText(event)}`;
  const bytes = encoder.encode(text);
  encoded.set(events, bytes);
  return bytes;
}

/**
 * One event's `event:` and `data:` lines and the blank line that ends it, without an `id:`: for
 * an event that is not in the log (a stream's `initial` event), the client's last event id stays
 * where it was.
 */
export function eventText(event: { readonly type: string; readonly data: unknown }): string {
  if (/[\r\n]/.test(event.type)) {
    throw new TypeError(`An event type is one line: ${JSON.stringify(event.type)}`);
  }
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data) ?? 'null'}\n\n`;
}

/** The bytes of each batch of events already encoded, for as long as the batch is in use. */
const encoded = new WeakMap<readonly StoredEvent[], Uint8Array>();

/**
 * What a stream starts with: a comment (bytes at once, so proxies pass the headers on) and how
 * long to wait before reconnecting.
 */
export function startText(retryMs: number): string {
  return `: ok\nretry: ${Math.max(0, Math.round(retryMs))}\n\n`;
}

/** A comment line: keeps proxies and the client's idle timers from closing a quiet stream. */
export const HEARTBEAT: Uint8Array = encoder.encode(':\n\n');

/** Why the server ends a stream and asks the client to come back (with its last id). */
/**
 * Why a stream told its client to reconnect: the server is shutting down; the client did not keep
 * up; or the stream reached its longest life (`maxDurationMs`), so that access is checked again.
 */
export type ReconnectReason = 'shutdown' | 'too_slow' | 'recheck';

/**
 * The last event of a stream the server ends on purpose. Without an `id:`, so the client's last
 * event id stays that of the last real event. `EventSource` ignores the unknown type and
 * reconnects when the stream ends; `EventStream` reconnects at once.
 */
export function reconnectText(reason: ReconnectReason): string {
  return `event: ${RECONNECT_EVENT}\ndata: ${JSON.stringify({ reason })}\n\n`;
}

/** UTF-8 bytes of `text`. */
export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * `bytes` as one HTTP/1.1 chunk (`Transfer-Encoding: chunked`), for writing to the socket under
 * a response. Shared bytes (a batch every stream sends, the heartbeat) are framed once.
 */
export function chunkFrame(bytes: Uint8Array): Uint8Array {
  // An empty chunk would be the last one: the end of the body.
  if (bytes.byteLength === 0) return bytes;
  const known = framed.get(bytes);
  if (known) return known;
  const frame = Buffer.concat([
    Buffer.from(`${bytes.byteLength.toString(16)}\r\n`, 'latin1'),
    bytes,
    CRLF,
  ]);
  framed.set(bytes, frame);
  return frame;
}

const CRLF = Buffer.from('\r\n', 'latin1');
const framed = new WeakMap<Uint8Array, Uint8Array>();

/*
 * The `text/event-stream` format as the WHATWG HTML standard defines it ("Interpreting an event
 * stream", §9.2.6), byte for byte: UTF-8 with one leading BOM ignored, lines ended by CRLF, LF or
 * CR (a CRLF may be split across chunks), comments, `data` lines joined with LF, an `id` with NUL
 * ignored, `retry` only when it is all ASCII digits, and an event dispatched only at a blank line
 * (an event cut off by the end of the stream is dropped).
 */

/** One event as the stream delivered it, before any JSON parsing. */
export interface EventStreamMessage {
  /** The `event:` field, or `'message'` when the event had none. */
  readonly type: string;
  /** The `data:` lines joined with `\n`. */
  readonly data: string;
  /** The last `id:` the stream sent, up to and including this event (it persists). */
  readonly lastEventId: string;
}

export interface EventStreamParserCallbacks {
  /** A complete event (its blank line has arrived). */
  onEvent(message: EventStreamMessage): void;
  /** A valid `retry:` field: the reconnection time in milliseconds. */
  onRetry?(milliseconds: number): void;
}

const LF = 10;

/**
 * An incremental `text/event-stream` parser for one connection. Feed it the response's bytes as
 * they arrive, in chunks of any size.
 *
 * @since 0.3.0
 */
export class EventStreamParser {
  readonly #callbacks: EventStreamParserCallbacks;
  // `fatal: false`: invalid UTF-8 becomes U+FFFD, as the standard's "UTF-8 decode" says; the
  // decoder also drops one BOM at the very start, and keeps a character split across chunks.
  readonly #decoder = new TextDecoder('utf-8');
  /** The start of a line whose end has not arrived yet. */
  #partial = '';
  /** The previous chunk ended with CR: an LF that starts the next one belongs to it. */
  #skipLF = false;
  #data = '';
  #type = '';
  #lastEventId: string;
  /** An `id:` seen since the last blank line: becomes `lastEventId` when that event is dispatched. */
  #pendingId: string | undefined;

  /**
   * @param lastEventId What the event source already had (from an earlier connection): the
   *   standard keeps it until the server sends another `id`.
   */
  constructor(callbacks: EventStreamParserCallbacks, lastEventId = '') {
    this.#callbacks = callbacks;
    this.#lastEventId = lastEventId;
  }

  /** The last event ID string: set by `id:` fields, taken over when an event is dispatched. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** Parses the next bytes; complete events are passed to `onEvent` before this returns. */
  push(bytes: Uint8Array): void {
    let text = this.#decoder.decode(bytes, { stream: true });
    if (text === '') return;
    if (this.#skipLF && text.charCodeAt(0) === LF) text = text.slice(1);
    // A CR that ends this chunk ends its line; an LF that starts the next belongs to it.
    this.#skipLF = text.endsWith('\r');
    const lines = (this.#partial + text).split(/\r\n?|\n/);
    this.#partial = lines.pop() ?? '';
    for (const line of lines) this.#line(line);
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.charCodeAt(0) === 0x3a /* : */) return; // a comment (heartbeats)
    const colon = line.indexOf(':');
    let field = line;
    let value = '';
    if (colon !== -1) {
      field = line.slice(0, colon);
      value = line.slice(line.charCodeAt(colon + 1) === 0x20 ? colon + 2 : colon + 1);
    }
    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) this.#pendingId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.#callbacks.onRetry?.(Number(value));
        break;
      // Any other field is ignored.
    }
  }

  #dispatch(): void {
    if (this.#pendingId !== undefined) this.#lastEventId = this.#pendingId;
    this.#pendingId = undefined;
    const data = this.#data;
    const type = this.#type;
    this.#data = '';
    this.#type = '';
    if (data === '') return;
    this.#callbacks.onEvent({
      type: type || 'message',
      data: data.slice(0, -1),
      lastEventId: this.#lastEventId,
    });
  }
}

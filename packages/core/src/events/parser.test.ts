import { describe, expect, it } from 'vitest';
import type { EventStreamMessage } from './parser.js';
import { EventStreamParser } from './parser.js';

const encoder = new TextEncoder();

/** Everything the parser reports for `chunks`, fed one after another. */
function parse(chunks: (string | Uint8Array)[], lastEventId?: string) {
  const events: EventStreamMessage[] = [];
  const retries: number[] = [];
  const parser = new EventStreamParser(
    { onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms) },
    lastEventId,
  );
  for (const chunk of chunks)
    parser.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  return { events, retries, lastEventId: parser.lastEventId };
}

/** The stream's bytes cut into every possible pair of chunks, and into single bytes. */
function splits(text: string): Uint8Array[][] {
  const bytes = encoder.encode(text);
  const cuts: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) cuts.push([bytes.subarray(0, i), bytes.subarray(i)]);
  cuts.push([...bytes].map((byte) => Uint8Array.of(byte)));
  return cuts;
}

describe('EventStreamParser', () => {
  it('dispatches an event only at a blank line, with type, data and id', () => {
    const { events } = parse(['event: notice\ndata: {"a":1}\nid: 7\n\n', 'data: cut off']);
    expect(events).toEqual([{ type: 'notice', data: '{"a":1}', lastEventId: '7' }]);
  });

  it('ends lines at CRLF, LF and CR alike', () => {
    const { events } = parse(['data: a\r\ndata: b\rdata: c\n\r\n', 'data: d\r\r']);
    expect(events.map((event) => event.data)).toEqual(['a\nb\nc', 'd']);
  });

  it('gives the same events however the bytes are cut: mid-line, mid-character, mid-CRLF', () => {
    const text =
      '\uFEFFid: 1\r\nevent: ä\r\ndata: Överfull väg 🚧\r\ndata:\r\n\r\n: ping\r\n\r\ndata: x\r\r';
    const expected = [
      { type: 'ä', data: 'Överfull väg 🚧\n', lastEventId: '1' },
      { type: 'message', data: 'x', lastEventId: '1' },
    ];
    for (const chunks of splits(text)) expect(parse(chunks).events).toEqual(expected);
  });

  it('does not take a CR at the end of one chunk and an LF at the start of the next for two lines', () => {
    // Read as two line ends, the LF would be a blank line and dispatch "a" before "b" arrives.
    const { events } = parse(['data: a\r', '\ndata: b\r\n\r\n']);
    expect(events).toEqual([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('ignores one BOM at the start of the stream, but not a second one', () => {
    expect(parse(['\uFEFFdata: a\n\n']).events.map((event) => event.data)).toEqual(['a']);
    // The second BOM is part of the field name "\uFEFFdata", which is unknown.
    expect(parse(['\uFEFF\uFEFFdata: a\n\n']).events).toEqual([]);
    expect(
      parse([
        Uint8Array.of(0xef, 0xbb),
        Uint8Array.of(0xbf, 0x64, 0x61, 0x74, 0x61, 0x3a, 0x62, 0x0a, 0x0a),
      ]).events,
    ).toEqual([{ type: 'message', data: 'b', lastEventId: '' }]);
  });

  it('joins data lines with LF and strips only the last one; a field without a colon is empty', () => {
    const { events } = parse(['data\ndata:  two spaces\ndata:no space\ndata\n\n']);
    expect(events[0]?.data).toBe('\n two spaces\nno space\n');
  });

  it('does not dispatch an event without data, but takes its id', () => {
    const { events, lastEventId } = parse(['id: 5\nevent: x\n\ndata: y\n\n']);
    expect(events).toEqual([{ type: 'message', data: 'y', lastEventId: '5' }]);
    expect(lastEventId).toBe('5');
  });

  it('keeps the last event id across events until another id, and starts from the given one', () => {
    const { events } = parse(['data: a\n\nid: 9\ndata: b\n\ndata: c\n\nid\ndata: d\n\n'], '3');
    expect(events.map((event) => event.lastEventId)).toEqual(['3', '9', '9', '']);
  });

  it('ignores an id that contains NUL', () => {
    const { events } = parse(['id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n']);
    expect(events.map((event) => event.lastEventId)).toEqual(['1', '1']);
  });

  it('does not take the id of an event the stream ended in the middle of', () => {
    expect(parse(['id: 1\ndata: a\n\nid: 2\ndata: b\n']).lastEventId).toBe('1');
  });

  it('takes retry only when it is all ASCII digits', () => {
    const { retries } = parse([
      'retry: 1500\nretry: 15s\nretry: -1\nretry: 1.5\nretry:\nretry: ２\nretry: 0\n\n',
    ]);
    expect(retries).toEqual([1500, 0]);
  });

  it('ignores comments and unknown fields, and the space after the colon only once', () => {
    const { events } = parse([': heartbeat\nfoo: bar\nevent:  spaced\ndata:x\n\n:\n\n']);
    expect(events).toEqual([{ type: ' spaced', data: 'x', lastEventId: '' }]);
  });

  it('names an event with an empty type "message"', () => {
    expect(parse(['event:\ndata: a\n\n']).events[0]?.type).toBe('message');
  });

  it('resets the type after each event', () => {
    const { events } = parse(['event: a\ndata: 1\n\ndata: 2\n\n']);
    expect(events.map((event) => event.type)).toEqual(['a', 'message']);
  });

  it('replaces invalid UTF-8 with U+FFFD', () => {
    const bytes = Uint8Array.of(...encoder.encode('data: '), 0xff, 0x0a, 0x0a);
    expect(parse([bytes]).events[0]?.data).toBe('\uFFFD');
  });
});

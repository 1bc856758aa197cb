import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'node:http';
import { connect } from 'node:http2';
import { RECONNECT_EVENT } from '@kontakt/core/events';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { SseHub, SseHubOptions } from './hub.js';
import { createSseHub } from './hub.js';
import type { MemoryFeed } from './memory-feed.js';
import { createMemoryFeed } from './memory-feed.js';
import type { TestSseServer } from './test-support/sse-server.js';
import { BodyText, eventually, startSseServer } from './test-support/sse-server.js';

let feed: MemoryFeed;
let hub: SseHub;
let server: TestSseServer;

async function start(options: Partial<SseHubOptions> = {}) {
  feed = createMemoryFeed();
  hub = createSseHub({ feed, retryMs: 1_500, heartbeatMs: 60_000, ...options });
  server = await startSseServer(() => hub);
}

afterEach(async () => {
  await hub.close();
  // fetch may hold a spare connection that never carries a request: do not wait for it.
  server.server.closeAllConnections?.();
  await server.close();
});

const open = (path: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${server.url}${path}`, { headers, ...(signal ? { signal } : {}) });

/** A client that gets the response headers and then reads nothing. */
function pausedClient(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const stuck = request(`${server.url}${path}`);
    stuck.on('response', (response) => {
      response.pause();
      resolve(response);
    });
    stuck.on('error', reject);
    stuck.end();
  });
}

/** The `id:` lines of a stream's text, in order. */
const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));

describe('SSE hub over real HTTP', () => {
  it('answers with headers proxies pass through, a retry hint, then id, type and JSON data', async () => {
    await start();
    feed.append('gata', 'notice.published', { id: 'n1', title: 'Storgatan stängd' });
    const response = await open('/streams/gata');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('connection')).not.toBe('close');
    const body = new BodyText(response);
    await body.until((text) => text.includes('\n\nid: 1'));
    feed.append('other', 'notice.published', { id: 'x' });
    feed.append('gata', 'notice.withdrawn', { id: 'n1' });
    expect(await body.until((text) => text.includes('id: 3'))).toBe(
      ': ok\nretry: 1500\n\n' +
        'id: 1\nevent: notice.published\ndata: {"id":"n1","title":"Storgatan stängd"}\n\n' +
        'id: 3\nevent: notice.withdrawn\ndata: {"id":"n1"}\n\n',
    );
    await body.cancel();
  });

  it('begins a new client with the initial event, without an id, before the log; not a resumed one', async () => {
    await start();
    feed.append('gata', 'notice.published', { id: 'n1' });
    const fresh = new BodyText(await open('/streams/gata?from=now&initial=alla'));
    await fresh.until((text) => text.includes('event: state'));
    feed.append('gata', 'notice.withdrawn', { id: 'n1' });
    expect(await fresh.until((text) => text.includes('id: 2'))).toBe(
      ': ok\nretry: 1500\n\n' +
        'event: state\ndata: {"text":"alla"}\n\n' +
        'id: 2\nevent: notice.withdrawn\ndata: {"id":"n1"}\n\n',
    );
    await fresh.cancel();

    const resumed = new BodyText(
      await open('/streams/gata?from=now&initial=alla', { 'Last-Event-ID': '1' }),
    );
    const text = await resumed.until((seen) => seen.includes('id: 2'));
    expect(text).not.toContain('event: state');
    await resumed.cancel();
  });

  it('opens no stream when the initial event cannot be read', async () => {
    await start();
    const response = await open('/streams/gata?initial=fail');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'service_unavailable' });
    expect(hub.size).toBe(0);
  });

  it('resumes after Last-Event-ID, or the lastEventId parameter; the header wins', async () => {
    await start();
    for (let i = 0; i < 5; i++) feed.append('case', 'status', { i });
    const resume = async (path: string, headers: Record<string, string> = {}) => {
      const body = new BodyText(await open(path, headers));
      const text = await body.until((seen) => seen.includes('id: 5\n'));
      await body.cancel();
      return ids(text);
    };
    expect(await resume('/streams/case', { 'Last-Event-ID': '3' })).toEqual([4, 5]);
    expect(await resume('/streams/case?lastEventId=2')).toEqual([3, 4, 5]);
    expect(await resume('/streams/case?lastEventId=1', { 'Last-Event-ID': '4' })).toEqual([5]);
    expect(await resume('/streams/case', { 'Last-Event-ID': '' })).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a Last-Event-ID it never sent', async () => {
    await start();
    for (const id of ['abc', '-1', '1.5', '99999999999999999']) {
      const response = await open('/streams/case', { 'Last-Event-ID': id });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('validation_failed');
    }
    expect(hub.size).toBe(0);
  });

  it('streams over HTTP/2 (cleartext) too, without the hop-by-hop headers it forbids', async () => {
    feed = createMemoryFeed();
    hub = createSseHub({ feed, retryMs: 1_500, heartbeatMs: 60_000, closeGraceMs: 200 });
    server = await startSseServer(() => hub, { http2: true });
    feed.append('gata', 'notice.published', { n: 1 });
    const session = connect(server.url);
    const stream = session.request({ ':path': '/streams/gata' });
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
    });
    const headers = await new Promise<Record<string, unknown>>((resolve) =>
      stream.once('response', resolve),
    );
    expect(headers[':status']).toBe(200);
    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect([headers.connection, headers['transfer-encoding']]).toEqual([undefined, undefined]);
    await eventually(() => text.includes('id: 1\n'), 'the first event arrives');
    feed.append('gata', 'notice.published', { n: 2 });
    await eventually(() => text.includes('id: 2\n'), 'the second event arrives');
    const ended = new Promise((resolve) => stream.once('end', resolve));
    await hub.close();
    await ended;
    expect(text).toMatch(new RegExp(`data: \\{"n":2\\}\n\nevent: ${RECONNECT_EVENT}\n`));
    session.close();
  });

  it('answers HEAD with the headers and opens no stream', async () => {
    await start();
    const response = await fetch(`${server.url}/streams/gata`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect([hub.size, feed.subscriptions]).toEqual([0, 0]);
  });

  it('starts a client without an id at the head when the route asks for new events only', async () => {
    await start();
    feed.append('gata', 'old', {});
    const body = new BodyText(await open('/streams/gata?from=now'));
    await body.until((text) => text.includes('retry:'));
    feed.append('gata', 'new', {});
    expect(ids(await body.until((text) => text.includes('event: new')))).toEqual([2]);
    await body.cancel();
  });

  it('sends a comment as a heartbeat when the stream is quiet', async () => {
    await start({ heartbeatMs: 20 });
    const body = new BodyText(await open('/streams/quiet'));
    await body.until((text) => text.endsWith(':\n\n:\n\n'));
    await body.cancel();
  });

  it('writes to the socket directly once the headers are out, past the response and its body', async () => {
    await start();
    // Every ServerResponse's own writes, counted: @hono/node-server pumps a body through them.
    let responseWrites = 0;
    server.server.on('request', (_incoming, outgoing: ServerResponse) => {
      const write = outgoing.write;
      outgoing.write = function (this: ServerResponse, ...args: unknown[]) {
        responseWrites += 1;
        return Reflect.apply(write, this, args) as boolean;
      } as ServerResponse['write'];
    });
    const body = new BodyText(await open('/streams/direct'));
    await body.until((text) => text.includes('retry:'));
    for (let i = 0; i < 5; i++) feed.append('direct', 'n', { i });
    const text = await body.until((seen) => seen.includes('id: 5\n'));
    expect(ids(text)).toEqual([1, 2, 3, 4, 5]);
    expect(responseWrites).toBe(0);
    await body.cancel();
  });

  it('delivers a burst in order, each event once, reading the log in batches', async () => {
    await start({ batchSize: 7 });
    const body = new BodyText(await open('/streams/burst'));
    await body.until((text) => text.includes('retry:'));
    for (let i = 0; i < 100; i++) feed.append('burst', 'n', { i });
    const text = await body.until((seen) => seen.includes('id: 100\n'));
    expect(ids(text)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    await body.cancel();
  });

  it('reads the log once per batch for all the streams at the same place', async () => {
    await start();
    await hub.close();
    const reads: number[] = [];
    // The same memory feed, counting reads: 50 streams of one notice are one read per batch.
    hub = createSseHub({
      feed: {
        ...feed,
        read(stream, after, limit) {
          reads.push(after);
          return feed.read(stream, after, limit);
        },
      },
      batchSize: 7,
      heartbeatMs: 60_000,
    });
    const bodies = await Promise.all(
      Array.from({ length: 50 }, async () => new BodyText(await open('/streams/many'))),
    );
    for (const body of bodies) await body.until((text) => text.includes('retry:'));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    reads.length = 0;
    for (let i = 0; i < 20; i++) feed.append('many', 'n', { i });
    const all = Array.from({ length: 20 }, (_, i) => i + 1);
    for (const body of bodies) {
      expect(ids(await body.until((text) => text.includes('id: 20\n')))).toEqual(all);
      await body.cancel();
    }
    // Batches of 7 after 0, 7 and 14 (a stream still finishing its first read may ask once more).
    expect(reads.every((after) => [0, 7, 14].includes(after))).toBe(true);
    expect(reads.length).toBeLessThan(10);
  });

  it('keeps every event once and in order while streams open under a steady flow of events', async () => {
    await start({ batchSize: 3 });
    let appending = true;
    let count = 0;
    // Events arrive in every turn and between promises while the streams open.
    const appender = (async () => {
      while (appending) {
        feed.append('race', 'n', { i: ++count });
        if (count % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
        else await Promise.resolve();
      }
    })();
    const bodies = await Promise.all(
      Array.from({ length: 10 }, async () => new BodyText(await open('/streams/race'))),
    );
    for (const body of bodies) await body.until((text) => text.includes('retry:'));
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    appending = false;
    await appender;
    const all = Array.from({ length: count }, (_, i) => i + 1);
    for (const body of bodies) {
      expect(ids(await body.until((text) => text.includes(`id: ${count}\n`)))).toEqual(all);
      await body.cancel();
    }
  });

  it('drops a client that stops reading, without holding up one that reads', async () => {
    // A heartbeat long enough that a client which reads, on a machine busy with other tests, is
    // never one that took nothing for a whole interval; the stuck one is dropped within two.
    await start({ heartbeatMs: 500, maxBufferedBytes: 16 * 1024, closeGraceMs: 100 });
    // A client that reads the headers and then nothing: its socket buffers fill up.
    const stuck = await pausedClient('/streams/busy');
    const reader = new BodyText(await open('/streams/busy'));
    await eventually(() => hub.size === 2, 'both clients are connected');
    const received = reader.untilIncludes('id: 4000\n');
    const payload = 'x'.repeat(2_000);
    for (let i = 1; i <= 4_000; i++) {
      feed.append('busy', 'n', { i, payload });
      // Lets the reader and the sockets move between appends, as real traffic would.
      if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(ids(await received)).toHaveLength(4_000);
    await eventually(() => hub.size === 1, 'the stuck client is dropped');
    // It sees the end of its stream (and would reconnect) once it reads again.
    stuck.resume();
    await new Promise((resolve) => stuck.on('close', resolve));
    await reader.cancel();
  });

  it('ends the stream without the reconnect event when the log cannot be read', async () => {
    const errors: unknown[] = [];
    await start({
      onError: (error, stream) => errors.push([stream, (error as Error).message]),
    });
    const failing = createSseHub({
      feed: { ...feed, read: () => Promise.reject(new Error('database down')) },
      onError: (error, stream) => errors.push([stream, (error as Error).message]),
    });
    hub = failing;
    const text = await new BodyText(await open('/streams/gata')).end();
    expect(text).not.toContain(RECONNECT_EVENT);
    expect(errors).toEqual([['gata', 'database down']]);
    expect(failing.size).toBe(0);
  });

  it('cleans up when the client goes away: no stream, no subscription', async () => {
    await start();
    const abort = new AbortController();
    const body = new BodyText(await open('/streams/gata', {}, abort.signal));
    await body.until((text) => text.includes('retry:'));
    expect([hub.size, feed.subscriptions]).toEqual([1, 1]);
    abort.abort();
    await eventually(() => hub.size === 0 && feed.subscriptions === 0, 'the stream is let go');
    feed.append('gata', 'after', {});
  });

  it('on close tells every client to reconnect, ends their streams, and lets the server close', async () => {
    await start({ closeGraceMs: 200 });
    const readers = await Promise.all(
      ['a', 'b'].map(async (name) => new BodyText(await open(`/streams/${name}`))),
    );
    for (const reader of readers) await reader.until((text) => text.includes('retry:'));
    // And one that never reads: it is cut off after the grace time.
    await pausedClient('/streams/c');
    await eventually(() => hub.size === 3, 'three clients are connected');
    await hub.close();
    expect(hub.size).toBe(0);
    for (const reader of readers) {
      expect(await reader.end()).toMatch(
        new RegExp(`event: ${RECONNECT_EVENT}\ndata: \\{"reason":"shutdown"\\}\n\n$`),
      );
    }
    // Late arrivals are told the same at once.
    const late = await (await open('/streams/a')).text();
    expect(late).toContain(`event: ${RECONNECT_EVENT}`);
    await server.close();
  });
});

describe('SSE hub without a Node response (the body stream alone)', () => {
  it('streams events, then the reconnect event on close, through a web Response body', async () => {
    feed = createMemoryFeed();
    hub = createSseHub({ feed, retryMs: 1_500, heartbeatMs: 60_000, closeGraceMs: 200 });
    server = await startSseServer(() => hub);
    const app = new Hono();
    app.get('/streams/:name', (c) => hub.respond(c, c.req.param('name')));
    feed.append('gata', 'notice.published', { n: 1 });
    const response = await app.request('/streams/gata');
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const body = new BodyText(response);
    await body.until((text) => text.includes('id: 1\n'));
    feed.append('gata', 'notice.published', { n: 2 });
    await body.until((text) => text.includes('id: 2\n'));
    const rest = body.end();
    await hub.close();
    expect(await rest).toMatch(
      new RegExp(
        `data: \\{"n":2\\}\n\nevent: ${RECONNECT_EVENT}\ndata: \\{"reason":"shutdown"\\}\n\n$`,
      ),
    );
  });
});

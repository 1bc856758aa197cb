import type { EventStreamMessage } from '@kontakt/core/events';
import { EventStream } from '@kontakt/core/events';
import { afterEach, describe, expect, it } from 'vitest';
import type { SseHub } from './hub.js';
import { createSseHub } from './hub.js';
import { createMemoryFeed } from './memory-feed.js';
import type { TestSseServer } from './test-support/sse-server.js';
import { eventually, startSseServer } from './test-support/sse-server.js';

let server: TestSseServer | undefined;
const hubs: SseHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
  server?.server.closeAllConnections();
  await server?.close();
});

describe('@kontakt/core EventStream against the SSE hub', () => {
  it('gets every event exactly once, in order, across a shutdown and a move to another instance', async () => {
    // One log, two "instances" (hubs) in front of it; the URL reaches whichever is current.
    const feed = createMemoryFeed();
    const first = createSseHub({ feed, retryMs: 20 });
    const second = createSseHub({ feed, retryMs: 20 });
    hubs.push(first, second);
    let current = first;
    server = await startSseServer(() => current);
    const stream = new EventStream(`${server.url}/streams/notices`);
    const received: EventStreamMessage[] = [];
    const reconnected = new Promise((resolve) => {
      let opens = 0;
      stream.addEventListener('open', () => {
        if (++opens === 2) resolve(undefined);
      });
    });
    const reading = (async () => {
      for await (const message of stream) {
        received.push(message);
        if (received.length === 6) break;
      }
    })();

    feed.append('notices', 'notice.published', { n: 1 });
    feed.append('notices', 'notice.published', { n: 2 });
    await eventually(() => received.length === 2, 'the first two events arrive');
    // The instance shuts down; meanwhile more events are written.
    current = second;
    feed.append('notices', 'notice.published', { n: 3 });
    await first.close();
    feed.append('notices', 'notice.changed', { n: 4 });
    await reconnected;
    feed.append('notices', 'notice.published', { n: 5 });
    feed.append('notices', 'notice.withdrawn', { n: 6 });
    await reading;

    expect(received.map((message) => JSON.parse(message.data).n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(received.map((message) => message.lastEventId)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(received[3]?.type).toBe('notice.changed');
    expect(stream.readyState).toBe('closed');
    await eventually(() => second.size === 0, 'the stream is let go on the server');
  });

  it('resumes from the id a page kept, with the query parameter', async () => {
    const feed = createMemoryFeed();
    const hub = createSseHub({ feed });
    hubs.push(hub);
    server = await startSseServer(() => hub);
    for (let n = 1; n <= 4; n++) feed.append('case', 'status', { n });
    const stream = new EventStream(`${server.url}/streams/case`, {
      lastEventId: '2',
      lastEventIdIn: 'query',
    });
    const received: string[] = [];
    for await (const message of stream) {
      received.push(message.lastEventId);
      if (received.length === 2) break;
    }
    expect(received).toEqual(['3', '4']);
  });

  it('stops for good on a Last-Event-ID the server never sent, with its problem code', async () => {
    const feed = createMemoryFeed();
    const hub = createSseHub({ feed });
    hubs.push(hub);
    server = await startSseServer(() => hub);
    const stream = new EventStream(`${server.url}/streams/case`, { lastEventId: 'x' });
    const error = await new Promise<{ willRetry: boolean; code: string }>((resolve) =>
      stream.addEventListener('error', (event) =>
        resolve({ willRetry: event.willRetry, code: event.error.code }),
      ),
    );
    expect(error).toEqual({ willRetry: false, code: 'validation_failed' });
  });
});

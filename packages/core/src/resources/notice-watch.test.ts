import type { ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { KontaktError } from '../errors/KontaktError.js';
import type { Notice } from '../schemas/notice.js';
import { NoticeSchema } from '../schemas/notice.js';
import { noticeText as text } from '../test-support/notice-text.js';
import { readNotice, watchNotices } from './notice-watch.js';

const notice = (id: string, overrides: Partial<Notice> = {}): Notice => ({
  id: `n_${id.padEnd(20, '0')}`,
  title: text('Vattenläcka'),
  text: text('Inget vatten på Storgatan'),
  severity: 'warning',
  departments: ['gata'],
  startsAt: '2026-12-03T08:00:00Z',
  endsAt: null,
  updatedAt: '2026-12-03T08:00:00Z',
  ...overrides,
});

/**
 * A notices stream on loopback: `answer` says how a connection is answered (given the request's
 * last event id); a stream begun without one starts with the notices `current()` gives.
 */
async function startNoticesServer(
  current: () => unknown[],
  answer: (lastEventId: string | null) => { status: number; body: unknown } | undefined = () =>
    undefined,
) {
  const streams: ServerResponse[] = [];
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${url.pathname}${url.search}`);
    if (url.pathname !== '/v1/notices/stream') {
      res.writeHead(404).end();
      return;
    }
    const last = url.searchParams.get('lastEventId');
    const refused = answer(last);
    if (refused) {
      res
        .writeHead(refused.status, { 'content-type': 'application/problem+json' })
        .end(JSON.stringify(refused.body));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('retry: 50\n\n');
    if (last === null && url.searchParams.get('current') === '1') {
      res.write(`event: notices.current\ndata: ${JSON.stringify({ notices: current() })}\n\n`);
    }
    streams.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    streams,
    send(id: number, type: string, data: unknown) {
      for (const stream of streams)
        stream.write(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let server: Awaited<ReturnType<typeof startNoticesServer>> | undefined;
let stopWatch: (() => void) | undefined;
afterEach(async () => {
  stopWatch?.();
  await server?.close();
  server = undefined;
});

/** Resolves with the next list `onChange` is called with that passes `until`. */
function changes() {
  const calls: Notice[][] = [];
  let waiting: { until: (n: readonly Notice[]) => boolean; resolve: (n: Notice[]) => void }[] = [];
  return {
    calls,
    onChange(list: readonly Notice[]) {
      calls.push([...list]);
      waiting = waiting.filter((w) => {
        if (!w.until(list)) return true;
        w.resolve([...list]);
        return false;
      });
    },
    next(until: (n: readonly Notice[]) => boolean) {
      const last = calls.at(-1);
      if (last && until(last)) return Promise.resolve(last);
      return new Promise<Notice[]>((resolve) => waiting.push({ until, resolve }));
    },
  };
}

describe('watchNotices', () => {
  it('asks for the stream that begins with the current notices, then follows it', async () => {
    server = await startNoticesServer(() => [notice('a')]);
    const seen = changes();
    stopWatch = watchNotices(`${server.url}/`, 'gata', { onChange: seen.onChange }).close;
    expect((await seen.next((n) => n.length === 1))[0]?.id).toBe(notice('a').id);
    // One request: no list before it.
    expect(server.seen).toEqual(['/v1/notices/stream?department=gata&current=1']);

    server.send(42, 'notice.published', notice('b', { severity: 'danger' }));
    expect((await seen.next((n) => n.length === 2)).map((n) => n.severity)).toEqual([
      'warning',
      'danger',
    ]);
    server.send(43, 'notice.published', notice('a', { title: text('Åtgärdat') }));
    expect((await seen.next((n) => n[0]?.title.sv === 'Åtgärdat sv')).length).toBe(2);
    server.send(44, 'notice.withdrawn', { id: notice('b').id });
    expect((await seen.next((n) => n.length === 1))[0]?.id).toBe(notice('a').id);
    // Withdrawing what it does not hold changes nothing.
    const calls = seen.calls.length;
    server.send(45, 'notice.withdrawn', { id: notice('c').id });
    server.send(46, 'notice.published', notice('c'));
    await seen.next((n) => n.length === 2);
    expect(seen.calls.length).toBe(calls + 1);
  });

  it('resumes from its last event after the stream drops', async () => {
    server = await startNoticesServer(() => []);
    const seen = changes();
    stopWatch = watchNotices(server.url, 'gata', { onChange: seen.onChange }).close;
    await expect.poll(() => server?.streams.length).toBe(1);
    server.send(8, 'notice.published', notice('a'));
    await seen.next((n) => n.length === 1);
    server.streams[0]?.destroy();
    await expect.poll(() => server?.streams.length, { timeout: 5_000 }).toBe(2);
    expect(server.seen.at(-1)).toBe('/v1/notices/stream?department=gata&current=1&lastEventId=8');
    server.send(9, 'notice.withdrawn', { id: notice('a').id });
    await seen.next((n) => n.length === 0);
  });

  it('takes the current notices again, in place of its own, when it reconnects before any event', async () => {
    let current = [notice('a'), notice('b')];
    server = await startNoticesServer(() => current);
    const seen = changes();
    stopWatch = watchNotices(server.url, 'gata', { onChange: seen.onChange }).close;
    await seen.next((n) => n.length === 2);
    current = [notice('b', { severity: 'danger' })];
    server.streams[0]?.destroy();
    const after = await seen.next((n) => n.length === 1);
    expect(after.map((n) => [n.id, n.severity])).toEqual([[notice('b').id, 'danger']]);
    expect(server.seen.at(-1)).toBe('/v1/notices/stream?department=gata&current=1');
  });

  it('reports an unreachable server and tries again until it answers', async () => {
    let answers = 0;
    server = await startNoticesServer(
      () => [notice('a')],
      () => {
        answers += 1;
        return answers === 1
          ? { status: 503, body: { code: 'service_unavailable', status: 503, title: 'x' } }
          : undefined;
      },
    );
    const errors: string[] = [];
    const seen = changes();
    stopWatch = watchNotices(server.url, 'gata', {
      onChange: seen.onChange,
      onError: (error: KontaktError, willRetry) =>
        errors.push([error.status ?? 0, willRetry].join()),
    }).close;
    await seen.next((n) => n.length === 1);
    expect(errors).toEqual(['503,true']);
  }, 10_000);

  it('stops for good for an unknown department', async () => {
    server = await startNoticesServer(
      () => [],
      () => ({ status: 404, body: { code: 'department_not_found', status: 404, title: 'x' } }),
    );
    const errors: [string, boolean][] = [];
    stopWatch = watchNotices(server.url, 'okand', {
      onChange: () => undefined,
      onError: (error, willRetry) => errors.push([error.code, willRetry]),
    }).close;
    await expect.poll(() => errors).toEqual([['department_not_found', false]]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.seen).toHaveLength(1);
  });

  it('reports what does not match the contract, keeps what it has, and goes on', async () => {
    server = await startNoticesServer(() => [notice('a')]);
    const errors: string[] = [];
    const seen = changes();
    stopWatch = watchNotices(server.url, 'gata', {
      onChange: seen.onChange,
      onError: (error) => errors.push(error.code),
    }).close;
    await seen.next((n) => n.length === 1);
    server.send(2, 'notices.current', { notices: [notice('b'), { id: 'n_1' }] });
    server.send(3, 'notices.current', { list: [] });
    server.send(4, 'notice.published', { ...notice('c'), severity: 'critical' });
    server.send(5, 'notice.published', notice('d'));
    const last = await seen.next((n) => n.length === 2);
    expect(last.map((n) => n.id)).toEqual([notice('a').id, notice('d').id]);
    expect(errors).toEqual(['invalid_response', 'invalid_response', 'invalid_response']);
  });

  it('calls nothing after close()', async () => {
    server = await startNoticesServer(() => []);
    const seen = changes();
    const watch = watchNotices(server.url, 'gata', { onChange: seen.onChange });
    await expect.poll(() => server?.streams.length).toBe(1);
    await seen.next(() => true);
    watch.close();
    server.send(2, 'notice.published', notice('a'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.calls).toEqual([[]]);
  });
});

describe('readNotice', () => {
  const valid = notice('a', { endsAt: '2026-12-04T08:00:00+01:00' });
  const cases: [string, unknown][] = [
    ['valid', valid],
    ['for all departments', { ...valid, departments: 'all' }],
    ['without an end', { ...valid, endsAt: null }],
    ['a short id', { ...valid, id: 'n_1' }],
    ['an id with an I', { ...valid, id: `n_${'I'.repeat(20)}` }],
    ['a missing language', { ...valid, title: { sv: 'x', en: 'x', fi: 'x' } }],
    ['a blank language', { ...valid, text: { ...valid.text, ar: '   ' } }],
    ['too long a title', { ...valid, title: { ...valid.title, sv: 'x'.repeat(121) } }],
    ['an unknown severity', { ...valid, severity: 'critical' }],
    ['no departments', { ...valid, departments: [] }],
    ['a department twice', { ...valid, departments: ['gata', 'gata'] }],
    ['a bad department id', { ...valid, departments: ['Gata'] }],
    ['a date without offset', { ...valid, startsAt: '2026-12-03T08:00:00' }],
    ['a date that is not one', { ...valid, updatedAt: '2026-13-03T08:00:00Z' }],
    ['a missing end', { ...valid, endsAt: undefined }],
    ['not an object', 'notice'],
  ];
  it.each(cases)('agrees with NoticeSchema on %s', (_, value) => {
    expect(readNotice(value) !== undefined).toBe(z.safeParse(NoticeSchema, value).success);
  });
});

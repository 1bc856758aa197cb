// client.notices against the real reference server: the list, and a feed that follows the
// admin API's changes live.

import type { TestServer } from '@kontakt/server/test-support';
import {
  createApiKey,
  hashApiKey,
  startTestServer,
  noticeText as text,
} from '@kontakt/server/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import type { Notice } from '../schemas/index.js';
import type { NoticeChangeEvent, NoticeFeedErrorEvent } from './notices.js';

const KEY = createApiKey();

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function admin(path: string, body?: unknown): Promise<Notice> {
  const response = await fetch(`${server?.url}/v1/admin/notices${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Notice;
}

/** Publishes a notice for `gata` through the admin API. */
const publishLeak = (severity: Notice['severity']) =>
  admin('', {
    title: text('Vattenläcka'),
    text: text('Inget vatten'),
    severity,
    departments: ['gata'],
  });

describe('client.notices', () => {
  it('lists, then follows a department’s notices as events and as an async iterator', async () => {
    server = await startTestServer({ adminApiKeys: [{ id: 'test', hash: hashApiKey(KEY) }] });
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    expect(await client.notices.list()).toEqual({ notices: [], cursor: expect.any(String) });

    const feed = client.notices.watch();
    const changes: (readonly Notice[])[] = [];
    feed.addEventListener('change', (event) => changes.push((event as NoticeChangeEvent).notices));
    const iterator = feed[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual([]);

    const published = await publishLeak('danger');
    expect(((await iterator.next()).value as Notice[]).map((n) => n.id)).toEqual([published.id]);
    expect((await client.notices.list('gata')).notices.map((n) => n.severity)).toEqual(['danger']);
    expect((await client.notices.list('skola')).notices).toEqual([]);

    await admin(`/${published.id}/withdraw`);
    expect((await iterator.next()).value).toEqual([]);
    expect(changes.map((list) => list.length)).toEqual([0, 1, 0]);

    feed.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it('follows them with the client’s own fetch, as every request of the client', async () => {
    server = await startTestServer({ adminApiKeys: [{ id: 'test', hash: hashApiKey(KEY) }] });
    const asked: string[] = [];
    const client = createClient({
      endpoint: server.url,
      department: 'gata',
      outbox: false,
      fetch: (input, init) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
    const feed = client.notices.watch();
    const iterator = feed[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual([]);
    const published = await publishLeak('warning');
    expect(((await iterator.next()).value as Notice[]).map((n) => n.id)).toEqual([published.id]);
    feed.close();
    expect(asked).toEqual(['/v1/notices/stream']);
  });

  it('refuses an unknown department with its code', async () => {
    server = await startTestServer();
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    await expect(client.notices.list('okand')).rejects.toMatchObject({
      code: 'department_not_found',
      status: 404,
    });
    // Followed: the error says it will not retry, and the feed ends (its iterators with it).
    const feed = client.notices.watch('okand');
    const errors: { code: string; willRetry: boolean }[] = [];
    feed.addEventListener('error', (event) => {
      const { error, willRetry } = event as NoticeFeedErrorEvent;
      errors.push({ code: error.code, willRetry });
    });
    for await (const notices of feed) expect.fail(`no notices expected: ${notices.length}`);
    expect(errors).toEqual([{ code: 'department_not_found', willRetry: false }]);
  });
});

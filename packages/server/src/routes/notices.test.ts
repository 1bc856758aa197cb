import type { AdminNotice, Notice, NoticeInput } from '@kontakt/core/schemas';
import { AdminNoticeSchema, NoticeListSchema } from '@kontakt/core/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey, hashApiKey } from '../api-keys.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';
import { noticeText as text } from '../test-support/notices.js';

const KEY = createApiKey();
const adminApiKeys = [{ id: 'crisis-team', hash: hashApiKey(KEY) }];
const input = (overrides: Partial<NoticeInput> = {}): NoticeInput => ({
  title: text('Vattenläcka'),
  text: text('Inget vatten på Storgatan'),
  severity: 'warning',
  departments: ['gata'],
  ...overrides,
});

/** What the admin API answers, as far as these tests read it. */
interface AdminAnswer {
  code?: string;
  errors: { field: string; code: string }[];
  notices: AdminNotice[];
  withdrawnAt?: string | null;
  createdAt?: string;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (now?: () => Date) => {
  server = await startTestServer({
    adminApiKeys,
    events: { heartbeatMs: 200, retryMs: 50 },
    ...(now ? { now } : {}),
  });
  return server;
};

async function admin(path: string, method: string, body?: unknown, key = KEY) {
  const response = await fetch(`${server?.url}/v1/admin/notices${path}`, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as AdminAnswer,
  };
}

const publish = async (overrides: Partial<NoticeInput> = {}) => {
  const { status, body } = await admin('', 'POST', input(overrides));
  expect(status).toBe(201);
  return AdminNoticeSchema.parse(body);
};

async function list(department: string) {
  const response = await fetch(`${server?.url}/v1/notices?department=${department}`);
  expect(response.status).toBe(200);
  return NoticeListSchema.parse(await response.json());
}

/** Reads a department's stream from `cursor` until `count` events have arrived. */
async function readStream(department: string, cursor: string, count: number) {
  return (await openStream(`department=${department}&lastEventId=${cursor}`, count)).events;
}

type StreamEvent = { id: string; type: string; data: Record<string, unknown> };

/**
 * Opens the stream at `query` (resolves once its headers are in); `events` resolves when `count`
 * events have arrived, and the stream is let go.
 */
async function openStream(
  query: string,
  count: number,
): Promise<{ events: Promise<StreamEvent[]> }> {
  const controller = new AbortController();
  const response = await fetch(`${server?.url}/v1/notices/stream?${query}`, {
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const collect = async () => {
    const events: StreamEvent[] = [];
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const type = field('event');
        if (type && !type.startsWith('kontakt.')) {
          events.push({ id: field('id') ?? '', type, data: JSON.parse(field('data') ?? 'null') });
        }
        end = buffer.indexOf('\n\n');
      }
    }
    controller.abort();
    return events;
  };
  return { events: collect() };
}

describe('notices', () => {
  it('publishes a notice to the pages of its departments, live, after the cursor they read', async () => {
    await start();
    const before = await list('gata');
    expect(before.notices).toEqual([]);
    const streamed = readStream('gata', before.cursor, 1);

    const notice = await publish();
    expect(notice).toMatchObject({ severity: 'warning', departments: ['gata'], withdrawnAt: null });
    const [event] = await streamed;
    expect(event?.type).toBe('notice.published');
    expect(event?.data).toEqual(publicOf(notice));

    expect((await list('gata')).notices).toEqual([publicOf(notice)]);
    expect((await list('skola')).notices).toEqual([]);
  });

  it('moves a changed notice between departments and takes a withdrawn one off every page', async () => {
    await start();
    const cursor = (await list('skola')).cursor;
    const notice = await publish({ departments: ['gata'] });
    const changed = await admin(
      `/${notice.id}`,
      'PUT',
      input({ departments: ['skola'], severity: 'danger' }),
    );
    expect(changed.status).toBe(200);
    expect(changed.body.createdAt).toBe(notice.createdAt);

    const gata = await readStream('gata', cursor, 2);
    expect(gata.map((event) => event.type)).toEqual(['notice.published', 'notice.withdrawn']);
    expect((await list('gata')).notices).toEqual([]);
    expect((await list('skola')).notices.map((n) => n.severity)).toEqual(['danger']);

    const withdrawn = await admin(`/${notice.id}/withdraw`, 'POST');
    expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
    const skola = await readStream('skola', cursor, 2);
    expect(skola.map((event) => [event.type, event.data.id])).toEqual([
      ['notice.published', notice.id],
      ['notice.withdrawn', notice.id],
    ]);
    expect((await list('skola')).notices).toEqual([]);
    // Withdrawing again changes nothing; a withdrawn notice is not changed.
    expect((await admin(`/${notice.id}/withdraw`, 'POST')).body.withdrawnAt).toBe(
      withdrawn.body.withdrawnAt,
    );
    expect((await admin(`/${notice.id}`, 'PUT', input())).body.code).toBe('notice_withdrawn');
  });

  it('publishes to every department for "all", and lists notices that start later but not ended ones', async () => {
    let now = new Date('2026-12-03T08:00:00Z');
    await start(() => now);
    await publish({ departments: 'all', startsAt: '2026-12-03T10:00:00+01:00' });
    await publish({ endsAt: '2026-12-03T09:00:00Z', severity: 'info' });
    expect((await list('skola')).notices.map((n) => n.startsAt)).toEqual([
      '2026-12-03T09:00:00.000Z',
    ]);
    expect((await list('gata')).notices).toHaveLength(2);
    now = new Date('2026-12-03T09:00:00Z');
    expect((await list('gata')).notices.map((n) => n.severity)).toEqual(['warning']);
  });

  it('lets an administrator read every notice, withdrawn ones too', async () => {
    await start();
    const notice = await publish();
    await admin(`/${notice.id}/withdraw`, 'POST');
    const all = await admin('', 'GET');
    expect(all.body.notices.map((n) => n.id)).toEqual([notice.id]);
    expect((await admin(`/${notice.id}`, 'GET')).body.withdrawnAt).not.toBeNull();
    expect((await admin('/n_00000000000000000000', 'GET')).status).toBe(404);
  });
});

describe('notices: a stream that begins with the current notices', () => {
  it('with current=1 and no last event id, begins with the notices of the department, then follows', async () => {
    let now = new Date('2026-12-03T08:00:00Z');
    await start(() => now);
    const later = await publish({ departments: 'all', startsAt: '2026-12-03T10:00:00+01:00' });
    await publish({ endsAt: '2026-12-03T09:00:00Z', severity: 'info' });
    await publish({ departments: ['skola'] });
    const withdrawn = await publish();
    await admin(`/${withdrawn.id}/withdraw`, 'POST');
    now = new Date('2026-12-03T09:30:00Z');

    const { events } = await openStream('department=gata&current=1', 2);
    const published = await publish({ severity: 'danger' });
    const [first, next] = await events;
    expect(first).toEqual({
      id: '',
      type: 'notices.current',
      data: { notices: [publicOf(later)] },
    });
    expect(next?.type).toBe('notice.published');
    expect(next?.data).toEqual(publicOf(published));
    expect(next?.id).toMatch(/^[0-9]+$/);
  });

  it('begins with them only when asked, and not when it resumes after a last event id', async () => {
    await start();
    const { cursor } = await list('gata');
    await publish();
    const published = await publish({ severity: 'danger' });
    const plain = (await openStream('department=gata', 1)).events;
    const resumed = await (await openStream(`department=gata&current=1&lastEventId=${cursor}`, 2))
      .events;
    expect(resumed.map((event) => event.type)).toEqual(['notice.published', 'notice.published']);
    const fresh = await (await openStream('department=gata&current=1', 1)).events;
    expect(fresh[0]?.type).toBe('notices.current');
    expect(fresh[0]?.data.notices).toHaveLength(2);
    expect(fresh[0]?.data.notices).toContainEqual(publicOf(published));
    // Without `current`, as before: only what follows (the next change).
    const next = await publish({ severity: 'info' });
    expect((await plain).map((event) => event.data.id)).toEqual([next.id]);
  });

  it('is in the OpenAPI document: the current parameter and the notices.current event', async () => {
    await start();
    const doc = (await (await fetch(`${server?.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, { get: OpenApiOperation }>;
    };
    const operation = doc.paths['/v1/notices/stream']?.get;
    expect(operation?.parameters.map((parameter) => parameter.name)).toContain('current');
    const events =
      operation?.responses['200']?.content['text/event-stream']?.schema.oneOf.map((event) => [
        event.title,
        event.required.includes('id'),
      ]) ?? [];
    expect(events).toEqual([
      ['notices.current', false],
      ['notice.published', true],
      ['notice.withdrawn', true],
      ['kontakt.reconnect', false],
    ]);
  });
});

/** The part of an OpenAPI operation these tests read. */
interface OpenApiOperation {
  parameters: { name: string }[];
  responses: Record<
    string,
    {
      content: Record<string, { schema: { oneOf: { title: string; required: string[] }[] } }>;
    }
  >;
}

describe('notices: bad input', () => {
  it('refuses a missing or wrong API key with 401 and changes nothing', async () => {
    await start();
    for (const key of ['', 'kk_wrong', `${KEY}x`]) {
      const { status, headers, body } = await admin('', 'POST', input(), key);
      expect(status).toBe(401);
      expect(body.code).toBe('unauthorized');
      expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await admin('', 'GET', undefined, '')).status).toBe(401);
    expect((await list('gata')).notices).toEqual([]);
  });

  it('names each invalid field: missing languages, an end before the start, unknown departments, oversized text', async () => {
    await start();
    const { status, body } = await admin('', 'POST', {
      ...input({ departments: ['gata', 'okand'], endsAt: '2026-01-01T00:00:00Z' }),
      title: { sv: 'Vattenläcka' },
      text: { ...text('x'), fi: 'x'.repeat(2001) },
    });
    expect(status).toBe(422);
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'title.en:required',
      'title.fi:required',
      'title.ar:required',
      'text.fi:too_long',
    ]);
    const second = await admin(
      '',
      'POST',
      input({ departments: ['gata', 'okand'], endsAt: '2026-01-01T00:00:00Z' }),
    );
    expect(second.body.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'departments.1:unknown_department',
      'endsAt:end_before_start',
    ]);
    expect((await list('gata')).notices).toEqual([]);
  });

  it('answers an unknown or missing department with a problem', async () => {
    await start();
    const unknown = await fetch(`${server?.url}/v1/notices?department=okand`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('department_not_found');
    // Missing, as on every route that takes ?department=: a field error naming it.
    const missing = await fetch(`${server?.url}/v1/notices`);
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'department', code: 'required' }],
    });
    expect((await fetch(`${server?.url}/v1/notices/stream`)).status).toBe(422);
    expect((await fetch(`${server?.url}/v1/notices/stream?department=okand`)).status).toBe(404);
  });
});

function publicOf(notice: AdminNotice): Notice {
  const { createdAt: _c, withdrawnAt: _w, ...visible } = notice;
  return visible;
}

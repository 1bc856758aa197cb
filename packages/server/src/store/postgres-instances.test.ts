import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStream } from '@kontakt/core/events';
import type { AdminNotice, NoticeInput } from '@kontakt/core/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey, hashApiKey } from '../api-keys.js';
import { fixture } from '../photos/metadata-fixtures.js';
import { testDepartments, validSubmission } from '../test-support/departments.js';
import type { Instance } from '../test-support/instances.js';
import { startInstance, stopInstance } from '../test-support/instances.js';
import { noticeText as text } from '../test-support/notices.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase, storeUnderTest } from '../test-support/store.js';

const KEY = createApiKey();

async function publish(instance: Instance, input: NoticeInput): Promise<AdminNotice> {
  const response = await fetch(`${instance.url}/v1/admin/notices`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as AdminNotice;
}

const notice = (word: string): NoticeInput => ({
  title: text(word),
  text: text('Inget vatten'),
  severity: 'info',
  departments: ['gata'],
});

/** Collects a stream's `notice.published` events: id and title. */
function collect(stream: EventStream) {
  const seen: { id: string; title: string }[] = [];
  stream.addEventListener('notice.published', (event: MessageEvent<string>) => {
    seen.push({ id: event.lastEventId, title: (JSON.parse(event.data) as AdminNotice).title.sv });
  });
  return seen;
}

describe.skipIf(storeUnderTest !== 'postgres')('several instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let dir: string;
  let config: string;
  const instances: Instance[] = [];
  const streams: EventStream[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'kontakt-instances-'));
    config = join(dir, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        departments: testDepartments,
        adminApiKeys: [{ id: 'test', hash: hashApiKey(KEY) }],
      }),
    );
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await Promise.all(instances.splice(0).map((instance) => stopInstance(instance, 'SIGKILL')));
    await database.remove();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async () => {
    const instance = await startInstance(database, config);
    instances.push(instance);
    return instance;
  };

  it('brings a notice published through one instance to a page on the other within a second', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const stream = new EventStream(`${second?.url}/v1/notices/stream?department=gata`);
    streams.push(stream);
    const seen = collect(stream);
    await new Promise((resolveOpen) =>
      stream.addEventListener('open', resolveOpen, { once: true }),
    );

    const published = Date.now();
    await publish(first as Instance, notice('Vattenläcka'));
    await expect.poll(() => seen.length, { timeout: 1_000, interval: 10 }).toBe(1);
    expect(Date.now() - published).toBeLessThan(1_000);
  });

  it('carries a page on to the other instance when its own is killed: every event once, in order', async () => {
    const [first, second] = (await Promise.all([start(), start()])) as [Instance, Instance];
    // The load balancer: the page's one URL goes to the first instance while it is up.
    let target = first;
    const balanced: typeof fetch = (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      return fetch(`${target.url}${url.pathname}${url.search}`, init);
    };
    const stream = new EventStream('http://kontakt.invalid/v1/notices/stream?department=gata', {
      fetch: balanced,
      reconnect: { initial: 50, max: 200 },
    });
    streams.push(stream);
    const seen = collect(stream);
    await new Promise((resolveOpen) =>
      stream.addEventListener('open', resolveOpen, { once: true }),
    );

    for (const word of ['ett', 'två', 'tre']) await publish(second, notice(word));
    await expect.poll(() => seen.length, { timeout: 2_000 }).toBe(3);
    await stopInstance(first, 'SIGKILL');
    target = second;
    // Published while the page has no connection: it must get them when it is back.
    for (const word of ['fyra', 'fem']) await publish(second, notice(word));
    await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(5);
    await publish(second, notice('sex'));
    await expect.poll(() => seen.length, { timeout: 2_000 }).toBe(6);

    expect(seen.map((event) => event.title)).toEqual(
      ['ett', 'två', 'tre', 'fyra', 'fem', 'sex'].map((word) => `${word} sv`),
    );
    const ids = seen.map((event) => Number(event.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(6);
  });

  it('makes one case with its photo when the same message with a photo reaches both at once', async () => {
    await writeFile(
      config,
      JSON.stringify({
        departments: testDepartments.map((department) =>
          department.id === 'gata' ? { ...department, messagePhotos: { maxCount: 2 } } : department,
        ),
        adminApiKeys: [{ id: 'test', hash: hashApiKey(KEY) }],
      }),
    );
    const [first, second] = (await Promise.all([start(), start()])) as [Instance, Instance];
    // Five rounds: the two requests meet in another order each time (without the replay after a
    // failed filing, about one in three answers 422 unknown_photo).
    for (let round = 0; round < 5; round += 1) {
      const upload = await fetch(`${first.url}/v1/photos?department=gata`, {
        method: 'POST',
        headers: { 'Content-Type': 'image/png' },
        body: fixture('photo.png') as Uint8Array<ArrayBuffer>,
      });
      expect(upload.status).toBe(201);
      const { id } = (await upload.json()) as { id: string };
      const body = JSON.stringify(validSubmission({ photos: [id] }));
      const send = (instance: Instance) =>
        fetch(`${instance.url}/v1/cases`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `photo-key-${round}` },
          body,
        });
      const answers = await Promise.all([send(first), send(second)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201]);
      const receipts = (await Promise.all(answers.map((answer) => answer.json()))) as {
        reference: string;
      }[];
      expect(receipts[0]?.reference).toBe(receipts[1]?.reference);
      const photos = await database.inspect((db) =>
        db.selectFrom('photos').select(['case_reference']).where('id', '=', id).execute(),
      );
      expect(photos).toEqual([{ case_reference: receipts[0]?.reference }]);
    }
  });

  it('makes one case when the same Idempotency-Key reaches both instances at once', async () => {
    const [first, second] = (await Promise.all([start(), start()])) as [Instance, Instance];
    const body = JSON.stringify(validSubmission());
    const send = (instance: Instance) =>
      fetch(`${instance.url}/v1/cases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'same-key-on-both' },
        body,
      });
    const answers = await Promise.all([send(first), send(second)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201]);
    const receipts = await Promise.all(answers.map((answer) => answer.json()));
    expect((receipts[0] as { reference: string }).reference).toBe(
      (receipts[1] as { reference: string }).reference,
    );
    const count = await database.inspect((db) =>
      db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(1);
  });
});

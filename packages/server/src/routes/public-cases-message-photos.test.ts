import type { AgentCase } from '@kontakt/core/agent';
import type { CaseAccess, Receipt } from '@kontakt/core/schemas';
import { ProblemSchema, ReceiptSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../photos/metadata-fixtures.js';
import type { Store } from '../store/store.js';
import { comparable } from '../test-support/answers.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import {
  createTestDatabase,
  signIn,
  testAccounts,
  validFaultSubmission,
  validSubmission,
} from '../test-support/index.js';
import {
  PHOTO_TOPICS,
  photoRowsOf,
  refusal,
  startPhotoServer,
  uploadedPhoto,
} from '../test-support/photos.js';
import { readCaseChanges } from '../test-support/streams.js';
import { PHOTO_UNATTACHED_TTL_MS } from './photos.js';

/*
 * Photos with the sender's later message (`POST /v1/cases/{reference}/messages`, `photos`) on the
 * store under test: uploaded for the case's department, at most its `messagePhotos.maxCount`,
 * given to the case in the transaction that stores the message, on the agents' timeline and never
 * in anything public.
 */

let server: TestServer;
let anna: TestSession;

beforeAll(async () => {
  server = await startPhotoServer({ accounts: await testAccounts() });
  anna = await signIn(server.url, 'anna');
});
afterAll(() => server?.close());

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const uploaded = (to = 'gata', on = server) => uploadedPhoto(on, to);

/** A contact message to `to` (with `photos` of its own), as the contact form sends it. */
async function sendCase(to = 'gata', photos: string[] = [], on = server): Promise<Receipt> {
  const body = validSubmission(
    { topic: PHOTO_TOPICS[to] ?? 'ovrigt', photos },
    { department: to, pageUrl: `https://${to}.example.se/` },
  );
  const answer = await fetch(`${on.url}/v1/cases`, json(body));
  expect(answer.status).toBe(201);
  return ReceiptSchema.parse(await answer.json());
}

/** A fault report to `gata`, without photos. */
async function sendFault(): Promise<Receipt> {
  const answer = await fetch(`${server.url}/v1/faults`, json(validFaultSubmission()));
  expect(answer.status).toBe(201);
  return ReceiptSchema.parse(await answer.json());
}

const addMessage = (
  receipt: { reference: string; receiptToken: string },
  body: unknown,
  headers: Record<string, string> = {},
  on = server,
) =>
  fetch(
    `${on.url}/v1/cases/${receipt.reference}/messages`,
    json(body, { Authorization: `Bearer ${receipt.receiptToken}`, ...headers }),
  );

/** The photos rows of `ids`, in that order (on this file's server unless `on`). */
const photoRows = (ids: string[], on = server) => photoRowsOf(on, ids);

const unclaimed = (ids: string[]) =>
  ids.map((id) => ({ id, case_reference: null, position: null }));

/** The data of the case's `message_in` entries, as stored. */
async function storedMessages(reference: string, on = server): Promise<unknown[]> {
  const rows = await on.database.inspect((db) =>
    db
      .selectFrom('case_entries')
      .select('data')
      .where('case_reference', '=', reference)
      .where('kind', '=', 'message_in')
      .orderBy('seq')
      .execute(),
  );
  return rows.map((row) => JSON.parse(row.data));
}

/** The case as the agent API sends it (read as sent, not through the client's schema). */
async function agentCase(reference: string): Promise<AgentCase> {
  const answer = await fetch(`${server.url}/v1/agent/cases/${reference}`, {
    headers: anna.headers,
  });
  expect(answer.status).toBe(200);
  return (await answer.json()) as AgentCase;
}

async function act(reference: string, action: string, body: unknown = {}): Promise<void> {
  const answer = await fetch(
    `${server.url}/v1/agent/cases/${reference}/${action}`,
    json(body, anna.headers),
  );
  expect(answer.status).toBe(200);
}

describe('POST /v1/cases/{reference}/messages with photos', () => {
  it('gives them to the case with the message, once each in order, for the agents', async () => {
    const first = await uploaded();
    const receipt = await sendCase('gata', [first]);
    const [a, b] = [await uploaded(), await uploaded()] as [string, string];

    const answer = await addMessage(receipt, { text: 'Här är bilderna.', photos: [b, a, b] });
    expect(answer.status).toBe(201);
    expect(await photoRows([first, b, a])).toEqual([
      { id: first, case_reference: receipt.reference, position: 0 },
      { id: b, case_reference: receipt.reference, position: 0 },
      { id: a, case_reference: receipt.reference, position: 1 },
    ]);
    expect(await storedMessages(receipt.reference)).toEqual([
      { channel: 'web_form', text: 'Här är bilderna.', photos: [b, a] },
    ]);

    // The first message keeps its own photos; the later one's are on its timeline entry.
    const found = await agentCase(receipt.reference);
    expect(found.message.photos).toEqual([first]);
    expect(found.timeline.filter((entry) => entry.kind === 'message_in')).toEqual([
      expect.objectContaining({ seq: 0, photos: [] }),
      expect.objectContaining({ text: 'Här är bilderna.', photos: [b, a] }),
    ]);
    for (const id of [b, a]) {
      const photo = await fetch(`${server.url}/v1/agent/cases/${receipt.reference}/photos/${id}`, {
        headers: anna.headers,
      });
      expect(photo.status).toBe(200);
      expect(new Uint8Array(await photo.arrayBuffer())).toEqual(fixture('photo.png'));
    }

    // A message without photos has none on its entry.
    expect((await addMessage(receipt, { text: 'En sak till.' })).status).toBe(201);
    const later = (await agentCase(receipt.reference)).timeline.at(-1);
    expect(later).toMatchObject({ kind: 'message_in', text: 'En sak till.', photos: [] });
  });

  it("refuses more photos than the case's department takes, naming its maximum", async () => {
    const receipt = await sendCase('gata');
    const ids = Array.from({ length: 6 }, (_, index) => `photo-${index}`.padEnd(22, 'x'));
    for (const photos of [ids.slice(0, 4), ids]) {
      expect(await refusal(await addMessage(receipt, { text: 'Bilder', photos }))).toEqual([
        { field: 'photos', pointer: '/photos', code: 'too_long', params: { maximum: 3 } },
      ]);
    }
    // A photo uploaded for `gata` is still too many for a case of a department that takes none.
    const photo = await uploaded();
    for (const to of ['skola', 'kultur']) {
      const other = await sendCase(to);
      const errors = await refusal(await addMessage(other, { text: 'Bild', photos: [photo] }));
      expect(errors).toEqual([
        { field: 'photos', pointer: '/photos', code: 'too_long', params: { maximum: 0 } },
      ]);
      expect(await storedMessages(other.reference)).toEqual([]);
      // Without photos, its sender adds to it as before.
      expect((await addMessage(other, { text: 'Utan bild' })).status).toBe(201);
    }
    expect(await photoRows([photo])).toEqual(unclaimed([photo]));
  });

  it("names each photo it cannot use: unknown, another department's, another case's", async () => {
    const receipt = await sendCase('gata');
    const usable = await uploaded();
    const unknown = 'A'.repeat(22);
    const bygglov = await uploaded('bygglov');
    const taken = await uploaded();
    const other = await sendCase('gata', [taken]);

    const errors = await refusal(
      await addMessage(receipt, { text: 'Bilder', photos: [unknown, usable, bygglov] }),
    );
    expect(errors.map(({ field, code }) => `${field} ${code}`)).toEqual([
      'photos.0 unknown_photo',
      'photos.2 unknown_photo',
    ]);
    expect(await refusal(await addMessage(receipt, { text: 'Bild', photos: [taken] }))).toEqual([
      { field: 'photos.0', pointer: '/photos/0', code: 'unknown_photo' },
    ]);
    // Nothing of the refused messages is stored: no entry, no photo given away.
    expect(await storedMessages(receipt.reference)).toEqual([]);
    expect(await photoRows([usable, bygglov, taken])).toEqual([
      { id: usable, case_reference: null, position: null },
      { id: bygglov, case_reference: null, position: null },
      { id: taken, case_reference: other.reference, position: 0 },
    ]);

    // A photo an earlier message of the same case took is not there to take again.
    expect((await addMessage(receipt, { text: 'Bild', photos: [usable] })).status).toBe(201);
    expect(await refusal(await addMessage(receipt, { text: 'Igen', photos: [usable] }))).toEqual([
      { field: 'photos.0', pointer: '/photos/0', code: 'unknown_photo' },
    ]);
    expect(await storedMessages(receipt.reference)).toHaveLength(1);
  });

  it('refuses a photo no case named before it expired', async () => {
    let now = Date.now();
    const clocked = await startPhotoServer({ now: () => new Date(now) });
    try {
      const receipt = await sendCase('gata', [], clocked);
      const photo = await uploaded('gata', clocked);
      now += PHOTO_UNATTACHED_TTL_MS;
      const answer = await addMessage(receipt, { text: 'Bild', photos: [photo] }, {}, clocked);
      expect(await refusal(answer)).toEqual([
        { field: 'photos.0', pointer: '/photos/0', code: 'unknown_photo' },
      ]);
      expect(await photoRows([photo], clocked)).toEqual(unclaimed([photo]));
    } finally {
      await clocked.close();
    }
  });

  it('answers a token that is not the sender’s with the one 404 before the photos, claiming none', async () => {
    const receipt = await sendFault();
    const followed = await fetch(
      `${server.url}/v1/cases/${receipt.reference}/followers`,
      json({ email: 'bo.ek@example.se' }),
    );
    const { accessToken } = (await followed.json()) as CaseAccess;
    const photo = await uploaded();
    const wrong = { reference: receipt.reference, receiptToken: 'A'.repeat(43) };
    const follower = { reference: receipt.reference, receiptToken: accessToken };
    const first = await comparable(await addMessage(wrong, { text: 'Hej' }));
    expect(first.status).toBe(404);
    const tooMany = Array.from({ length: 9 }, (_, index) => `${index}`.padEnd(22, 'x'));
    const refused = [
      await addMessage(wrong, { text: 'Hej', photos: [photo] }),
      await addMessage(follower, { text: 'Hej', photos: [photo] }),
      await addMessage(wrong, { text: 'Hej', photos: ['B'.repeat(22)] }),
      await addMessage(wrong, { text: 'Hej', photos: tooMany }),
    ];
    for (const answer of refused) expect(await comparable(answer)).toEqual(first);
    expect(await photoRows([photo])).toEqual(unclaimed([photo]));
    expect(await storedMessages(receipt.reference)).toEqual([]);
  });

  it('claims no photo for a finished case', async () => {
    const receipt = await sendCase('gata');
    await act(receipt.reference, 'status', { status: 'resolved', visibility: 'public' });
    const photo = await uploaded();
    const answer = await addMessage(receipt, { text: 'Hallå?', photos: [photo] });
    expect(answer.status).toBe(409);
    expect(await photoRows([photo])).toEqual(unclaimed([photo]));
  });

  it('answers the same key and photos again; the same key with other photos is refused', async () => {
    const receipt = await sendCase('gata');
    const [a, b, c] = [await uploaded(), await uploaded(), await uploaded()];
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    const body = { text: 'Bilderna', photos: [a, b] };
    const first = await addMessage(receipt, body, key);
    const again = await addMessage(receipt, body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());

    for (const photos of [[a, c], [], [b, a]]) {
      const other = await addMessage(receipt, { ...body, photos }, key);
      expect(other.status).toBe(422);
      expect(ProblemSchema.parse(await other.json()).code).toBe('idempotency_key_reused');
    }
    expect(await storedMessages(receipt.reference)).toEqual([
      { channel: 'web_form', text: 'Bilderna', photos: [a, b] },
    ]);
    expect(await photoRows([a, b, c])).toEqual([
      { id: a, case_reference: receipt.reference, position: 0 },
      { id: b, case_reference: receipt.reference, position: 1 },
      { id: c, case_reference: null, position: null },
    ]);
  });

  it('keeps the photos out of everything public: the case, its stream, lookup, Open311', async () => {
    const receipt = await sendFault();
    const followed = await fetch(
      `${server.url}/v1/cases/${receipt.reference}/followers`,
      json({ email: 'bo.ek@example.se' }),
    );
    const { accessToken } = (await followed.json()) as CaseAccess;
    await act(receipt.reference, 'take');
    await act(receipt.reference, 'status', {
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: 'Har du en bild på stolpen?',
    });
    const ids = [await uploaded(), await uploaded()];
    const answer = await addMessage(receipt, { text: 'Här', photos: ids });
    expect(answer.status).toBe(201);

    const read = (token: string) =>
      fetch(`${server.url}/v1/cases/${receipt.reference}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    const views = [
      await answer.text(),
      await (await read(receipt.receiptToken)).text(),
      await (await read(accessToken)).text(),
      await (
        await fetch(
          `${server.url}/v1/cases/${receipt.reference}/lookup`,
          json({ token: receipt.receiptToken }),
        )
      ).text(),
      JSON.stringify(
        await readCaseChanges(
          await fetch(`${server.url}/v1/cases/${receipt.reference}/stream`, {
            headers: { Authorization: `Bearer ${receipt.receiptToken}` },
          }),
          3,
        ),
      ),
      await (await fetch(`${server.url}/open311/v2/requests.json`)).text(),
      await (
        await fetch(`${server.url}/open311/v2/requests/${receipt.reference}.json?extensions=true`)
      ).text(),
    ];
    expect(views[5]).toContain(receipt.reference);
    for (const view of views) for (const id of ids) expect(view).not.toContain(id);
    // A fault report's photo count is the report's own photos.
    expect(JSON.parse(views[1] as string)).toMatchObject({ fault: { photoCount: 0 } });
  });
});

describe('a photo taken by another case while the message is stored', () => {
  it('is refused with unknown_photo at photos, and nothing of the message is stored', async () => {
    const database = await createTestDatabase();
    const gate = gateMessages(await database.open());
    const raced = await startPhotoServer({ database, store: gate.store });
    try {
      const receipt = await sendCase('gata', [], raced);
      const photo = await uploaded('gata', raced);
      // The message passes the check, then waits; another message takes the photo meanwhile.
      const message = addMessage(receipt, { text: 'Bild', photos: [photo] }, {}, raced);
      await gate.waiting;
      const other = await sendCase('gata', [photo], raced);
      gate.release();
      expect(await refusal(await message)).toEqual([
        { field: 'photos', pointer: '/photos', code: 'unknown_photo' },
      ]);
      expect(await storedMessages(receipt.reference, raced)).toEqual([]);
      expect(await photoRows([photo], raced)).toEqual([
        { id: photo, case_reference: other.reference, position: 0 },
      ]);
    } finally {
      await raced.close();
      await database.remove();
    }
  });
});

/** The store with `addCaseMessage` held at a gate until `release`. */
function gateMessages(real: Store) {
  let arrived = () => {};
  const waiting = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const write = (async (name: string, ...args: unknown[]) => {
    if (name === 'addCaseMessage') {
      arrived();
      await gate;
    }
    return (real.write as (name: string, ...args: unknown[]) => Promise<unknown>)(name, ...args);
  }) as Store['write'];
  return { store: { ...real, write }, waiting, release };
}

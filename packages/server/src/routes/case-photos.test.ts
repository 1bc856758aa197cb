import type { Receipt } from '@kontakt/core/schemas';
import { ProblemSchema, ReceiptSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../photos/metadata-fixtures.js';
import type { Store } from '../store/store.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import {
  createTestDatabase,
  signIn,
  testAccounts,
  validSubmission,
} from '../test-support/index.js';
import {
  PHOTO_TOPICS,
  photoRowsOf,
  refusal,
  startPhotoServer,
  uploadedPhoto,
} from '../test-support/photos.js';

/*
 * Photos with a contact message on the store under test: uploaded for a department with
 * `messagePhotos`, named in `message.photos`, attached to the new case in the transaction that
 * stores it, shown to the agents who may see the case and never in the public case.
 */

let server: TestServer;
let anna: TestSession;
let sven: TestSession;

beforeAll(async () => {
  server = await startPhotoServer({ accounts: await testAccounts() });
  anna = await signIn(server.url, 'anna');
  sven = await signIn(server.url, 'sven');
});
afterAll(() => server?.close());

const upload = (to: string, body: Uint8Array, type = 'image/png', on = server) =>
  fetch(`${on.url}/v1/photos?department=${to}`, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body: body as Uint8Array<ArrayBuffer>,
  });

const uploaded = (to = 'gata', on = server) => uploadedPhoto(on, to);

const send = (
  photos: string[],
  { to = 'gata', key, on = server }: { to?: string; key?: string; on?: TestServer } = {},
) =>
  fetch(`${on.url}/v1/cases`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key === undefined ? {} : { 'Idempotency-Key': key }),
    },
    body: JSON.stringify(
      validSubmission(
        { topic: PHOTO_TOPICS[to] ?? 'ovrigt', photos },
        { department: to, pageUrl: `https://${to}.example.se/` },
      ),
    ),
  });

async function sent(photos: string[], options: Parameters<typeof send>[1] = {}) {
  const response = await send(photos, options);
  expect(response.status).toBe(201);
  return ReceiptSchema.parse(await response.json());
}

/** The photos rows of `ids`, in that order (on this file's server unless `on`). */
const photoRows = (ids: string[], on = server) => photoRowsOf(on, ids);

/** What the agent API says of the case's message (read as sent, not through a client schema). */
async function agentMessage(reference: string, session: TestSession) {
  const answer = await fetch(`${server.url}/v1/agent/cases/${reference}`, {
    headers: session.headers,
  });
  return {
    status: answer.status,
    message: answer.ok
      ? ((await answer.json()) as { message: { photos?: string[] } }).message
      : undefined,
  };
}

const agentPhoto = (reference: string, id: string, session: TestSession) =>
  fetch(`${server.url}/v1/agent/cases/${reference}/photos/${id}`, { headers: session.headers });

describe('POST /v1/cases with message.photos', () => {
  it.each([1, 3])(
    'attaches %i photo(s) to the new case in order, for the agents who may see it',
    async (count) => {
      const ids: string[] = [];
      for (let index = 0; index < count; index += 1) ids.push(await uploaded());
      const receipt = await sent(ids);

      expect(await photoRows(ids)).toEqual(
        ids.map((id, position) => ({ id, case_reference: receipt.reference, position })),
      );
      const seen = await agentMessage(receipt.reference, anna);
      expect(seen.status).toBe(200);
      expect(seen.message?.photos).toEqual(ids);
      for (const id of ids) {
        const photo = await agentPhoto(receipt.reference, id, anna);
        expect(photo.status).toBe(200);
        expect(photo.headers.get('Content-Type')).toBe('image/png');
        expect(new Uint8Array(await photo.arrayBuffer())).toEqual(fixture('photo.png'));
      }
      // Sven is a specialist of `skola`: a case of `gata` not forwarded to him is not there.
      expect((await agentMessage(receipt.reference, sven)).status).toBe(404);
      expect((await agentPhoto(receipt.reference, ids[0] as string, sven)).status).toBe(404);
    },
  );

  it('attaches a photo named twice once, keeping the order of first mention', async () => {
    const [a, b] = [await uploaded(), await uploaded()] as [string, string];
    const receipt = await sent([b, a, b]);
    expect(await photoRows([b, a])).toEqual([
      { id: b, case_reference: receipt.reference, position: 0 },
      { id: a, case_reference: receipt.reference, position: 1 },
    ]);
    expect((await agentMessage(receipt.reference, anna)).message?.photos).toEqual([b, a]);
  });

  it("refuses more photos than the department's maxCount, naming that maximum", async () => {
    const ids = Array.from({ length: 6 }, (_, index) => `photo-${index}`.padEnd(22, 'x'));
    for (const photos of [ids.slice(0, 4), ids]) {
      expect(await refusal(await send(photos))).toEqual([
        {
          field: 'message.photos',
          pointer: '/message/photos',
          code: 'too_long',
          params: { maximum: 3 },
        },
      ]);
    }
  });

  it('refuses photos to a department without messagePhotos, or whose take none', async () => {
    const photo = await uploaded();
    const before = await server.countCases();
    for (const to of ['skola', 'kultur']) {
      expect(await refusal(await send([photo], { to }))).toEqual([
        expect.objectContaining({
          field: 'message.photos',
          code: 'too_long',
          params: { maximum: 0 },
        }),
      ]);
    }
    expect(await server.countCases()).toBe(before);
    expect(await photoRows([photo])).toEqual([{ id: photo, case_reference: null, position: null }]);
    // Without photos, those departments take messages as before.
    await sent([], { to: 'skola' });
  });

  it("names each photo it cannot use: unknown, another department's, another case's", async () => {
    const usable = await uploaded();
    const unknown = 'A'.repeat(22);
    const bygglov = await uploaded('bygglov');
    const taken = await uploaded();
    const other = await sent([taken]);
    const before = await server.countCases();

    const errors = await refusal(await send([usable, unknown, bygglov]));
    expect(errors.map(({ field, code }) => `${field} ${code}`)).toEqual([
      'message.photos.1 unknown_photo',
      'message.photos.2 unknown_photo',
    ]);
    const again = await refusal(await send([taken]));
    expect(again).toEqual([
      { field: 'message.photos.0', pointer: '/message/photos/0', code: 'unknown_photo' },
    ]);
    // Nothing of the refused messages is stored: no case, no photo given away.
    expect(await server.countCases()).toBe(before);
    expect(await photoRows([usable, bygglov, taken])).toEqual([
      { id: usable, case_reference: null, position: null },
      { id: bygglov, case_reference: null, position: null },
      { id: taken, case_reference: other.reference, position: 0 },
    ]);
  });

  it('answers a repeat with the same key with the first receipt, and makes one case', async () => {
    const ids = [await uploaded(), await uploaded()];
    const key = crypto.randomUUID();
    const before = await server.countCases();
    const first = await send(ids, { key });
    expect(first.status).toBe(201);
    const body = await first.text();
    const repeat = await send(ids, { key });
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await repeat.text()).toBe(body);
    expect(await server.countCases()).toBe(before + 1);
    const { reference } = JSON.parse(body) as Receipt;
    expect(await photoRows(ids)).toEqual([
      { id: ids[0], case_reference: reference, position: 0 },
      { id: ids[1], case_reference: reference, position: 1 },
    ]);
  });

  it("never shows a message's photos in the public case", async () => {
    const ids = [await uploaded(), await uploaded()];
    const receipt = await sent(ids);
    const lookup = await fetch(`${server.url}/v1/cases/${receipt.reference}/lookup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: receipt.receiptToken }),
    });
    const read = await fetch(`${server.url}/v1/cases/${receipt.reference}`, {
      headers: { Authorization: `Bearer ${receipt.receiptToken}` },
    });
    for (const answer of [lookup, read]) {
      expect(answer.status).toBe(200);
      const text = await answer.text();
      expect(text).toContain(receipt.reference);
      for (const id of ids) expect(text).not.toContain(id);
      expect(text).not.toMatch(/photo/i);
    }
  });
});

describe('a photo taken by another case while the message is stored', () => {
  it('is refused with unknown_photo at message.photos, and the other case keeps it', async () => {
    const database = await createTestDatabase();
    // Both messages pass the check before either is stored, then are stored together.
    const gate = gateCreateCase(await database.open(), 2);
    const raced = await startPhotoServer({ database, store: gate.store });
    try {
      const photo = await uploaded('gata', raced);
      const answers = [send([photo], { on: raced }), send([photo], { on: raced })];
      await gate.waiting;
      gate.release();
      const [a, b] = await Promise.all(answers);
      const statuses = [a?.status, b?.status].sort();
      expect(statuses).toEqual([201, 422]);
      const [won, lost] = a?.status === 201 ? [a, b] : [b, a];
      expect(await refusal(lost as Response)).toEqual([
        { field: 'message.photos', pointer: '/message/photos', code: 'unknown_photo' },
      ]);
      const receipt = ReceiptSchema.parse(await (won as Response).json());
      expect(await raced.countCases()).toBe(1);
      expect(await photoRows([photo], raced)).toEqual([
        { id: photo, case_reference: receipt.reference, position: 0 },
      ]);
    } finally {
      await raced.close();
      await database.remove();
    }
  });
});

/** The store with `createCase` held until `count` calls wait, then let go together on `release`. */
function gateCreateCase(real: Store, count: number) {
  let arrived = () => {};
  const waiting = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let calls = 0;
  const store: Store = {
    ...real,
    async createCase(input, idempotency) {
      calls += 1;
      if (calls === count) arrived();
      await gate;
      return real.createCase(input, idempotency);
    },
  };
  return { store, waiting, release };
}

describe('POST /v1/photos for messages', () => {
  it('takes photos for a department that takes them only with messages, up to its maxBytes', async () => {
    await uploaded('bygglov');
    const big = await upload('bygglov', new Uint8Array(60_001));
    expect(big.status).toBe(413);
    expect(ProblemSchema.parse(await big.json()).code).toBe('payload_too_large');
  });

  it("allows the larger of the department's fault and message limits", async () => {
    // Over the fault reports' 2 MB, under the messages' 3 MB: read, and refused as no image.
    const within = await upload('gata', new Uint8Array(2_500_000));
    expect(within.status).toBe(415);
    expect((await upload('gata', new Uint8Array(3_000_001))).status).toBe(413);
  });

  it('refuses a department that takes photos neither with fault reports nor with messages', async () => {
    for (const to of ['skola', 'kultur']) {
      const response = await upload(to, fixture('photo.png'));
      expect(await refusal(response)).toEqual([
        { field: 'department', pointer: '/department', code: 'invalid_option' },
      ]);
    }
  });
});

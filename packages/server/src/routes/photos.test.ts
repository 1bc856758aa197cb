import { ProblemSchema, ReceiptSchema, UploadedPhotoSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachPhotos } from '../photos/attach.js';
import {
  contains,
  fixture,
  jpegWithMetadata,
  PLANTED,
  pngWithMetadata,
  webpWithMetadata,
} from '../photos/metadata-fixtures.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts, validSubmission } from '../test-support/index.js';

/*
 * Photos over HTTP on the store under test: `POST /v1/photos` sniffs, caps and cleans what it is
 * sent; a report's photos are served to the holder of the case's receipt token and to agents who
 * may see the case, and to nobody else.
 */

let server: TestServer;
let anna: TestSession;
let sven: TestSession;
const now = new Date('2026-12-03T03:00:00Z');

beforeAll(async () => {
  server = await startTestServer({
    accounts: await testAccounts(),
    now: () => now,
    rateLimit: { windowMs: 60_000, max: 1000, reads: { windowMs: 60_000, max: 1000 } },
  });
  anna = await signIn(server.url, 'anna');
  sven = await signIn(server.url, 'sven');
});
afterAll(() => server?.close());

const upload = (
  body: Uint8Array,
  type = 'image/jpeg',
  query = '?department=gata',
  headers: Record<string, string> = {},
) =>
  fetch(`${server.url}/v1/photos${query}`, {
    method: 'POST',
    headers: { 'Content-Type': type, ...headers },
    body: body as Uint8Array<ArrayBuffer>,
  });

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return ProblemSchema.parse(await response.json());
}

async function uploaded(bytes: Uint8Array, type = 'image/jpeg') {
  const response = await upload(bytes, type);
  expect(response.status).toBe(201);
  return UploadedPhotoSchema.parse(await response.json());
}

const storedPhoto = (id: string) =>
  server.database.inspect((db) =>
    db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );

/** A case (a contact message, as fault reports are A's) with these photos attached to it. */
async function caseWithPhotos(ids: string[], department = 'gata') {
  const sent = await fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission()),
  });
  const receipt = ReceiptSchema.parse(await sent.json());
  const { missing } = await server.database.inspect((db) =>
    db
      .transaction()
      .execute((trx) =>
        attachPhotos(trx, { reference: receipt.reference, department, ids, at: now.toISOString() }),
      ),
  );
  return { receipt, missing };
}

describe('POST /v1/photos', () => {
  it.each([
    ['JPEG', jpegWithMetadata(), 'image/jpeg'],
    ['PNG', pngWithMetadata(), 'image/png'],
    ['WebP', webpWithMetadata(), 'image/webp'],
  ])(
    'stores a %s without its GPS Exif and answers with its sniffed type and size',
    async (_, bytes, type) => {
      const photo = await uploaded(bytes, type);
      expect(photo).toMatchObject({ type, width: 64, height: 48 });
      expect(photo.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const row = await storedPhoto(photo.id);
      expect(row).toMatchObject({
        department: 'gata',
        case_reference: null,
        type,
        bytes: photo.bytes,
        width: 64,
        height: 48,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + 24 * 3600_000).toISOString(),
      });
      const data = new Uint8Array(row.data);
      expect(data.byteLength).toBe(photo.bytes);
      expect(data.byteLength).toBeLessThan(bytes.byteLength);
      for (const planted of PLANTED) expect(contains(data, planted)).toBe(false);
    },
  );

  it('goes by the bytes, not the type the client claims', async () => {
    const photo = await uploaded(fixture('photo.png'), 'image/jpeg');
    expect(photo.type).toBe('image/png');
  });

  it.each([
    [
      'a HEIC photo',
      Buffer.concat([Buffer.of(0, 0, 0, 24), Buffer.from('ftypheic\0\0\0\0')]),
      'image/heic',
      /HEIC/,
    ],
    ['a GIF', Buffer.from('GIF89a\x01\0\x01\0\0\0\0;', 'latin1'), 'image/gif', /GIF/],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'image/svg+xml',
      /SVG/,
    ],
    ['a text file called a JPEG', Buffer.from('Lampan är trasig'), 'image/jpeg', /not an image/],
  ])('refuses %s with 415 and says what it is', async (_, body, type, detail) => {
    const response = await upload(body, type);
    expect(response.status).toBe(415);
    expect(response.headers.get('Accept-Post')).toBe('image/jpeg, image/png, image/webp');
    const problem = await problemOf(response);
    expect(problem.code).toBe('unsupported_media_type');
    expect(problem.detail).toMatch(detail);
  });

  it('refuses a body that does not say it is an image', async () => {
    const response = await upload(fixture('photo.jpg'), 'application/octet-stream');
    expect(response.status).toBe(415);
    expect((await problemOf(response)).detail).toMatch(/image type/);
  });

  it('refuses more than the department allows (2 MB) by its declared length, before reading it', async () => {
    const response = await upload(new Uint8Array(2_000_001));
    expect(response.status).toBe(413);
    expect((await problemOf(response)).code).toBe('payload_too_large');
  });

  it('refuses a streamed body once it passes the limit', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 3_000_000) return controller.close();
        sent += 100_000;
        controller.enqueue(new Uint8Array(100_000));
      },
    });
    const response = await fetch(`${server.url}/v1/photos?department=gata`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/jpeg' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('takes a photo bigger than the JSON body limit (64 KB)', async () => {
    // A PNG padded with a private chunk to 300 KB: accepted, and the padding dropped.
    const png = fixture('photo.png');
    const pad = Buffer.alloc(300_000 + 12);
    pad.writeUInt32BE(300_000, 0);
    pad.write('kcPd', 4, 'latin1');
    const big = Buffer.concat([png.subarray(0, 33), pad, png.subarray(33)]);
    const photo = await uploaded(big, 'image/png');
    expect(photo.bytes).toBe(png.byteLength);
  });

  it('refuses a decompression bomb (100,000 × 100,000 pixels declared) with 413', async () => {
    const bomb = fixture('photo.png').slice();
    new DataView(bomb.buffer).setUint32(16, 100_000);
    new DataView(bomb.buffer).setUint32(20, 100_000);
    const response = await upload(bomb, 'image/png');
    expect(response.status).toBe(413);
    expect((await problemOf(response)).detail).toMatch(/megapixels/);
  });

  it('needs a configured department', async () => {
    expect((await upload(fixture('photo.jpg'), 'image/jpeg', '')).status).toBe(422);
    const unknown = await upload(fixture('photo.jpg'), 'image/jpeg', '?department=nope');
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).code).toBe('department_not_found');
  });

  it("refuses a page whose origin is not the department's", async () => {
    const response = await upload(fixture('photo.jpg'), 'image/jpeg', '?department=gata', {
      Origin: 'https://skola.example.se',
    });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('origin_not_allowed');
    const allowed = await upload(fixture('photo.jpg'), 'image/jpeg', '?department=gata', {
      Origin: 'https://gata.example.se',
    });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://gata.example.se');
  });
});

describe('attachPhotos', () => {
  it("gives a report its department's unattached photos and names the ones it could not use", async () => {
    const [a, b] = [
      await uploaded(fixture('photo.jpg')),
      await uploaded(fixture('photo.png'), 'image/png'),
    ];
    const { receipt, missing } = await caseWithPhotos([b.id, a.id, 'x'.repeat(22)]);
    expect(missing).toEqual(['x'.repeat(22)]);
    const rows = await server.database.inspect((db) =>
      db
        .selectFrom('photos')
        .select(['id', 'case_reference', 'position', 'expires_at'])
        .where('id', 'in', [a.id, b.id])
        .orderBy('position')
        .execute(),
    );
    expect(rows).toEqual([
      { id: b.id, case_reference: receipt.reference, position: 0, expires_at: null },
      { id: a.id, case_reference: receipt.reference, position: 1, expires_at: null },
    ]);
    // Used once: a second report cannot take it.
    expect((await caseWithPhotos([a.id])).missing).toEqual([a.id]);
  });

  it("does not give a report another department's photo or an expired one", async () => {
    const photo = await uploaded(fixture('photo.jpg'));
    expect((await caseWithPhotos([photo.id], 'skola')).missing).toEqual([photo.id]);
    const later = new Date(now.getTime() + 24 * 3600_000);
    const { missing } = await server.database.inspect((db) =>
      db.transaction().execute((trx) =>
        attachPhotos(trx, {
          reference: 'KC-0000-0000',
          department: 'gata',
          ids: [photo.id],
          at: later.toISOString(),
        }),
      ),
    );
    expect(missing).toEqual([photo.id]);
  });
});

describe('GET /v1/cases/{reference}/photos/{id}', () => {
  it('serves the cleaned bytes to the holder of the receipt token, privately and as an image', async () => {
    const photo = await uploaded(jpegWithMetadata());
    const { receipt } = await caseWithPhotos([photo.id]);
    const url = `${server.url}/v1/cases/${receipt.reference}/photos/${photo.id}`;
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${receipt.receiptToken}` },
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(photo.bytes);
    expect(contains(bytes, 'KontaktCam')).toBe(false);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': String(photo.bytes),
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline; filename="photo.jpg"',
      'cross-origin-resource-policy': 'same-origin',
    });
    const etag = response.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await fetch(url, {
      headers: { Authorization: `Bearer ${receipt.receiptToken}`, 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    const head = await fetch(url, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${receipt.receiptToken}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(photo.bytes));
  });

  it('answers every wrong guess with the same 404', async () => {
    const photo = await uploaded(fixture('photo.jpg'));
    const other = await uploaded(fixture('photo.jpg'));
    const { receipt } = await caseWithPhotos([photo.id]);
    const { receipt: second } = await caseWithPhotos([]);
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    const attempts = [
      [`/v1/cases/${receipt.reference}/photos/${photo.id}`, bearer(second.receiptToken)],
      [`/v1/cases/${receipt.reference}/photos/${other.id}`, bearer(receipt.receiptToken)],
      [`/v1/cases/${second.reference}/photos/${photo.id}`, bearer(second.receiptToken)],
      [`/v1/cases/KC-2222-2222/photos/${photo.id}`, bearer(receipt.receiptToken)],
      [`/v1/cases/${receipt.reference}/photos/not-an-id`, bearer(receipt.receiptToken)],
    ] as const;
    const answers = await Promise.all(
      attempts.map(async ([path, headers]) => {
        const response = await fetch(`${server.url}${path}`, { headers });
        return { status: response.status, body: { ...(await response.json()), instance: '' } };
      }),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.status).toBe(404);
    const anonymous = await fetch(`${server.url}${attempts[0][0]}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
  });
});

describe('GET /v1/agent/cases/{reference}/photos/{id}', () => {
  it('serves a photo to an agent, and to a specialist only once the case is forwarded to them', async () => {
    const photo = await uploaded(fixture('photo.png'), 'image/png');
    const { receipt } = await caseWithPhotos([photo.id]);
    const path = `${server.url}/v1/agent/cases/${receipt.reference}/photos/${photo.id}`;
    const agent = await fetch(path, { headers: anna.headers });
    expect(agent.status).toBe(200);
    expect(agent.headers.get('Content-Type')).toBe('image/png');
    expect((await fetch(path, { headers: sven.headers })).status).toBe(404);
    expect((await fetch(path)).status).toBe(401);

    const forwarded = await fetch(`${server.url}/v1/agent/cases/${receipt.reference}/forward`, {
      method: 'POST',
      headers: { ...anna.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ department: 'skola', reason: 'Gäller skolgården.' }),
    });
    expect(forwarded.status).toBe(200);
    const specialist = await fetch(path, { headers: sven.headers });
    expect(specialist.status).toBe(200);
    expect(new Uint8Array(await specialist.arrayBuffer())).toEqual(fixture('photo.png'));
  });
});

describe('cleanup', () => {
  it('deletes photos no report named once they expire, and keeps attached ones', async () => {
    const waiting = await uploaded(fixture('photo.jpg'));
    const kept = await uploaded(fixture('photo.jpg'));
    await caseWithPhotos([kept.id]);
    const { deleteExpiredPhotos } = (await import('../photos/operations.js')).photoWrites;
    const dayLater = new Date(now.getTime() + 24 * 3600_000).toISOString();
    const { value } = await server.database.inspect((db) => deleteExpiredPhotos(db, dayLater));
    expect(value).toBeGreaterThanOrEqual(1);
    const left = await server.database.inspect((db) =>
      db.selectFrom('photos').select('id').where('id', 'in', [waiting.id, kept.id]).execute(),
    );
    expect(left).toEqual([{ id: kept.id }]);
  });
});

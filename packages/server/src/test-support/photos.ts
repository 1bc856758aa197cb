import type { DepartmentInput, FieldError } from '@kontakt/core/schemas';
import { ProblemSchema, UploadedPhotoSchema } from '@kontakt/core/schemas';
import { expect } from 'vitest';
import { fixture } from '../photos/metadata-fixtures.js';
import type { TestServer, TestServerOptions } from './index.js';
import { gata, skola, startTestServer } from './index.js';

/*
 * What the tests of routes that take photos with messages (a contact message's, a later
 * message's) share: their departments and server, an upload, and what they read back (the field
 * errors of a refusal, the photos' rows).
 */

const weekdays = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };
const department = (id: string, messagePhotos: DepartmentInput['messagePhotos']) => ({
  id,
  name: { sv: id, en: id },
  allowedOrigins: [`https://${id}.example.se`],
  categories: [{ id: 'ovrigt', name: { sv: 'Något annat', en: 'Something else' } }],
  openingHours: { weekly: [weekdays] },
  answerTimePromise: { workingDays: 5 },
  messagePhotos,
});

/**
 * `gata` takes fault reports (photos up to 2 MB) and three photos a message (up to 3 MB);
 * `skola` takes no photos at all; `bygglov` takes two photos a message only (up to 60 kB);
 * `kultur` has `messagePhotos` that take none.
 */
export const PHOTO_DEPARTMENTS = [
  { ...gata, messagePhotos: { maxCount: 3, maxBytes: 3_000_000 } },
  skola,
  department('bygglov', { maxCount: 2, maxBytes: 60_000 }),
  department('kultur', { maxCount: 0 }),
];

/** A topic of each department that takes messages with photos, or none. */
export const PHOTO_TOPICS: Record<string, string> = { gata: 'parkering', skola: 'skolval' };

/** A server with `PHOTO_DEPARTMENTS`, whose limits the tests' many requests stay under. */
export const startPhotoServer = (options: TestServerOptions = {}) =>
  startTestServer({
    departments: PHOTO_DEPARTMENTS,
    rateLimit: { windowMs: 60_000, max: 1000, reads: { windowMs: 60_000, max: 1000 } },
    lookupLimit: { windowMs: 60_000, max: 1000, burst: 1000 },
    ...options,
  });

/** Uploads a small PNG for department `to` on `server`; its id. */
export async function uploadedPhoto(server: TestServer, to = 'gata'): Promise<string> {
  const response = await fetch(`${server.url}/v1/photos?department=${to}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png' },
    body: fixture('photo.png') as Uint8Array<ArrayBuffer>,
  });
  expect(response.status).toBe(201);
  return UploadedPhotoSchema.parse(await response.json()).id;
}

/** The field errors of a `422 validation_failed` answer (and that it is one). */
export async function refusal(response: Response): Promise<FieldError[]> {
  expect(response.status).toBe(422);
  const problem = ProblemSchema.parse(await response.json());
  expect(problem.code).toBe('validation_failed');
  return problem.errors ?? [];
}

/** The photos rows of `ids` on `server`, in that order: whose they are and in which place. */
export async function photoRowsOf(server: TestServer, ids: string[]) {
  const rows = await server.database.inspect((db) =>
    db
      .selectFrom('photos')
      .select(['id', 'case_reference', 'position'])
      .where('id', 'in', ids)
      .execute(),
  );
  return rows
    .map((row) => ({ ...row, position: row.position === null ? null : Number(row.position) }))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

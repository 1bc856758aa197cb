import * as z from 'zod/mini';
import { KontaktError } from '../errors/KontaktError.js';
import type { CaseMessageInput, CaseSubmission, FaultSubmission } from '../schemas/index.js';
import { CaseOriginSchema, CaseSubmissionSchema, DateTimeSchema } from '../schemas/index.js';
import { nextAttemptDelay } from './backoff.js';
import type { OutboxEntry, UploadedPhotos } from './types.js';

/** How long an entry is kept by default before it is given up: 7 days, in milliseconds. */
export const DEFAULT_OUTBOX_MAX_AGE = 7 * 24 * 60 * 60_000;

/** Entries from storage are input like any other: another version or page may have written them. */
const entryBase = {
  id: z.string().check(z.minLength(1)),
  endpoint: z.string(),
  department: z.string(),
  createdAt: DateTimeSchema,
  attempts: z.number(),
  nextAttemptAt: DateTimeSchema,
  expiresAt: z.optional(DateTimeSchema),
};
const isBlob = (value: unknown) => typeof Blob !== 'undefined' && value instanceof Blob;
/** Photos still to upload, and those uploaded, by id. */
const photoBlobs = {
  photos: z.optional(z.array(z.custom<Blob>(isBlob))),
  uploaded: z.optional(z.record(z.string(), z.custom<Blob>(isBlob))),
};
const OutboxEntrySchema = z.union([
  // Entries of versions before fault reports have no `kind`.
  z.object({
    ...entryBase,
    kind: z.optional(z.literal('case')),
    submission: CaseSubmissionSchema,
    ...photoBlobs,
  }),
  // A fault report is checked for its shape only: the fault schemas are not loaded in a client
  // that never sends one, and the server checks the report itself when it is sent.
  z.object({
    ...entryBase,
    kind: z.literal('fault'),
    submission: z.object({
      origin: CaseOriginSchema,
      report: z.object({ category: z.string(), photos: z.array(z.string()) }),
    }),
    ...photoBlobs,
  }),
  // A message to a case, checked for its shape only, as a fault report is.
  z.object({
    ...entryBase,
    kind: z.literal('case-message'),
    reference: z.string(),
    accessToken: z.string(),
    submission: z.object({ text: z.string() }),
    ...photoBlobs,
  }),
]);

/** True for a stored value this SDK can send; anything else is to be forgotten. */
export function isReadableEntry(value: unknown): value is OutboxEntry {
  return OutboxEntrySchema.safeParse(value).success;
}

/** What `newEntry` needs besides the submission itself. */
export interface NewEntryOptions {
  /** The idempotency key the submission was sent with; the entry's id. */
  id: string;
  endpoint: string;
  /** Why the first try failed: a `Retry-After` in it delays the next try. */
  error: unknown;
  /** Milliseconds the entry is tried before it is given up. */
  maxAge: number;
  now: number;
}

/**
 * What is kept: a contact message, or a message or fault report with photos (those still to
 * upload, and those it uploaded, by id), or a message to a case (with the department of the
 * client that sent it, which the message itself does not name).
 */
export type Keepable =
  | CaseSubmission
  | ({ kind: 'case'; submission: CaseSubmission } & KeptPhotos)
  | ({ kind: 'fault'; submission: FaultSubmission } & KeptPhotos)
  | (KeptCaseMessage & KeptPhotos);

interface KeptCaseMessage {
  kind: 'case-message';
  department: string;
  reference: string;
  accessToken: string;
  submission: CaseMessageInput;
}

interface KeptPhotos {
  photos?: Blob[] | undefined;
  uploaded?: UploadedPhotos | undefined;
}

/** The entry for a submission whose first try just failed. */
export function newEntry(keepable: Keepable, options: NewEntryOptions): OutboxEntry {
  const { id, endpoint, error, maxAge, now } = options;
  const times = {
    createdAt: new Date(now).toISOString(),
    attempts: 1,
    nextAttemptAt: new Date(now + nextAttemptDelay(1, error)).toISOString(),
    expiresAt: new Date(now + maxAge).toISOString(),
  };
  if ('kind' in keepable && keepable.kind === 'case-message') {
    const { department, reference, accessToken, submission } = keepable;
    const kept = { kind: 'case-message' as const, reference, accessToken, submission };
    return { id, endpoint, department, ...kept, ...keptPhotos(keepable), ...times };
  }
  const photos = 'kind' in keepable ? keptPhotos(keepable) : {};
  // A message is kept as entries of earlier versions were: without `kind`.
  const kind =
    'kind' in keepable && keepable.kind === 'fault'
      ? { kind: 'fault' as const, submission: keepable.submission, ...photos }
      : { submission: 'kind' in keepable ? keepable.submission : keepable, ...photos };
  return { id, endpoint, department: kind.submission.origin.department, ...kind, ...times };
}

/** The photos worth keeping of `kept`: an entry has no empty `photos` or `uploaded`. */
function keptPhotos({ photos, uploaded }: KeptPhotos): {
  photos?: Blob[];
  uploaded?: UploadedPhotos;
} {
  return {
    ...(photos?.length ? { photos } : {}),
    ...(uploaded && Object.keys(uploaded).length ? { uploaded } : {}),
  };
}

/** The entry after one more failed try: counted, and its next try backed off. */
export function afterFailure(entry: OutboxEntry, error: unknown, now: number): OutboxEntry {
  const attempts = entry.attempts + 1;
  const next = now + nextAttemptDelay(attempts, error);
  return { ...entry, attempts, nextAttemptAt: new Date(next).toISOString() };
}

/** When an entry is given up: its own `expiresAt`, or the default age for entries without one. */
export function expiresAt(entry: OutboxEntry): number {
  return entry.expiresAt === undefined
    ? Date.parse(entry.createdAt) + DEFAULT_OUTBOX_MAX_AGE
    : Date.parse(entry.expiresAt);
}

export const isExpired = (entry: OutboxEntry, now: number): boolean => expiresAt(entry) <= now;

/** The error a `failed` event carries for an entry that expired unsent. */
export function expiredError(entry: OutboxEntry): KontaktError {
  return new KontaktError(
    `The message could not be sent before ${new Date(expiresAt(entry)).toISOString()} and was removed from the outbox.`,
    { code: 'expired' },
  );
}

import type { ContactMessage, Department, Receipt } from '@kontakt/core/schemas';
import { createCaseReference } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { expectedAnswerBy } from './answer-by.js';
import type { AppContext } from './context.js';
import { ProblemError } from './http/http-error.js';
import { canonicalJson, IDEMPOTENCY_TTL_MS, InFlightKeys, sha256Hex } from './idempotency.js';
import { randomToken } from './random-token.js';
import type { NewCase } from './store/cases.js';
import type { IdempotencyRecord } from './store/idempotency.js';

/*
 * What every way a citizen files a case shares (`POST /v1/cases`, `POST /v1/faults`, Open311's
 * `POST requests`): a fresh reference and receipt token, the answer-by date, the idempotency key
 * with its replay, and the store's group commit.
 */

/**
 * A receipt holds the receipt token, a secret: no cache (browser, proxy, CDN) may keep a copy.
 */
export const RECEIPT_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

/** References are 40 random bits; a few collisions in a row mean something else is wrong. */
const REFERENCE_ATTEMPTS = 5;

/** An `Idempotency-Key` as the store keeps it: scoped (by department) and with the body's hash. */
export interface IntakeClaim {
  scope: string;
  key: string;
  requestHash: string;
}

/** The answer to a filed case: the first answer again when the key was seen (`replayed`). */
export interface IntakeResult {
  status: number;
  /** The receipt as JSON (or, replayed, whatever was answered the first time). */
  body: string;
  replayed: boolean;
}

/** The new case's parts that do not depend on its reference, token or time. */
export type CaseDraft = Omit<NewCase, 'reference' | 'receiptTokenHash' | 'createdAt' | 'answerBy'>;

/**
 * Stores a validated case with a fresh reference and receipt token and answers the receipt; with a
 * claim, also the key's record in the same transaction (or the first request's answer when another
 * request with the key committed first).
 */
export async function fileCase(
  ctx: AppContext,
  department: Department,
  draft: CaseDraft,
  claim?: IntakeClaim,
): Promise<IntakeResult> {
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
    const submittedAt = ctx.now();
    const receiptToken = randomToken(32);
    const receipt: Receipt = {
      reference: createCaseReference(),
      receiptToken,
      submittedAt: submittedAt.toISOString(),
      expectedAnswerBy: expectedAnswerBy(department, submittedAt).toISOString(),
      answerTimePromise: { workingDays: department.answerTimePromise.workingDays },
    };
    const body = JSON.stringify(receipt);
    const result = await ctx.store.createCase(
      {
        ...draft,
        reference: receipt.reference,
        receiptTokenHash: sha256Hex(receiptToken),
        createdAt: receipt.submittedAt,
        answerBy: receipt.expectedAnswerBy,
      },
      claim && {
        ...claim,
        status: 201,
        body,
        caseReference: receipt.reference,
        createdAt: receipt.submittedAt,
        expiresAt: new Date(submittedAt.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
      },
    );
    if (result.created) return { status: 201, body, replayed: false };
    if (result.conflict === 'idempotency_key') return replay(result.record, claim?.requestHash);
  }
  throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
}

/**
 * Runs `file` once per key: a key whose first request is still running here is a 409, one already
 * answered is answered the same again (or refused, with another body), also when it was answered
 * by another instance while `file` ran here and failed. Without a key, just `file`.
 */
export async function withIdempotencyKey(
  ctx: AppContext,
  inFlight: InFlightKeys,
  request: { scope: string; key: string | undefined; body: unknown },
  file: (claim?: IntakeClaim) => Promise<IntakeResult>,
): Promise<IntakeResult> {
  const { scope, key } = request;
  if (key === undefined) return file();
  // Keys are scoped by department: two departments' clients can never meet on one key.
  const claim = { scope, key, requestHash: sha256Hex(canonicalJson(request.body)) };
  const slot = `${scope}\n${key}`;
  if (!inFlight.claim(slot)) {
    throw new ProblemError(409, 'idempotency_request_in_progress', {
      detail: 'A request with this Idempotency-Key is still being processed; retry shortly.',
      headers: { 'Retry-After': '1' },
    });
  }
  try {
    const existing = await ctx.store.findIdempotencyRecord(scope, key, ctx.now());
    if (existing) return replay(existing, claim.requestHash);
    try {
      return await file(claim);
    } catch (error) {
      // The same request sent to another instance at once was stored first, and took what this
      // one needed too (the photos it names): this one is answered as that one was.
      const first = await ctx.store.findIdempotencyRecord(scope, key, ctx.now());
      if (first) return replay(first, claim.requestHash);
      throw error;
    }
  } finally {
    inFlight.release(slot);
  }
}

/** One in-flight key set per app, shared by every route that files cases of it. */
const inFlightOf = new WeakMap<AppContext, InFlightKeys>();
export function inFlightKeysOf(ctx: AppContext): InFlightKeys {
  const keys = inFlightOf.get(ctx) ?? new InFlightKeys();
  inFlightOf.set(ctx, keys);
  return keys;
}

/** The filed case's answer as a response (`Idempotent-Replayed: true` on a replay). */
export function intakeResponse(c: Context, result: IntakeResult): Response {
  return c.body(result.body, result.status as ContentfulStatusCode, {
    ...RECEIPT_HEADERS,
    ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  });
}

/** Answers a repeated request as the first one was answered, or refuses a reused key. */
export function replay(record: IdempotencyRecord, requestHash?: string): IntakeResult {
  if (record.requestHash !== requestHash) {
    throw new ProblemError(422, 'idempotency_key_reused', {
      detail: 'This Idempotency-Key was used with a different request body; use a new key.',
    });
  }
  return { status: record.status, body: record.body, replayed: true };
}

/** `body[a][b]` when it is a string; reads a body not yet validated without trusting its shape. */
export function stringAt(body: unknown, a: string, b: string): string | undefined {
  const outer = isRecord(body) ? body[a] : undefined;
  const value = isRecord(outer) ? outer[b] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is kept of a message, a citizen's or one an agent registers: a postal address only when
 * the answer goes by letter. It is personal data the contact center needs for nothing else, so
 * one sent with another answer channel (a form that kept it after the person changed their mind)
 * is not stored.
 */
export function keptMessage(message: ContactMessage): ContactMessage {
  if (message.answerChannel === 'letter' || message.postalAddress === undefined) return message;
  const { postalAddress: _unused, ...kept } = message;
  return kept;
}

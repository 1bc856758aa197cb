import { randomBytes } from 'node:crypto';
import type { CaseSubmission, Department, FieldError, Receipt } from '@kontakt/core/schemas';
import { CaseSubmissionSchema, createCaseReference, toFieldErrors } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { expectedAnswerBy } from '../answer-by.js';
import type { AppContext } from '../context.js';
import { isOriginAllowedFor } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import {
  canonicalJson,
  IDEMPOTENCY_TTL_MS,
  InFlightKeys,
  readIdempotencyKey,
  sha256Hex,
} from '../idempotency.js';
import type { IdempotencyRecord } from '../store/idempotency.js';

/**
 * A receipt holds the receipt token, a secret: no cache (browser, proxy, CDN) may keep a copy.
 */
const RECEIPT_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

/** References are 40 random bits; a few collisions in a row mean something else is wrong. */
const REFERENCE_ATTEMPTS = 5;

interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

/** `POST /v1/cases`: a citizen's message becomes a case; the answer is a receipt. */
export function casesRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const inFlight = new InFlightKeys();

  routes.post('/', async (c) => {
    const key = readIdempotencyKey(c);
    const body = await readJsonBody(c, ctx.bodyLimit);
    const departmentId = stringAt(body, 'origin', 'department');
    const department = departmentId === undefined ? undefined : ctx.departments.get(departmentId);
    const origin = c.req.header('Origin');
    if (department && origin !== undefined && !isOriginAllowedFor(ctx, department, origin, c)) {
      throw new ProblemError(403, 'origin_not_allowed', {
        detail: `Pages on ${origin} may not send cases to the department ${department.id}.`,
      });
    }
    if (key === undefined) return createCase(c, ctx, body, department);

    // Keys are scoped by department: two departments' clients can never meet on one key.
    const claim = { scope: departmentId ?? '', key, requestHash: sha256Hex(canonicalJson(body)) };
    const slot = `${claim.scope}\n${claim.key}`;
    if (!inFlight.claim(slot)) {
      throw new ProblemError(409, 'idempotency_request_in_progress', {
        detail: 'A request with this Idempotency-Key is still being processed; retry shortly.',
        headers: { 'Retry-After': '1' },
      });
    }
    try {
      const existing = await ctx.store.findIdempotencyRecord(claim.scope, key, ctx.now());
      if (existing) return replay(c, existing, claim.requestHash);
      return await createCase(c, ctx, body, department, claim);
    } finally {
      inFlight.release(slot);
    }
  });

  return routes;
}

async function createCase(
  c: Context<AppEnv>,
  ctx: AppContext,
  body: unknown,
  department: Department | undefined,
  claim?: IdempotencyClaim,
): Promise<Response> {
  const { submission, department: dept } = validate(body, department);
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
    const submittedAt = ctx.now();
    const receiptToken = randomBytes(32).toString('base64url');
    const receipt: Receipt = {
      reference: createCaseReference(),
      receiptToken,
      submittedAt: submittedAt.toISOString(),
      expectedAnswerBy: expectedAnswerBy(dept, submittedAt).toISOString(),
      answerTimePromise: { workingDays: dept.answerTimePromise.workingDays },
    };
    const responseBody = JSON.stringify(receipt);
    const result = await ctx.store.createCase(
      {
        reference: receipt.reference,
        receiptTokenHash: sha256Hex(receiptToken),
        channel: 'web_form',
        origin: submission.origin,
        topic: submission.message.topic,
        message: submission.message,
        createdAt: receipt.submittedAt,
        answerBy: receipt.expectedAnswerBy,
      },
      claim && {
        ...claim,
        status: 201,
        body: responseBody,
        caseReference: receipt.reference,
        createdAt: receipt.submittedAt,
        expiresAt: new Date(submittedAt.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
      },
    );
    if (result.created) {
      return c.body(responseBody, 201, RECEIPT_HEADERS);
    }
    if (result.conflict === 'idempotency_key') return replay(c, result.record, claim?.requestHash);
  }
  throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
}

/** The submission and its department, or a 422 listing every invalid field (department and topic too). */
function validate(
  body: unknown,
  department: Department | undefined,
): { submission: CaseSubmission; department: Department } {
  // reportInput lets a wrong type be told apart from a missing value (`invalid_type` vs `required`).
  const parsed = CaseSubmissionSchema.safeParse(body, { reportInput: true });
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  const has = (field: string) => errors.some((error) => error.field === field);
  const departmentId = stringAt(body, 'origin', 'department');
  if (departmentId !== undefined && !department && !has('origin.department')) {
    errors.push({
      field: 'origin.department',
      pointer: '/origin/department',
      code: 'invalid_option',
    });
  }
  const topic = parsed.success ? parsed.data.message.topic : stringAt(body, 'message', 'topic');
  if (
    department &&
    topic !== undefined &&
    !has('message.topic') &&
    !department.categories.some((category) => category.id === topic.trim())
  ) {
    errors.push({ field: 'message.topic', pointer: '/message/topic', code: 'unknown_topic' });
  }
  if (!parsed.success || !department || errors.length > 0) {
    throw new ProblemError(422, 'validation_failed', {
      detail: `${errors.length} field(s) are invalid.`,
      errors,
    });
  }
  return { submission: parsed.data, department };
}

/** Answers a repeated request as the first one was answered, or refuses a reused key. */
function replay(c: Context<AppEnv>, record: IdempotencyRecord, requestHash?: string): Response {
  if (record.requestHash !== requestHash) {
    throw new ProblemError(422, 'idempotency_key_reused', {
      detail: 'This Idempotency-Key was used with a different request body; use a new key.',
    });
  }
  return c.body(record.body, record.status as ContentfulStatusCode, {
    ...RECEIPT_HEADERS,
    'Idempotent-Replayed': 'true',
  });
}

/** `body[a][b]` when it is a string; reads unvalidated JSON without trusting its shape. */
function stringAt(body: unknown, a: string, b: string): string | undefined {
  const outer = isRecord(body) ? body[a] : undefined;
  const value = isRecord(outer) ? outer[b] : undefined;
  return typeof value === 'string' ? value : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

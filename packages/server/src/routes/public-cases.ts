import { randomBytes } from 'node:crypto';
import type { CaseAccess, CaseMessage, FieldError, PublicCase } from '@kontakt/core/schemas';
import {
  CaseLookupSchema,
  CaseMessageSchema,
  FollowRequestSchema,
  normalizeCaseReference,
  ReceiptTokenSchema,
  toFieldErrors,
} from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { IntakeClaim, IntakeResult } from '../case-intake.js';
import { inFlightKeysOf, intakeResponse, replay, withIdempotencyKey } from '../case-intake.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import { invalid } from '../http/validation.js';
import { IDEMPOTENCY_TTL_MS, readIdempotencyKey, sha256Hex } from '../idempotency.js';
import { rateLimitKey } from '../middleware/client-address.js';
import { checkPhotoCount, filingWithPhotos, refuseUnusablePhotos } from '../photos/submitted.js';
import type { LookupLimitOptions } from '../public-cases/limiter.js';
import { LOOKUP_LIMIT_DEFAULTS, LookupLimiter } from '../public-cases/limiter.js';
import { publicCaseStream } from '../public-cases/publish.js';

/** Everything here holds a token or what it opens: no cache may keep a copy. */
const NO_STORE = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

/** How long a citizen's event stream lives before its access is checked again. */
const STREAM_RECHECK_MS = 5 * 60_000;

/**
 * A reference that never matches: a malformed one is looked up as this, so it takes the same
 * path (and time) as an unknown one.
 */
const NO_REFERENCE = 'KC-0000-000';

/** Where a message names its photos (`CaseMessage.photos`), for their field errors. */
const PHOTOS = ['photos'] as const;

/**
 * The one answer to every unknown reference, malformed reference, wrong token and wrong address:
 * the same status, body and headers, so an answer tells nothing about which it was.
 */
const caseNotFound = () =>
  new ProblemError(404, 'case_not_found', {
    detail: 'No case matches this reference and token or e-mail address.',
    headers: { 'Cache-Control': 'no-store' },
  });

/** Options of `publicCasesRoutes`. */
export interface PublicCasesOptions {
  /** The limit on lookups and follows per client address (default 10 a minute, 5 at once). */
  lookupLimit?: LookupLimitOptions | undefined;
}

/**
 * A citizen's access to a case, under `/v1/cases` (the status tracker):
 * - `POST /{reference}/lookup` (`{ token }` or `{ email }`) → `CaseAccess`;
 * - `GET /{reference}` with `Authorization: Bearer <access token>` → `PublicCase`;
 * - `GET /{reference}/stream` (Bearer): `case.changed` events with the `PublicCase`;
 * - `POST /{reference}/followers` (`FollowRequest`) → `CaseAccess` for an open fault report;
 *   `DELETE /{reference}/followers` (Bearer: the follower's token) stops following it;
 * - `POST /{reference}/messages` (Bearer: the sender's token; `CaseMessage`) → `PublicCase`:
 *   more information from the sender, with photos uploaded for the case's department (as
 *   `POST /v1/cases` takes them), and an `Idempotency-Key` answered once.
 * Lookups and follows are limited per client address; a failed read with a token counts too.
 */
export function publicCasesRoutes(ctx: AppContext, options: PublicCasesOptions = {}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const limiter = new LookupLimiter(options.lookupLimit ?? LOOKUP_LIMIT_DEFAULTS);
  const inFlight = inFlightKeysOf(ctx);
  const clientOf = (c: Context<AppEnv>) => rateLimitKey(c.get('clientAddress'));
  /** Refuses a client out of attempts; `take` spends one. */
  const limit = (c: Context<AppEnv>, take: boolean) => {
    const waitMs = limiter.waitMs(clientOf(c), ctx.now().getTime(), take);
    if (waitMs > 0) {
      const seconds = String(Math.max(1, Math.ceil(waitMs / 1000)));
      throw new ProblemError(429, 'rate_limited', {
        detail: 'Too many attempts to open a case; try again later.',
        headers: { 'Retry-After': seconds, 'Cache-Control': 'no-store' },
      });
    }
  };
  /** The one 404, after spending an attempt. */
  const notFound = (c: Context<AppEnv>) => {
    limiter.spend(clientOf(c), ctx.now().getTime());
    return caseNotFound();
  };
  /** The case the bearer token opens; a failure counts as an attempt. */
  const authorized = async (
    c: Context<AppEnv>,
  ): Promise<{ reference: string; found: PublicCase }> => {
    limit(c, false);
    const reference = referenceOf(c);
    const token = bearerOf(c);
    const found = await ctx.store.read(
      'publicCaseWithToken',
      reference ?? NO_REFERENCE,
      token ?? '',
    );
    if (!found || !reference || token === undefined) throw notFound(c);
    return { reference, found };
  };

  routes.post('/:reference/lookup', async (c) => {
    limit(c, true);
    const input = CaseLookupSchema.safeParse(await readJsonBody(c, ctx.bodyLimit), {
      reportInput: true,
    });
    if (!input.success) throw invalidNoStore(toFieldErrors(input.error.issues));
    const reference = referenceOf(c) ?? NO_REFERENCE;
    let access: CaseAccess | undefined;
    if ('token' in input.data) {
      // Read or followed with it, the token may be a follower's: say whether it may answer too.
      const found = await ctx.store.read('caseAccessWithToken', reference, input.data.token);
      if (found) access = { ...found, accessToken: input.data.token };
    } else {
      const accessToken = newToken();
      const found = await ctx.store.write(
        'lookupCaseByEmail',
        reference,
        input.data.email,
        sha256Hex(accessToken),
        ctx.now().toISOString(),
      );
      if (found) access = { case: found, accessToken, sender: true };
    }
    if (!access) throw caseNotFound();
    return c.body(JSON.stringify(access), 200, NO_STORE);
  });

  routes.get('/:reference', async (c) => {
    const { found } = await authorized(c);
    return c.body(JSON.stringify(found), 200, NO_STORE);
  });

  routes.get('/:reference/stream', async (c) => {
    const { reference } = await authorized(c);
    // The whole stream from its start (each event is the whole case, and there are few): no
    // change between the tracker's read and its stream is ever missed. Its access is checked again
    // every few minutes, when the client reconnects.
    return ctx.hub.respond(c, publicCaseStream(reference), {
      from: 'start',
      maxDurationMs: STREAM_RECHECK_MS,
    });
  });

  routes.post('/:reference/followers', async (c) => {
    limit(c, true);
    const input = FollowRequestSchema.safeParse(await readJsonBody(c, ctx.bodyLimit), {
      reportInput: true,
    });
    if (!input.success) throw invalidNoStore(toFieldErrors(input.error.issues));
    const accessToken = newToken();
    const result = await ctx.store.write('followCase', referenceOf(c) ?? NO_REFERENCE, {
      tokenHash: sha256Hex(accessToken),
      email: input.data.email,
      locale: input.data.locale ?? 'sv',
      at: ctx.now().toISOString(),
    });
    if (!result.ok && result.error === 'not_followable') {
      // Fault reports are public records (Open311 lists them too): saying that this one is
      // finished tells nothing a reference alone should not; any other case is simply not found.
      throw new ProblemError(409, 'case_not_followable', {
        detail: 'The report is already resolved or closed; there is nothing left to follow.',
        headers: { 'Cache-Control': 'no-store' },
      });
    }
    if (!result.ok) throw caseNotFound();
    const access: CaseAccess = { case: result.case, accessToken, sender: false };
    return c.body(JSON.stringify(access), 201, NO_STORE);
  });

  routes.delete('/:reference/followers', async (c) => {
    limit(c, false);
    const reference = referenceOf(c);
    const token = bearerOf(c);
    const stopped = await ctx.store.write('unfollowCase', reference ?? NO_REFERENCE, token ?? '');
    if (!stopped || !reference || token === undefined) {
      limiter.spend(clientOf(c), ctx.now().getTime());
      throw caseNotFound();
    }
    return c.body(null, 204, { 'Cache-Control': 'no-store' });
  });

  /** Stores the message (see `addCaseMessage`) and answers the case after it. */
  const addMessage = async (
    c: Context<AppEnv>,
    message: { reference: string; token: string; text: string; photos: readonly string[] },
    claim: IntakeClaim | undefined,
  ): Promise<IntakeResult> => {
    const now = ctx.now();
    const result = await ctx.store.write('addCaseMessage', {
      ...message,
      at: now.toISOString(),
      ...(claim && {
        idempotency: {
          ...claim,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
        },
      }),
    });
    if (result.ok) return { status: 201, body: JSON.stringify(result.case), replayed: false };
    if (result.error === 'idempotency_key') return replay(result.record, claim?.requestHash);
    if (result.error === 'finished') {
      throw new ProblemError(409, 'case_finished', {
        detail: 'The case is finished; send a new message instead.',
        headers: { 'Cache-Control': 'no-store' },
      });
    }
    throw notFound(c);
  };

  routes.post('/:reference/messages', async (c) => {
    limit(c, false);
    const key = readIdempotencyKey(c);
    const body = await readJsonBody(c, ctx.bodyLimit);
    const reference = referenceOf(c);
    const token = bearerOf(c);
    // The token first: to anyone else the case is the one 404, whatever the body names.
    const department = await ctx.store.read(
      'senderCaseDepartment',
      reference ?? NO_REFERENCE,
      token ?? '',
    );
    if (department === undefined || !reference || token === undefined) throw notFound(c);
    // Keys are scoped to the case and this route: a department's scope is a slug, never this.
    const scope = `${reference}/messages`;
    const result = await withIdempotencyKey(ctx, inFlight, { scope, key, body }, async (claim) => {
      const { text, photos } = validMessage(ctx, body, department);
      await refuseUnusablePhotos(ctx, { department, ids: photos, path: PHOTOS });
      return filingWithPhotos(PHOTOS, () =>
        addMessage(c, { reference, token, text, photos }, claim),
      );
    });
    return intakeResponse(c, result);
  });

  return routes;
}

/** A new access token: 256 random bits, as a receipt token. */
const newToken = () => randomBytes(32).toString('base64url');

/** The reference of the path, however typed, or `undefined` when it cannot be one. */
function referenceOf(c: Context<AppEnv>): string | undefined {
  return normalizeCaseReference(c.req.param('reference') ?? '');
}

/** The token of `Authorization: Bearer …`, when it has the form of one. */
function bearerOf(c: Context<AppEnv>): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  const token = match?.[1];
  return token !== undefined && ReceiptTokenSchema.safeParse(token).success ? token : undefined;
}

/**
 * The message, or a 422 listing every invalid field: its photos at most the case's department's
 * `messagePhotos.maxCount` (none without `messagePhotos`, or when it is no longer configured).
 */
function validMessage(ctx: AppContext, body: unknown, department: string): CaseMessage {
  const parsed = CaseMessageSchema.safeParse(body, { reportInput: true });
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  const maximum = ctx.departments.get(department)?.messagePhotos?.maxCount ?? 0;
  checkPhotoCount(
    errors,
    'photos',
    maximum,
    parsed.success ? parsed.data.photos.length : undefined,
  );
  if (!parsed.success || errors.length > 0) throw invalidNoStore(errors);
  return parsed.data;
}

/** A refusal here, like every answer about a case, is kept by no cache: the input may be personal. */
const invalidNoStore = (errors: FieldError[]) =>
  invalid(errors, 'field(s)', { 'Cache-Control': 'no-store' });

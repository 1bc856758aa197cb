import { createHash, randomBytes } from 'node:crypto';
import type { Department, UploadedPhoto } from '@kontakt/core/schemas';
import { CaseReferenceSchema, normalizeCaseReference, PhotoIdSchema } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireAgent } from '../auth/require-agent.js';
import type { AppContext } from '../context.js';
import { isOriginAllowedFor } from '../context.js';
import type { AppEnv } from '../env.js';
import { faultSettingsOf } from '../faults/settings.js';
import { readBody } from '../http/body.js';
import { ifNoneMatchMatches } from '../http/conditional.js';
import { departmentParam } from '../http/department-param.js';
import { ProblemError } from '../http/http-error.js';
import { rateLimitKey } from '../middleware/client-address.js';
import { FixedWindowLimiter } from '../middleware/rate-limit.js';
import type { CleanPhoto } from '../photos/clean-image.js';
import { cleanImage } from '../photos/clean-image.js';
import { ImageRefusal } from '../photos/image-error.js';
import type { ServedPhoto } from '../photos/operations.js';
import { scopeOf } from './agent-cases.js';

/** An uploaded photo no case names within this time is deleted. */
export const PHOTO_UNATTACHED_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Photos one client address may upload in an hour (on top of the POST rate limit): a report or
 * a message has a few, and every upload is kept a day whether a case names it or not, so without
 * a budget of its own one address could fill the database with 2 MB blobs at 60 a minute.
 */
export const PHOTO_UPLOADS_PER_HOUR = 60;

/** How long a browser may keep a served photo without asking again (its bytes never change). */
const PHOTO_MAX_AGE_S = 60 * 60;

const ACCEPTED = 'image/jpeg, image/png, image/webp';

/**
 * `POST /v1/photos?department=<id>`: the raw bytes of one photo (not multipart). What it is, is
 * decided by its bytes: JPEG, PNG or WebP, with sane dimensions, at most the department's
 * `maxBytes` — the larger of `faults.photos.maxBytes` and `messagePhotos.maxBytes`, of the ones
 * it has. A department that takes photos neither with fault reports nor with messages takes none;
 * one address at most 60 an hour. It is stored without its metadata: the widget strips it in the
 * browser, but any other client may send a photo with its GPS position in it. Answers 201 with the
 * `UploadedPhoto`, whose id a fault report (`report.photos`), a contact message
 * (`message.photos`) or its sender's later message (`photos`) then names; a photo no case names
 * expires in a day.
 */
export function photoUploadRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const budget = new FixedWindowLimiter({ windowMs: 3_600_000, max: PHOTO_UPLOADS_PER_HOUR });
  routes.post('/', async (c) => {
    const department = departmentParam(c, ctx);
    // Only fault reports and messages name photos: a department that takes neither with photos
    // has no use for them.
    const maxBytes = photoLimitOf(department);
    if (maxBytes === undefined) {
      throw new ProblemError(422, 'validation_failed', {
        detail: `The department ${department.id} takes photos neither with fault reports nor with messages.`,
        errors: [{ field: 'department', pointer: '/department', code: 'invalid_option' }],
      });
    }
    const origin = c.req.header('Origin');
    if (origin !== undefined && !isOriginAllowedFor(ctx, department, origin, c)) {
      throw new ProblemError(403, 'origin_not_allowed', {
        detail: `Pages on ${origin} may not send photos to the department ${department.id}.`,
      });
    }
    const declared = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!declared.startsWith('image/')) {
      throw new ProblemError(415, 'unsupported_media_type', {
        detail: `Send the photo's bytes as the body, with its image type (${ACCEPTED}).`,
        headers: { 'Accept-Post': ACCEPTED },
      });
    }
    const spent = budget.hit(rateLimitKey(c.get('clientAddress')), ctx.now().getTime());
    if (!spent.allowed) {
      throw new ProblemError(429, 'rate_limited', {
        detail: `At most ${PHOTO_UPLOADS_PER_HOUR} photos an hour may be sent from one address.`,
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(spent.resetMs / 1000))) },
      });
    }
    const photo = cleaned(await readBody(c, maxBytes, 'The photo'));
    const now = ctx.now();
    const uploaded: UploadedPhoto = {
      id: randomBytes(16).toString('base64url'),
      type: photo.type,
      bytes: photo.bytes.byteLength,
      width: photo.width,
      height: photo.height,
    };
    await ctx.store.write('insertPhoto', {
      id: uploaded.id,
      department: department.id,
      type: photo.type,
      width: photo.width,
      height: photo.height,
      sha256: createHash('sha256').update(photo.bytes).digest('hex'),
      data: photo.bytes,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PHOTO_UNATTACHED_TTL_MS).toISOString(),
    });
    return c.json(uploaded, 201, { 'Cache-Control': 'no-store' });
  });
  return routes;
}

/**
 * `GET /v1/cases/{reference}/photos/{id}` with `Authorization: Bearer <token>`: a photo of a case
 * for whoever may read the case (its receipt token or an access token). Everything else — no
 * such case, no such photo, a photo of another case, a wrong token — is the same 404, so nothing
 * can be probed.
 */
export function casePhotoRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:reference/photos/:id', async (c) => {
    const token = bearerOf(c);
    const { reference, id } = photoPathOf(c);
    // The case's own access rule: its receipt token, or a token a lookup or a follow granted.
    const allowed = await ctx.store.read('authorizeCaseAccess', reference, token);
    const found = allowed ? await ctx.store.read('selectCasePhoto', { reference, id }) : undefined;
    if (!found) throw photoNotFound();
    return photoResponse(c, found);
  });
  return routes;
}

/**
 * `GET /v1/agent/cases/{reference}/photos/{id}`: a photo of a case for a signed-in agent who may
 * see the case (specialists: cases forwarded to their department), else 404.
 */
export function agentPhotoRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/cases/:reference/photos/:id', requireAgent(ctx), async (c) => {
    const { reference, id } = photoPathOf(c);
    const scope = scopeOf(c.get('agent'));
    const found = await ctx.store.read('selectAgentPhoto', { reference, id, scope });
    if (!found) throw photoNotFound();
    return photoResponse(c, found);
  });
  return routes;
}

/** The photo's bytes with headers that keep them an image, private, and in this origin. */
function photoResponse(c: Context<AppEnv>, photo: ServedPhoto): Response {
  const etag = `"${photo.sha256}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    // Private: it is behind a token or a session. No shared cache keeps it.
    'Cache-Control': `private, max-age=${PHOTO_MAX_AGE_S}`,
    Vary: 'Authorization, Cookie',
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `inline; filename="photo${EXTENSIONS[photo.type] ?? ''}"`,
    // Only pages of this origin may embed it as a plain <img>; others read it with CORS.
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Opened on its own it is a document: nothing in it may run or load anything.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (ifNoneMatchMatches(c.req.header('If-None-Match'), etag)) {
    return c.body(null, 304, headers);
  }
  const body = photo.data;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    'Content-Type': photo.type,
    'Content-Length': String(body.byteLength),
  });
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
};

/** The cleaned photo, or the problem that says why it is refused. */
function cleaned(bytes: Uint8Array): CleanPhoto {
  try {
    return cleanImage(bytes);
  } catch (error) {
    if (!(error instanceof ImageRefusal)) throw error;
    if (error.reason === 'too_many_pixels') {
      throw new ProblemError(413, 'payload_too_large', { detail: error.message });
    }
    throw new ProblemError(415, 'unsupported_media_type', {
      detail: error.message,
      headers: { 'Accept-Post': ACCEPTED },
    });
  }
}

/**
 * The largest photo `department` takes in bytes: the larger limit of the photo steps it has (fault
 * reports', messages' when they take at least one), or `undefined` when it has none.
 */
function photoLimitOf(department: Department): number | undefined {
  const limits: number[] = [];
  const faults = faultSettingsOf(department);
  if (faults) limits.push(faults.photos.maxBytes);
  const messages = department.messagePhotos;
  if (messages && messages.maxCount > 0) limits.push(messages.maxBytes);
  return limits.length > 0 ? Math.max(...limits) : undefined;
}

/** The token of `Authorization: Bearer <token>`; 401 without one (which says nothing of the case). */
function bearerOf(c: Context<AppEnv>): string {
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/i.exec(c.req.header('Authorization') ?? '');
  if (!match?.[1]) {
    throw new ProblemError(401, 'unauthorized', {
      detail: 'Send the receipt token or an access token: Authorization: Bearer <token>.',
      headers: { 'WWW-Authenticate': 'Bearer realm="kontakt case"' },
    });
  }
  return match[1];
}

/** The case reference and photo id of the path; a malformed one is a 404 like any other. */
function photoPathOf(c: Context<AppEnv>): { reference: string; id: string } {
  const reference = normalizeCaseReference(c.req.param('reference') ?? '');
  const id = c.req.param('id') ?? '';
  if (
    !reference ||
    !CaseReferenceSchema.safeParse(reference).success ||
    !PhotoIdSchema.safeParse(id).success
  ) {
    throw photoNotFound();
  }
  return { reference, id };
}

const photoNotFound = () =>
  new ProblemError(404, 'not_found', { detail: 'There is no such photo for you.' });

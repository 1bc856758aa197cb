import type { CaseSubmission, Department, FieldError } from '@kontakt/core/schemas';
import { CaseSubmissionSchema, toFieldErrors } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import {
  fileCase,
  inFlightKeysOf,
  intakeResponse,
  keptMessage,
  stringAt,
  withIdempotencyKey,
} from '../case-intake.js';
import type { AppContext } from '../context.js';
import { isOriginAllowedFor } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import { invalid } from '../http/validation.js';
import { readIdempotencyKey } from '../idempotency.js';
import { checkPhotoCount, filingWithPhotos, refuseUnusablePhotos } from '../photos/submitted.js';

const PHOTOS = ['message', 'photos'] as const;

/**
 * `POST /v1/cases`: a citizen's message becomes a case; the answer is a receipt. The photos it
 * names (`message.photos`, uploaded first with `POST /v1/photos`) are attached to the case in the
 * transaction that stores it: at most the department's `messagePhotos.maxCount` (none without
 * `messagePhotos`), each uploaded for the department and not yet another case's.
 */
export function casesRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const inFlight = inFlightKeysOf(ctx);

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
    const result = await withIdempotencyKey(
      ctx,
      inFlight,
      { scope: departmentId ?? '', key, body },
      async (claim) => {
        const { submission, department: dept } = validate(body, department);
        const { photos } = submission.message;
        await refuseUnusablePhotos(ctx, { department: dept.id, ids: photos, path: PHOTOS });
        const draft = {
          channel: 'web_form' as const,
          origin: submission.origin,
          topic: submission.message.topic,
          // The same photo named twice is one photo.
          message: { ...keptMessage(submission.message), photos: [...new Set(photos)] },
        };
        return filingWithPhotos(PHOTOS, () => fileCase(ctx, dept, draft, claim));
      },
    );
    return intakeResponse(c, result);
  });

  return routes;
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
  // At most the department's `messagePhotos.maxCount` photos (none without `messagePhotos`).
  if (department) {
    const count = parsed.success ? parsed.data.message.photos.length : undefined;
    checkPhotoCount(errors, 'message.photos', department.messagePhotos?.maxCount ?? 0, count);
  }
  if (!parsed.success || !department || errors.length > 0) {
    throw invalid(errors);
  }
  return { submission: parsed.data, department };
}

import type { FieldError } from '@kontakt/core/schemas';
import type { AppContext } from '../context.js';
import { ProblemError } from '../http/http-error.js';
import { invalid } from '../http/validation.js';
import { UNKNOWN_PHOTO } from './attach.js';

/*
 * What the routes that file a case or a message with photos share (`POST /v1/faults`:
 * `report.photos`, `POST /v1/cases`: `message.photos`, `POST /v1/cases/{reference}/messages`:
 * `photos`): the photos' field errors before storing (too many for the department, unusable
 * ones), and the same error when one was taken while it was being stored.
 */

type FieldPath = readonly (string | number)[];

/**
 * At most `maximum` photos (the department's) at `field` (`report.photos`, `message.photos`,
 * `photos`): `too_long` there with that maximum, also in place of the schema's own, which knows
 * only the most any department may take. `count` is the photos named, when the submission parsed.
 */
export function checkPhotoCount(
  errors: FieldError[],
  field: 'report.photos' | 'message.photos' | 'photos',
  maximum: number,
  count: number | undefined,
): void {
  const tooMany = errors.find((error) => error.field === field && error.code === 'too_long');
  if (tooMany) tooMany.params = { maximum };
  else if (count !== undefined && count > maximum) {
    const pointer = `/${field.replace('.', '/')}`;
    errors.push({ field, pointer, code: 'too_long', params: { maximum } });
  }
}

/**
 * Refuses a submission that names photos its department cannot use (not uploaded for it, already
 * another case's, expired): 422 with `unknown_photo` at `<path>.<i>` for each. Reads nothing
 * when it names none.
 */
export async function refuseUnusablePhotos(
  ctx: AppContext,
  request: { department: string; ids: readonly string[]; path: FieldPath },
): Promise<void> {
  const { department, ids, path } = request;
  if (ids.length === 0) return;
  const missing = await ctx.store.read('missingPhotos', {
    department,
    ids,
    at: ctx.now().toISOString(),
  });
  if (missing.length === 0) return;
  const errors = ids.flatMap((id, index) =>
    missing.includes(id) ? [unknownPhotoAt([...path, index])] : [],
  );
  throw invalid(errors);
}

/**
 * `file()`, with a photo that became unusable after `refuseUnusablePhotos` (expired, or another
 * case took it first: `UnknownPhotoError` in the store) answered as 422 `unknown_photo` at `path`.
 */
export async function filingWithPhotos<T>(path: FieldPath, file: () => Promise<T>): Promise<T> {
  try {
    return await file();
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNKNOWN_PHOTO) throw error;
    throw new ProblemError(422, 'validation_failed', {
      detail: 'A photo is not there any more; upload it again.',
      errors: [unknownPhotoAt(path)],
    });
  }
}

const unknownPhotoAt = (path: FieldPath) => ({
  field: path.join('.'),
  pointer: `/${path.join('/')}`,
  code: 'unknown_photo',
});

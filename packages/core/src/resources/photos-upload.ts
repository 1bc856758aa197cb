import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import { KontaktError } from '../errors/KontaktError.js';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import type { UploadedPhoto } from '../schemas/index.js';
import { UploadedPhotoSchema } from '../schemas/index.js';
import type { PhotosContext, PhotoUploadOptions } from './photos.js';
import { uploadWithXhr } from './photos-xhr.js';

/**
 * Uploads one photo (`client.photos.upload`). Browsers report upload progress only to `XMLHttpRequest`: `fetch` has none, and ky's
 * `onUploadProgress` needs a streamed request body, which Chromium sends only over HTTP/2 (and
 * silently ignores otherwise). So XHR where it exists, ky (fetch) elsewhere.
 */
export async function uploadPhoto(
  context: PhotosContext,
  blob: Blob,
  options: PhotoUploadOptions,
): Promise<UploadedPhoto> {
  const path = `v1/photos?department=${encodeURIComponent(context.department)}`;
  const type = imageTypeOf(blob);
  if (typeof XMLHttpRequest !== 'undefined' && !context.customFetch) {
    const answer = await uploadWithXhr(`${context.endpoint}/${path}`, blob, type, {
      ...options,
      timeout: context.timeout,
    });
    const parsed = UploadedPhotoSchema.safeParse(answer);
    if (!parsed.success) {
      throw new InvalidResponseError(
        'The server answered with data that does not match the contract.',
        { status: 201, cause: parsed.error.issues },
      );
    }
    return parsed.data;
  }
  options.onProgress?.(0, blob.size);
  try {
    const photo = await context.http
      .post(path, {
        body: blob,
        headers: { 'content-type': type },
        ...(options.signal ? { signal: options.signal } : {}),
      })
      .json(UploadedPhotoSchema);
    options.onProgress?.(blob.size, blob.size);
    return photo;
  } catch (error) {
    throw toKontaktError(error);
  }
}

/**
 * The type to send: the blob's when it names an image, else `image/jpeg` (a `Blob` from bytes
 * has no type; the server goes by the bytes anyway). A blob that says it is something else is
 * refused here, before its bytes travel.
 */
function imageTypeOf(blob: Blob): string {
  const type = blob.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '') return 'image/jpeg';
  if (type.startsWith('image/')) return type;
  throw new KontaktError(`A photo must be an image, not ${type}.`, {
    code: 'unsupported_media_type',
  });
}

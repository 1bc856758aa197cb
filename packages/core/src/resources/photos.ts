import type { KyInstance } from 'ky';
import type { UploadedPhoto } from '../schemas/index.js';

/** Options of `client.photos.upload`. */
export interface PhotoUploadOptions {
  /** Cancels the upload; the call then rejects with a `KontaktError` whose `code` is `aborted`. */
  signal?: AbortSignal | undefined;
  /**
   * Called as the bytes go out (in browsers, many times; elsewhere at the start and the end),
   * with the bytes sent so far and the photo's size.
   */
  onProgress?: ((loaded: number, total: number) => void) | undefined;
}

/** `client.photos`: photos for a fault report, uploaded one at a time before the report is sent. */
export interface PhotosResource {
  /**
   * Uploads one photo (JPEG, PNG or WebP; scale it down and re-encode it first, as
   * `<kc-fault-report>` does) for the client's department and resolves with its id, sniffed
   * type, size and dimensions; a report then names the id in `report.photos`. A photo no report
   * names is deleted after a day. Rejects with `unsupported_media_type` (not a JPEG, PNG or WebP:
   * the server decides by the bytes), `payload_too_large` (over the department's
   * `photos.maxBytes`, or too many pixels), a `NetworkError`, or `aborted`.
   *
   * @since 0.2.0
   * @example
   * const photo = await client.photos.upload(blob, { onProgress: (sent, total) => bar.value = sent / total });
   * await client.faults.submit({ …report, photos: [photo.id] });
   */
  upload(blob: Blob, options?: PhotoUploadOptions): Promise<UploadedPhoto>;
}

export interface PhotosContext {
  http: KyInstance;
  endpoint: string;
  department: string;
  /** True when the client was given its own `fetch` (tests, SSR): then it is used, not XHR. */
  customFetch: boolean;
  /** Milliseconds an upload may go without progress before it counts as a timeout. */
  timeout: number;
}

/**
 * `client.photos`. The upload itself is a chunk of its own, loaded at the first upload: a page
 * with only a contact form never downloads it.
 */
export function photosResource(context: PhotosContext): PhotosResource {
  return {
    async upload(blob, options = {}) {
      const { uploadPhoto } = await import('./photos-upload.js');
      return uploadPhoto(context, blob, options);
    },
  };
}

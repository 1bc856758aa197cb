import type { ZodMiniType } from 'zod/mini';
import { KontaktError } from '../errors/KontaktError.js';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { FaultOutboxEntry } from '../outbox/types.js';
import type { FaultCatalog, FaultReportInput, FaultSubmission } from '../schemas/index.js';
import {
  FAULT_MAX_PHOTOS,
  FaultCatalogSchema,
  FaultReportSchema,
  GeocodeResultListSchema,
  NearbyReportListSchema,
  ReverseGeocodeSchema,
  toFieldErrors,
} from '../schemas/index.js';
import type { FaultsContext, FaultsResource } from './faults.js';
import { checkPhotos, sendWithPhotos, unsavedEntry } from './send-with-photos.js';
import { keepOrThrow, originOf } from './submission-parts.js';

/*
 * `client.faults`' work, loaded when first used (`faults.ts`): a client that never sends a fault
 * report (the contact form's) does not carry the fault schemas.
 */

export function faultsResource(context: FaultsContext): FaultsResource {
  const { http, department } = context;
  let catalog: Promise<FaultCatalog> | undefined;
  /** A GET of the department's, its answer checked by `schema`; failures as `KontaktError`s. */
  const read = async <T>(
    path: string,
    searchParams: Record<string, string>,
    schema: ZodMiniType<T>,
    options: { signal?: AbortSignal },
  ): Promise<T> => {
    try {
      return await http
        .get(path, { searchParams: { department, ...searchParams }, ...signalOf(options) })
        .json(schema);
    } catch (error) {
      throw toKontaktError(error);
    }
  };
  const resource: FaultsResource = {
    catalog(options = {}) {
      // One request for every caller, so no caller's signal may cancel it: each caller stops
      // waiting on its own signal instead.
      catalog ??= http
        .get(`v1/departments/${encodeURIComponent(department)}/faults`)
        .json(FaultCatalogSchema)
        .catch((error: unknown) => {
          catalog = undefined;
          throw toKontaktError(error);
        });
      return untilAborted(catalog, options.signal);
    },
    async categories(options = {}) {
      return (await resource.catalog(options)).categories;
    },
    nearby({ lat, lon, category }, options = {}) {
      const point = { category, lat: lat.toFixed(6), lon: lon.toFixed(6) };
      return read('v1/faults/nearby', point, NearbyReportListSchema, options);
    },
    async geocode(q, options = {}) {
      return (await read('v1/geocode', { q }, GeocodeResultListSchema, options)).results;
    },
    async placeAt({ lat, lon }, options = {}) {
      const point = { lat: lat.toFixed(6), lon: lon.toFixed(6) };
      return (await read('v1/geocode/reverse', point, ReverseGeocodeSchema, options)).place;
    },
    async submit(report, options = {}) {
      const submission = buildSubmission(context, report, options);
      const id = options.idempotencyKey ?? createIdempotencyKey();
      // An unsaved entry, which `sendWithPhotos` takes like a kept one.
      let entry: FaultOutboxEntry = {
        kind: 'fault',
        ...unsavedEntry(id, submission, options.photos ?? []),
      };
      try {
        return await sendWithPhotos(http, entry, {
          upload: context.upload,
          signal: options.signal,
          onProgress: options.onProgress,
          save: async (saved) => {
            entry = saved as FaultOutboxEntry;
          },
        });
      } catch (error) {
        const { submission, photos, uploaded } = entry;
        const kept = { kind: 'fault' as const, submission, photos, uploaded };
        return keepOrThrow(context, kept, id, 'report', error, options.signal);
      }
    },
  };
  return resource;
}

function buildSubmission(
  context: FaultsContext,
  report: FaultReportInput,
  options: Parameters<FaultsResource['submit']>[1] & object,
): FaultSubmission {
  const parsed = FaultReportSchema.safeParse(report);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  checkPhotos({
    named: parsed.data.photos.length,
    toUpload: options.photos?.length ?? 0,
    maximum: FAULT_MAX_PHOTOS,
    upload: context.upload,
    part: 'report',
  });
  return { origin: originOf(context, options), report: parsed.data };
}

/** `promise`, or a rejection with an `aborted` `KontaktError` once `signal` fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  const aborted = () => new KontaktError('The request was aborted.', { code: 'aborted' });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const signalOf = (options: { signal?: AbortSignal }) =>
  options.signal ? { signal: options.signal } : {};

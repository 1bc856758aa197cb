/*
 * `client.faults`, kept small inside the client: the work (the fault schemas, sending, the
 * photos' uploads) loads when first used, so a widget whose client never sends a fault report
 * (the contact form) does not carry it.
 */
import type {
  FaultCatalog,
  FaultCategory,
  FaultReportInput,
  GeocodeResult,
  LatLon,
  NearbyReportList,
  Receipt,
  ReverseGeocode,
} from '../schemas/index.js';
import type { SubmitContext } from './case-submit.js';
import type { FaultUploadProgress, PhotoUploader } from './faults-send.js';

export type { FaultUploadProgress, PhotoUploader } from './faults-send.js';

/** Options for one `faults.submit()` call. */
export interface FaultSubmitOptions {
  /**
   * Photos to upload first (already scaled down and re-encoded, e.g. by the widget); their ids
   * are added to `report.photos` in this order. Kept with the report in the outbox when it cannot
   * be sent now, and uploaded before it is sent.
   */
  photos?: readonly Blob[];
  /** Bytes of the photos uploaded so far, of all of them. */
  onProgress?: (progress: FaultUploadProgress) => void;
  /** Cancels the uploads and the request; a cancelled report is not kept in the outbox. */
  signal?: AbortSignal;
  /** The element that sends it, recorded as the case's origin. Default `'sdk'`. */
  widget?: string;
  /** The page it was made on. Default: the client's `pageUrl()`, read now. */
  pageUrl?: string;
  /** Sends under this key instead of a new one (a person sending the same report again). */
  idempotencyKey?: string;
}

/** `client.faults`: fault reports (*felanmälan*) on streets and public places. */
export interface FaultsResource {
  /**
   * The department's fault catalog: groups, categories with their questions, the nearby radius,
   * the map and photo settings. Asked once per client; a failed request is asked again next time.
   * The request is shared by every caller, so `signal` only ends this caller's wait (rejecting
   * with the code `aborted`); it does not cancel the request.
   */
  catalog(options?: { signal?: AbortSignal }): Promise<FaultCatalog>;
  /** The catalog's categories (`catalog().categories`). */
  categories(options?: { signal?: AbortSignal }): Promise<FaultCategory[]>;
  /**
   * Open reports of `category` near a point, nearest first, within the department's radius, so a
   * person can follow one instead of filing a duplicate. No personal data; points rounded.
   */
  nearby(
    query: { lat: number; lon: number; category: string },
    options?: { signal?: AbortSignal },
  ): Promise<NearbyReportList>;
  /**
   * Places for what a person typed (an address, a square), from the department's geocoder
   * (`GET /v1/geocode`), best first; at most ten. Rejects with the code `geocoder_not_configured`
   * for a department without one (`catalog().geocoder` says whether it has one), and
   * `geocoder_failed` when the geocoding service did not answer.
   */
  geocode(query: string, options?: { signal?: AbortSignal }): Promise<GeocodeResult[]>;
  /**
   * The place the department's geocoder names at `point` (`GET /v1/geocode/reverse`): the
   * address there, or the nearest of the department's own places within 250 m, with its
   * distance; `null` where it knows none. For saying a point picked on a map in words. Rejects
   * as `geocode` does.
   */
  placeAt(point: LatLon, options?: { signal?: AbortSignal }): Promise<ReverseGeocode['place']>;
  /**
   * Validates `report` with `FaultReportSchema` (rejecting with a `ValidationError` without a
   * request), uploads `options.photos`, sends the report with an `Idempotency-Key` and resolves
   * with the receipt. When it cannot be sent (network down, a timeout, 408, 429, 5xx after
   * retries, or the same key still in progress) it is kept in the client's outbox with its photos
   * (those uploaded already too) and the call rejects with a `NetworkError` whose `queued` is
   * `{ id }`; the outbox sends it once the server answers (the same key: one case). Without an
   * outbox, when `signal` cancelled it, or when the outbox cannot store it, the call rejects with
   * the error itself.
   * Field errors are relative to the report (`answers.hur`, `location.address`).
   */
  submit(report: FaultReportInput, options?: FaultSubmitOptions): Promise<Receipt>;
}

/** What sending a report needs of its client: what sending a message needs, and photo uploads. */
export interface FaultsContext extends SubmitContext {
  /** Uploads a photo (`client.photos.upload`); without it, reports carry uploaded ids only. */
  upload?: PhotoUploader | undefined;
}

/** `client.faults`: each method loads the implementation (once) and runs it. */
export function faultsResource(context: FaultsContext): FaultsResource {
  let loaded: Promise<FaultsResource> | undefined;
  const impl = () => {
    loaded ??= import('./faults-impl.js').then(
      ({ faultsResource: create }) => create(context),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    );
    return loaded;
  };
  return {
    catalog: async (options) => (await impl()).catalog(options),
    categories: async (options) => (await impl()).categories(options),
    nearby: async (query, options) => (await impl()).nearby(query, options),
    geocode: async (query, options) => (await impl()).geocode(query, options),
    placeAt: async (point, options) => (await impl()).placeAt(point, options),
    submit: async (report, options) => (await impl()).submit(report, options),
  };
}

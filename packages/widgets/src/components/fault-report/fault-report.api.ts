/*
 * The lookups the location step makes while the person types or moves a pin: places from the
 * department's geocoder, the place at the chosen point, and open reports nearby. Plain GETs to
 * the widget's own server (a widget under a strict CSP talks to nothing else), read by hand, so
 * they work before the client has loaded. A client given from JavaScript is used instead (its
 * fetch, its retries).
 */
import type { KontaktClient, Locale } from '@kontakt/core';
import { KontaktError, NetworkError, normalizeEndpoint } from '@kontakt/core';
import type { GeocodeResult, LatLon, NearbyReport, ReverseGeocode } from '@kontakt/core/schemas';

/** Where the lookups go: the element's server and department, or the client given it. */
export interface LookupTarget {
  endpoint: string;
  department: string;
  client: KontaktClient | undefined;
}

/** Places matching `query`, best first; rejects with a `NetworkError` or the server's error. */
export async function geocode(
  target: LookupTarget,
  query: string,
  signal?: AbortSignal,
): Promise<GeocodeResult[]> {
  if (target.client) return target.client.faults.geocode(query, signal ? { signal } : {});
  const body = await getFor(target, 'v1/geocode', { q: query }, signal);
  const results = isRecord(body) && Array.isArray(body.results) ? body.results : [];
  return results.filter(isPlace);
}

/** The place the department's geocoder names at `point`, or `null` where it knows none. */
export async function placeAt(
  target: LookupTarget,
  point: LatLon,
  signal?: AbortSignal,
): Promise<ReverseGeocode['place']> {
  if (target.client) return target.client.faults.placeAt(point, signal ? { signal } : {});
  const body = await getFor(
    target,
    'v1/geocode/reverse',
    { lat: String(point.lat), lon: String(point.lon) },
    signal,
  );
  const place = isRecord(body) ? body.place : undefined;
  return isPlace(place) && typeof place.distanceMeters === 'number'
    ? (place as NonNullable<ReverseGeocode['place']>)
    : null;
}

/** Open reports of `category` near the point, nearest first. */
export async function nearbyReports(
  target: LookupTarget,
  query: { lat: number; lon: number; category: string },
  signal?: AbortSignal,
): Promise<NearbyReport[]> {
  if (target.client) {
    return (await target.client.faults.nearby(query, signal ? { signal } : {})).reports;
  }
  const body = await getFor(
    target,
    'v1/faults/nearby',
    { category: query.category, lat: String(query.lat), lon: String(query.lon) },
    signal,
  );
  const reports = isRecord(body) && Array.isArray(body.reports) ? body.reports : [];
  return reports.filter(
    (r): r is NearbyReport =>
      isRecord(r) &&
      typeof r.reference === 'string' &&
      typeof r.status === 'string' &&
      typeof r.createdAt === 'string' &&
      typeof r.distanceMeters === 'number',
  );
}

/** A GET of `path` on the target's server, for its department, with `params`; the body read. */
async function getFor(
  target: LookupTarget,
  path: string,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<unknown> {
  const query = new URLSearchParams({ department: target.department, ...params });
  const url = `${normalizeEndpoint(target.endpoint)}/${path}?${query}`;
  let response: Response;
  const timeout = AbortSignal.timeout(10_000);
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (cause) {
    throw new NetworkError('The server could not be reached.', { code: 'network_error', cause });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const code = isRecord(body) && typeof body.code === 'string' ? body.code : 'http_error';
    throw new KontaktError(`The server refused (${response.status}).`, { code });
  }
  return body;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A place as the geocode routes give it: a label and a point. */
const isPlace = (value: unknown): value is GeocodeResult & Record<string, unknown> =>
  isRecord(value) &&
  typeof value.label === 'string' &&
  typeof value.lat === 'number' &&
  typeof value.lon === 'number';

/**
 * Follows someone else's open report instead of filing a duplicate (`client.cases.follow`).
 * Resolves with the access token the status tracker opens the case with.
 */
export async function followCase(
  client: KontaktClient,
  reference: string,
  request: { email?: string; locale: Locale },
): Promise<{ accessToken: string }> {
  return client.cases.follow(reference, request);
}

import type { GeocodeResult, LatLon, ReverseGeocode } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import { distanceMeters, roundCoordinate } from './geo.js';
import type { GeocoderSettings } from './settings.js';

/** At most this many places are answered. */
export const GEOCODE_LIMIT = 10;
/** How long a geocoder's answer is reused (see `answersCache`). */
const CACHE_MS = 5 * 60_000;
const CACHE_ENTRIES = 500;

/**
 * How far from a point one of a fixed gazetteer's places may be and still name it: about a block.
 * Further away, "near" it would mislead more than it helps.
 */
export const REVERSE_RADIUS_METERS = 250;

/** The part of a Nominatim `format=jsonv2&addressdetails=1` result we use. */
const NominatimResultSchema = z.object({
  display_name: z.string(),
  lat: z.string().check(z.regex(/^-?\d+(\.\d+)?$/)),
  lon: z.string().check(z.regex(/^-?\d+(\.\d+)?$/)),
  /** The place's own name (a square, a park), when it has one. */
  name: z.optional(z.unknown()),
  /** The address's parts (`road`, `house_number`, `city`, …), with `addressdetails=1`. */
  address: z.optional(z.record(z.string(), z.unknown())),
});
type NominatimResult = z.infer<typeof NominatimResultSchema>;
const NominatimResultsSchema = z.array(NominatimResultSchema);
/** Nominatim's reverse answer: a result, or `{ error: "Unable to geocode" }` where nothing is. */
const NominatimReverseSchema = z.union([NominatimResultSchema, z.object({ error: z.string() })]);

/** The geocoder did not answer usefully (timeout, error status, a body of another shape). */
export class GeocoderError extends Error {
  override name = 'GeocoderError';
}

/**
 * Searches places for what a person typed, with the department's geocoder: a fixed gazetteer
 * searched here, or a Nominatim-compatible service called with a timeout. Answers are cached
 * briefly per geocoder and query. Throws `GeocoderError` when the service fails.
 */
export function createGeocoder(
  settings: GeocoderSettings,
  fetchImpl: typeof fetch = fetch,
): (query: string) => Promise<GeocodeResult[]> {
  if (settings.kind === 'places') {
    const places = settings.places.map((place) => ({ place, label: normalise(place.label) }));
    return async (query) => searchPlaces(places, query);
  }
  const cached = answersCache<GeocodeResult[]>();
  return (query) => cached(normalise(query), () => callNominatim(settings, query, fetchImpl));
}

/** The place a point is at or near, or `null`; see `ReverseGeocode`. */
export type ReverseGeocoder = (point: LatLon) => Promise<ReverseGeocode['place']>;

/**
 * Names the place at a point with the department's geocoder: the nearest of a fixed gazetteer's
 * places within `REVERSE_RADIUS_METERS`, or a Nominatim-compatible service's `reverse` endpoint
 * (beside its search: `…/reverse` for `…/search`). The point is rounded to about ten metres
 * before it is looked up or sent: enough to name the street, not the person's door. Answers are
 * cached briefly per rounded point. Throws `GeocoderError` when the service fails.
 */
export function createReverseGeocoder(
  settings: GeocoderSettings,
  fetchImpl: typeof fetch = fetch,
): ReverseGeocoder {
  if (settings.kind === 'places') {
    return async (point) => nearestPlace(settings.places, point);
  }
  const cached = answersCache<ReverseGeocode['place']>();
  return async (point) => {
    const rounded = { lat: roundCoordinate(point.lat), lon: roundCoordinate(point.lon) };
    const found = await cached(`${rounded.lat},${rounded.lon}`, () =>
      callNominatimReverse(settings, rounded, fetchImpl),
    );
    // The distance from the person's own point, not the rounded one.
    return found && { ...found, distanceMeters: metresBetween(point, found) };
  };
}

/** The nearest place within `REVERSE_RADIUS_METERS` of `point`, or `null`. */
function nearestPlace(places: readonly GeocodeResult[], point: LatLon): ReverseGeocode['place'] {
  let nearest: ReverseGeocode['place'] = null;
  for (const place of places) {
    const distance = metresBetween(point, place);
    if (distance <= REVERSE_RADIUS_METERS && (!nearest || distance < nearest.distanceMeters)) {
      nearest = { ...place, distanceMeters: distance };
    }
  }
  return nearest;
}

const metresBetween = (a: LatLon, b: LatLon): number =>
  Math.round(distanceMeters(a.lat, a.lon, b.lat, b.lon));

async function callNominatimReverse(
  settings: Extract<GeocoderSettings, { kind: 'nominatim' }>,
  point: LatLon,
  fetchImpl: typeof fetch,
): Promise<ReverseGeocode['place']> {
  const url = reverseUrl(settings.url);
  url.searchParams.set('lat', String(point.lat));
  url.searchParams.set('lon', String(point.lon));
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  const parsed = NominatimReverseSchema.safeParse(await askNominatim(settings, url, fetchImpl));
  if (!parsed.success) throw new GeocoderError('The geocoder answered something unexpected');
  if ('error' in parsed.data) return null;
  const lat = Number(parsed.data.lat);
  const lon = Number(parsed.data.lon);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { label: labelOf(parsed.data), lat, lon, distanceMeters: 0 };
}

/**
 * The service's reverse endpoint beside its search, as Nominatim has them: `…/reverse` for
 * `…/search` (and `reverse.php` for `search.php`), with the search URL's own query parameters
 * (an API key) kept.
 */
export function reverseUrl(searchUrl: string): URL {
  const url = new URL(searchUrl);
  const search = /search(\.php)?$/;
  url.pathname = search.test(url.pathname)
    ? url.pathname.replace(search, 'reverse$1')
    : new URL('reverse', url).pathname;
  return url;
}

async function callNominatim(
  settings: Extract<GeocoderSettings, { kind: 'nominatim' }>,
  query: string,
  fetchImpl: typeof fetch,
): Promise<GeocodeResult[]> {
  const url = new URL(settings.url);
  url.searchParams.set('q', query);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  url.searchParams.set('limit', String(GEOCODE_LIMIT));
  const parsed = NominatimResultsSchema.safeParse(await askNominatim(settings, url, fetchImpl));
  if (!parsed.success) throw new GeocoderError('The geocoder answered something unexpected');
  return parsed.data.slice(0, GEOCODE_LIMIT).flatMap((result) => {
    const lat = Number(result.lat);
    const lon = Number(result.lon);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return [];
    return [{ label: labelOf(result), lat, lon }];
  });
}

/**
 * A result's label as a person says an address here: "Storgatan 12, Malmö" (the street and number,
 * or the place's own name, then the town), not Nominatim's whole `display_name` ("12, Storgatan,
 * Gamla staden, Innerstaden, Malmö, Malmö kommun, Skåne län, 211 34, Sverige"), which a screen
 * reader would read out in full. The `display_name` when the parts are not there.
 */
function labelOf(result: NominatimResult): string {
  const part = (...keys: string[]) => {
    for (const key of keys) {
      const value = result.address?.[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
    return undefined;
  };
  const road = part('road', 'pedestrian', 'footway', 'cycleway', 'square', 'place');
  const number = part('house_number');
  const name =
    typeof result.name === 'string' && result.name.trim() ? result.name.trim() : undefined;
  const where = road ? (number ? `${road} ${number}` : road) : name;
  const town = part('city', 'town', 'village', 'hamlet', 'municipality');
  const label = where && town ? `${where}, ${town}` : where ? where : result.display_name;
  return label.slice(0, 300);
}

/**
 * A service's answers by key, reused for `CACHE_MS`: a person types, erases and types the same
 * again, or moves the pin back. At most `CACHE_ENTRIES`, the oldest out first (a Map keeps
 * insertion order). A failure is not kept.
 */
function answersCache<T>(): (key: string, ask: () => Promise<T>) => Promise<T> {
  const cache = new Map<string, { until: number; answer: T }>();
  return async (key, ask) => {
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return cached.answer;
    const answer = await ask();
    cache.delete(key);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { until: Date.now() + CACHE_MS, answer });
    return answer;
  };
}

/** One GET to the service, with its timeout; its JSON body, or `GeocoderError`. */
async function askNominatim(
  settings: Extract<GeocoderSettings, { kind: 'nominatim' }>,
  url: URL,
  fetchImpl: typeof fetch,
): Promise<unknown> {
  try {
    const response = await fetchImpl(url, {
      headers: {
        accept: 'application/json',
        // Nominatim's usage policy asks every application to name itself.
        'user-agent': 'kontakt-server (fault reports)',
      },
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!response.ok) throw new GeocoderError(`The geocoder answered ${response.status}`);
    return await response.json();
  } catch (error) {
    if (error instanceof GeocoderError) throw error;
    throw new GeocoderError('The geocoder did not answer', { cause: error });
  }
}

interface IndexedPlace {
  place: GeocodeResult;
  label: string;
}

/**
 * Places whose label holds every word of the query (`söder 12`, `gatan`), best first: a label
 * that begins with the query, then one where each word begins a word, then by label.
 */
function searchPlaces(places: readonly IndexedPlace[], query: string): GeocodeResult[] {
  const wanted = words(query);
  if (wanted.length === 0) return [];
  const whole = normalise(query);
  const rank = ({ label }: IndexedPlace) => {
    if (label.startsWith(whole)) return 0;
    const have = words(label);
    return wanted.every((w) => have.some((word) => word.startsWith(w))) ? 1 : 2;
  };
  return places
    .filter(({ label }) => wanted.every((w) => label.includes(w)))
    .map((indexed) => ({ indexed, rank: rank(indexed) }))
    .sort(
      (a, b) => a.rank - b.rank || a.indexed.place.label.localeCompare(b.indexed.place.label, 'sv'),
    )
    .slice(0, GEOCODE_LIMIT)
    .map(({ indexed }) => indexed.place);
}

/** Lower case (Swedish rules), single spaces: how labels and queries are compared. */
function normalise(text: string): string {
  return text.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

function words(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

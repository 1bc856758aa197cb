import type { GeocodeResult } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import type { GeocoderSettings } from './settings.js';

/** At most this many places are answered. */
export const GEOCODE_LIMIT = 10;
/** How long a geocoder's answer is reused: a person types, erases and types the same again. */
const CACHE_MS = 5 * 60_000;
const CACHE_ENTRIES = 500;

/** The part of a Nominatim `format=jsonv2` result we use. */
const NominatimResultsSchema = z.array(
  z.object({
    display_name: z.string(),
    lat: z.string().check(z.regex(/^-?\d+(\.\d+)?$/)),
    lon: z.string().check(z.regex(/^-?\d+(\.\d+)?$/)),
  }),
);

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
  const cache = new Map<string, { until: number; results: GeocodeResult[] }>();
  return async (query) => {
    const key = normalise(query);
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return cached.results;
    const results = await callNominatim(settings, query, fetchImpl);
    // Oldest first out: a Map keeps insertion order.
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { until: Date.now() + CACHE_MS, results });
    return results;
  };
}

async function callNominatim(
  settings: Extract<GeocoderSettings, { kind: 'nominatim' }>,
  query: string,
  fetchImpl: typeof fetch,
): Promise<GeocodeResult[]> {
  const url = new URL(settings.url);
  url.searchParams.set('q', query);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('limit', String(GEOCODE_LIMIT));
  let body: unknown;
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
    body = await response.json();
  } catch (error) {
    if (error instanceof GeocoderError) throw error;
    throw new GeocoderError('The geocoder did not answer', { cause: error });
  }
  const parsed = NominatimResultsSchema.safeParse(body);
  if (!parsed.success) throw new GeocoderError('The geocoder answered something unexpected');
  return parsed.data.slice(0, GEOCODE_LIMIT).flatMap((result) => {
    const lat = Number(result.lat);
    const lon = Number(result.lon);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return [];
    return [{ label: result.display_name.slice(0, 300), lat, lon }];
  });
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

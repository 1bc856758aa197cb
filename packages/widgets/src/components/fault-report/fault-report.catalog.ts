/*
 * The department's fault catalog as the first frame needs it, fetched with the browser's own
 * `fetch` and read by hand (no zod, no ky), the way `readDepartmentPreview` reads a department.
 * Only what the form shows is read; the contract's schemas check everything that is sent.
 */
import type { LocalizedText } from '@kontakt/core';
import { isSlug, KontaktError, LOCALES, NetworkError, normalizeEndpoint } from '@kontakt/core';
import type { JsonAnswer } from '@kontakt/core/early';
import { peekEarlyAnswer, readJsonAnswer, takeEarlyGet } from '@kontakt/core/early';
import type {
  FaultAttribute,
  FaultCatalog,
  FaultCategory,
  FaultGroup,
  FaultMapSettings,
} from '@kontakt/core/schemas';

/** The Open311 attribute types, as in the contract (`FAULT_ATTRIBUTE_TYPES`). */
const TYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

/** `GET /v1/departments/{id}/faults` for a department. */
export function catalogUrl(endpoint: string, department: string): string {
  return `${normalizeEndpoint(endpoint)}/v1/departments/${encodeURIComponent(department)}/faults`;
}

/** Requests per URL; `value` is set once the answer is in (what `peekFaultCatalog` gives). */
const requests = new Map<string, { promise: Promise<FaultCatalog>; value?: FaultCatalog }>();

/**
 * The catalog, one request per URL and page (shared by elements; a failure is not kept, so a
 * retry asks again). Rejects with a `NetworkError`, the server's `KontaktError`, or a
 * `KontaktError` `invalid_response` for an answer that is not a catalog.
 */
export function fetchFaultCatalog(endpoint: string, department: string): Promise<FaultCatalog> {
  const url = catalogUrl(endpoint, department);
  // An early answer that is in is taken as it is, so that `peekFaultCatalog` has it at once.
  peekFaultCatalog(endpoint, department);
  return (requests.get(url) ?? share(url, requestCatalog(url))).promise;
}

/**
 * The catalog without waiting: an answer already in on this page, or the script-tag starter's
 * early answer if it has arrived (its body read while the element loaded); else `undefined`. For
 * the first frame, which then shows the categories at once.
 */
export function peekFaultCatalog(endpoint: string, department: string): FaultCatalog | undefined {
  const url = catalogUrl(endpoint, department);
  const known = requests.get(url);
  if (known) return known.value;
  const early = peekEarlyAnswer(url);
  const value = early?.ok ? readFaultCatalog(early.body) : undefined;
  // Anything but a catalog is left to `fetchFaultCatalog`, which reports it.
  if (!value) return undefined;
  takeEarlyGet(url);
  share(url, Promise.resolve(value)).value = value;
  return value;
}

function share(url: string, promise: Promise<FaultCatalog>) {
  const request: { promise: Promise<FaultCatalog>; value?: FaultCatalog } = { promise };
  requests.set(url, request);
  promise.then(
    (value) => {
      request.value = value;
    },
    () => {
      if (requests.get(url) === request) requests.delete(url);
    },
  );
  return request;
}

async function requestCatalog(url: string): Promise<FaultCatalog> {
  let answer: JsonAnswer;
  try {
    // The script-tag starter may have sent this very request before the element loaded.
    answer = await (takeEarlyGet(url) ??
      fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(10_000),
      }).then(readJsonAnswer));
  } catch (cause) {
    throw new NetworkError('The server could not be reached.', { code: 'network_error', cause });
  }
  return toCatalog(answer);
}

/** The catalog of an answer, or the error it is. */
function toCatalog({ ok, status, body }: JsonAnswer): FaultCatalog {
  if (!ok) {
    const code = isRecord(body) && typeof body.code === 'string' ? body.code : 'http_error';
    throw new KontaktError(`The catalog could not be loaded (${status}).`, { code });
  }
  const catalog = readFaultCatalog(body);
  if (!catalog) {
    throw new KontaktError('The fault catalog does not match the contract.', {
      code: 'invalid_response',
    });
  }
  return catalog;
}

/** Reads a catalog as the API sends it, or `undefined` when what the form shows is malformed. */
export function readFaultCatalog(body: unknown): FaultCatalog | undefined {
  if (!isRecord(body) || !isSlug(body.department) || !Array.isArray(body.categories)) return;
  const groups: FaultGroup[] = [];
  for (const item of Array.isArray(body.groups) ? body.groups : []) {
    const name = isRecord(item) ? readText(item.name) : undefined;
    if (!isRecord(item) || !isSlug(item.id) || !name) return;
    groups.push({ id: item.id, name });
  }
  const categories: FaultCategory[] = [];
  for (const item of body.categories) {
    const category = readCategory(item);
    if (!category) return;
    categories.push(category);
  }
  const photos = isRecord(body.photos) ? body.photos : {};
  const map = readMap(body.map);
  return {
    department: body.department,
    groups,
    categories,
    nearbyRadiusMeters: readInt(body.nearbyRadiusMeters, 150),
    ...(map ? { map } : {}),
    geocoder: body.geocoder === true,
    photos: {
      maxCount: readInt(photos.maxCount, 3),
      maxEdge: readInt(photos.maxEdge, 1600),
      maxBytes: readInt(photos.maxBytes, 2_000_000),
    },
  };
}

function readCategory(item: unknown): FaultCategory | undefined {
  if (!isRecord(item) || !isSlug(item.id)) return;
  const name = readText(item.name);
  if (!name) return;
  const attributes: FaultAttribute[] = [];
  for (const raw of Array.isArray(item.attributes) ? item.attributes : []) {
    const attribute = readAttribute(raw);
    if (!attribute) return;
    attributes.push(attribute);
  }
  attributes.sort((a, b) => a.order - b.order);
  const description = readText(item.description);
  return {
    id: item.id,
    name,
    ...(isSlug(item.group) ? { group: item.group } : {}),
    ...(description ? { description } : {}),
    keywords: Array.isArray(item.keywords)
      ? item.keywords.filter((k): k is string => typeof k === 'string')
      : [],
    attributes,
  };
}

function readAttribute(raw: unknown): FaultAttribute | undefined {
  if (!isRecord(raw) || typeof raw.code !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(raw.code))
    return;
  const description = readText(raw.description);
  if (!description || typeof raw.datatype !== 'string' || !TYPES.includes(raw.datatype)) return;
  const values = [];
  for (const value of Array.isArray(raw.values) ? raw.values : []) {
    const name = isRecord(value) ? readText(value.name) : undefined;
    if (!isRecord(value) || typeof value.key !== 'string' || !name) return;
    values.push({ key: value.key, name });
  }
  const hint = readText(raw.hint);
  return {
    code: raw.code,
    datatype: raw.datatype as FaultAttribute['datatype'],
    description,
    ...(hint ? { hint } : {}),
    required: raw.required === true,
    variable: raw.variable !== false,
    order: readInt(raw.order, 0),
    values,
  };
}

function readMap(raw: unknown): FaultMapSettings | undefined {
  if (!isRecord(raw) || typeof raw.tileUrl !== 'string' || !isRecord(raw.center)) return;
  const { lat, lon } = raw.center;
  if (typeof lat !== 'number' || typeof lon !== 'number') return;
  if (!/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(raw.tileUrl)) return;
  return {
    tileUrl: raw.tileUrl,
    attribution: typeof raw.attribution === 'string' ? raw.attribution : '',
    maxZoom: readInt(raw.maxZoom, 19),
    center: { lat, lon },
    zoom: readInt(raw.zoom, 13),
  };
}

function readText(value: unknown): LocalizedText | undefined {
  if (!isRecord(value) || typeof value.sv !== 'string' || !value.sv) return;
  const text: Record<string, string> = {};
  for (const locale of LOCALES) {
    const each = value[locale];
    if (typeof each === 'string') text[locale] = each;
  }
  return text as LocalizedText;
}

const readInt = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) ? value : fallback;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

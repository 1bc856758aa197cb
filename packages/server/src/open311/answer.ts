import type { FieldError } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError } from '../http/http-error.js';
import type { XmlValue } from './xml.js';
import { xmlDocument } from './xml.js';

/*
 * Open311 answers in the format the path asks for (`services.json`, `services.xml`; or
 * `?format=`), and its errors in the spec's shape instead of problem+json:
 * `[{ "code": 400, "description": "…" }]` / `<errors><error><code/><description/></error></errors>`.
 */

export type Open311Format = 'json' | 'xml';

/** A path segment without its format suffix, and the format it names (if any). */
export function splitFormat(segment: string): { name: string; format?: Open311Format } {
  const match = /^(.*)\.(json|xml)$/i.exec(segment);
  if (!match) return { name: segment };
  return { name: match[1] as string, format: (match[2] as string).toLowerCase() as Open311Format };
}

/**
 * The format of a request: its path's suffix, else `?format=json|xml`, else XML, the format the
 * spec requires every server to have.
 */
export function formatOf(c: Context): Open311Format {
  const last = c.req.path.split('/').pop() ?? '';
  const fromPath = splitFormat(last).format;
  if (fromPath) return fromPath;
  const asked = c.req.query('format')?.toLowerCase();
  return asked === 'json' ? 'json' : 'xml';
}

const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** `value` as JSON, or as the XML document with root element `root`. */
export function answer(
  c: Context,
  format: Open311Format,
  root: string,
  value: XmlValue,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Response {
  const body = format === 'json' ? JSON.stringify(value) : xmlDocument(root, value);
  return c.body(body, status, { ...headers, 'Content-Type': CONTENT_TYPES[format] });
}

/** An error in Open311's own shape: its status and one description per problem. */
export class Open311Error extends Error {
  readonly status: ContentfulStatusCode;
  readonly descriptions: string[];
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    descriptions: string | string[],
    headers: Record<string, string> = {},
  ) {
    const list = Array.isArray(descriptions) ? descriptions : [descriptions];
    super(list.join(' '));
    this.name = 'Open311Error';
    this.status = status;
    this.descriptions = list;
    this.headers = headers;
  }
}

/**
 * Any error thrown under `/open311/v2` as Open311's error list. The spec names 404 (unknown),
 * 403 (a bad `api_key`) and 400 (anything else the client got wrong); a kontakt validation
 * failure (422) is a 400 here with one entry per field, named as the Open311 client sent it.
 * 405, 409 (the same `Idempotency-Key` still in flight), 413 and 429 keep their status and
 * headers (`Allow`, `Retry-After`): a client can act on them, and a 400 would hide what to do.
 */
export function toOpen311Error(error: unknown): Open311Error | undefined {
  if (error instanceof Open311Error) return error;
  if (!(error instanceof ProblemError)) return undefined;
  const headers = error.options.headers ?? {};
  if (error.code === 'validation_failed' && error.options.errors) {
    return new Open311Error(400, error.options.errors.map(describeFieldError));
  }
  const keep = [403, 404, 405, 409, 413, 429, 503];
  if (keep.includes(error.status)) {
    return new Open311Error(error.status as ContentfulStatusCode, error.message, headers);
  }
  // A server error is the app's to log and answer as a 500; anything else the client got wrong.
  return error.status >= 500 ? undefined : new Open311Error(400, error.message, headers);
}

/** The error list as the answer. */
export function errorAnswer(c: Context, format: Open311Format, error: Open311Error): Response {
  const list = error.descriptions.map((description) => ({ code: error.status, description }));
  return answer(c, format, 'errors', list, error.status, error.headers);
}

/**
 * Where in an Open311 request a kontakt field error points: `report.location.lat` is `lat`,
 * `report.answers.colour` is `attribute[colour]`, and so on.
 */
export function open311FieldName(field: string): string {
  const answer = /^report\.answers\.([^.]+)/.exec(field);
  if (answer) return `attribute[${answer[1]}]`;
  return FIELD_NAMES[field] ?? field.replace(/^report\./, '');
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  'origin.department': 'service_code',
  'report.category': 'service_code',
  'report.description': 'description',
  'report.location': 'lat',
  'report.location.lat': 'lat',
  'report.location.lon': 'long',
  'report.location.address': 'address_string',
  'report.contact': 'email',
  'report.contact.name': 'first_name',
  'report.contact.email': 'email',
  'report.contact.phone': 'phone',
  'report.photos': 'media_url',
};

/** Why a field was refused, in words a developer reads in a log: `lat: invalid_format`. */
const describeFieldError = (error: FieldError) => `${open311FieldName(error.field)}: ${error.code}`;

/**
 * Reads the `application/x-www-form-urlencoded` body of `POST requests` the way real Open311
 * clients send it: answers as `attribute[code]=v`, a multiple choice as `attribute[code][]=v`
 * or as the same `attribute[code]` repeated, coordinates as strings, `jurisdiction_id` there or
 * not. Nothing is validated here beyond the form's own syntax: the fields go on to the same
 * checks a fault report from the widget gets.
 */

/** The fields of an Open311 service request, as sent (strings, trimmed; empty ones left out). */
export interface Open311Form {
  api_key?: string;
  jurisdiction_id?: string;
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  /** Answers by attribute code: one value, or the list of a multiple choice. */
  attributes: Record<string, string | string[]>;
}

const FIELDS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const satisfies readonly Exclude<keyof Open311Form, 'attributes'>[];
type Field = (typeof FIELDS)[number];

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

/**
 * The form's fields. `params` come first to last (`URLSearchParams` keeps the order); a plain
 * field given twice counts once (the first). `fallback` holds the query string's parameters: a
 * few clients put `api_key` or `jurisdiction_id` in the URL of the POST, which the body's own
 * fields override.
 */
export function readOpen311Form(params: URLSearchParams, fallback?: URLSearchParams): Open311Form {
  const form: Open311Form = { attributes: {} };
  const fields = form as Partial<Record<Field, string>>;
  for (const source of [params, fallback]) {
    if (!source) continue;
    for (const [name, raw] of source) {
      const value = raw.trim();
      const attribute = ATTRIBUTE.exec(name);
      if (attribute) {
        if (source === fallback) continue;
        addAttribute(form.attributes, attribute[1] as string, value, attribute[2] !== undefined);
      } else if (isField(name) && value !== '' && fields[name] === undefined) {
        fields[name] = value;
      }
    }
  }
  return form;
}

function addAttribute(
  attributes: Record<string, string | string[]>,
  code: string,
  value: string,
  list: boolean,
): void {
  const before = attributes[code];
  if (before === undefined) {
    // An empty `attribute[code][]` still says "a list, nothing chosen"; an empty single one is no answer.
    if (list) attributes[code] = value === '' ? [] : [value];
    else if (value !== '') attributes[code] = value;
    return;
  }
  if (value === '') return;
  attributes[code] = [...(Array.isArray(before) ? before : [before]), value];
}

const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/** True for `multipart/form-data` (with its boundary). */
export function isMultipartContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'multipart/form-data';
}

/** True for `application/x-www-form-urlencoded`, with or without parameters. */
export function isFormContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded';
}

import type { Context } from 'hono';
import { findApiKey } from '../api-keys.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { submitFaultReport } from '../faults/submit.js';
import { readBody } from '../http/body.js';
import { readIdempotencyKey } from '../idempotency.js';
import { Open311Error } from './answer.js';
import type { Open311Form } from './form.js';
import { isFormContentType, isMultipartContentType, readOpen311Form } from './form.js';
import type { ServiceEntry } from './services.js';
import type { Open311Settings } from './settings.js';
import { checkJurisdictionId } from './settings.js';
import { statusNotes } from './status.js';

/** `POST requests`' answer: one created request. */
export type Open311Created = {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
};

export interface SubmitContext {
  settings: Open311Settings;
  services: ReadonlyMap<string, ServiceEntry>;
}

/**
 * `POST requests`: a form from a registered client becomes a fault report, checked by the same
 * rules as `POST /v1/faults` (`submitFaultReport`), stored as a case of channel `fault_report`
 * from the widget `open311`. Realtime: the answer is the case reference itself. A bad or missing
 * `api_key` is a 403 before anything else is looked at; an `Idempotency-Key` header is honoured
 * as on `/v1` (Open311 has none of its own, and a client retrying a lost answer files twice).
 */
export async function submitOpen311Request(
  c: Context<AppEnv>,
  ctx: AppContext,
  { settings, services }: SubmitContext,
): Promise<Open311Created[]> {
  const form = readOpen311Form(await readForm(c, ctx.bodyLimit), new URL(c.req.url).searchParams);
  const clientId =
    form.api_key === undefined ? undefined : findApiKey(settings.clients, form.api_key);
  if (clientId === undefined) {
    throw new Open311Error(403, 'api_key is missing or not valid.');
  }
  checkJurisdictionId(settings, form.jurisdiction_id);
  const entry = form.service_code === undefined ? undefined : services.get(form.service_code);
  if (!entry) {
    throw new Open311Error(
      400,
      form.service_code === undefined
        ? 'service_code: required'
        : `service_code: there is no service ${form.service_code}`,
    );
  }
  const mediaUrl = checkMediaUrl(form.media_url);
  const endpoint = new URL(c.req.url);
  endpoint.search = '';
  const filed = await submitFaultReport(ctx, faultSubmissionOf(form, entry), {
    idempotencyKey: readIdempotencyKey(c),
    origin: { widget: 'open311', pageUrl: endpoint.toString() },
  });
  const { reference } = filed.receipt;
  if (!filed.replayed) {
    await ctx.store.write('saveOpen311Request', {
      reference,
      clientId,
      accountId: form.account_id,
      deviceId: form.device_id,
      mediaUrl,
      createdAt: filed.receipt.submittedAt,
    });
    ctx.logger.info({ reference, open311Client: clientId }, 'open311 request filed');
  }
  return [
    {
      service_request_id: reference,
      service_notice: statusNotes('received'),
      account_id: form.account_id ?? null,
    },
  ];
}

/**
 * The body's fields. The spec's form is `application/x-www-form-urlencoded`; a few mobile clients
 * send `multipart/form-data` (to attach a photo), whose text fields are read the same way and
 * whose files are left out: photos reach kontakt through `POST /v1/photos`, and `media_url`
 * names one elsewhere. Not UTF-8, or not a form at all, is a 400.
 */
async function readForm(c: Context, limit: number): Promise<URLSearchParams> {
  const type = c.req.header('Content-Type');
  const multipart = isMultipartContentType(type);
  if (!isFormContentType(type) && !multipart) {
    throw new Open311Error(400, 'Send the request as application/x-www-form-urlencoded.');
  }
  const bytes = await readBody(c, limit);
  if (multipart) return multipartFields(bytes, type as string);
  try {
    return new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Open311Error(400, 'The body is not valid UTF-8.');
  }
}

async function multipartFields(bytes: Uint8Array, type: string): Promise<URLSearchParams> {
  let data: FormData;
  try {
    // readBody gives a fresh ArrayBuffer, never a shared one.
    data = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'Content-Type': type },
    }).formData();
  } catch {
    throw new Open311Error(400, 'The multipart body cannot be read.');
  }
  const fields = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string') fields.append(name, value);
  return fields;
}

/**
 * The `POST /v1/faults` body an Open311 form amounts to. Coordinates are numbers when they read
 * as numbers (clients send strings; anything else is a 400 naming the field). An `address_id` is
 * taken as the address when there is no `address_string`: kontakt keeps no address register to
 * look it up in, and staff can read an id as well as a client can. Without any contact detail
 * the report is anonymous. Open311's `description` is optional where kontakt's is not; without
 * one the service's name stands for it, as it is all the client said.
 */
function faultSubmissionOf(form: Open311Form, entry: ServiceEntry) {
  const hasPoint = form.lat !== undefined || form.long !== undefined;
  const address = form.address_string ?? form.address_id;
  if (!hasPoint && address === undefined) {
    throw new Open311Error(
      400,
      'A location is required: lat and long, address_string or address_id.',
    );
  }
  const name = [form.first_name, form.last_name].filter(Boolean).join(' ');
  const contact = {
    ...(name ? { name } : {}),
    ...(form.email === undefined ? {} : { email: form.email }),
    ...(form.phone === undefined ? {} : { phone: form.phone }),
  };
  const anonymous = Object.keys(contact).length === 0;
  return {
    origin: { department: entry.catalog.department },
    report: {
      category: entry.category.id,
      description: form.description ?? entry.category.name.sv,
      answers: form.attributes,
      location: {
        ...(form.lat === undefined ? {} : { lat: coordinate(form.lat, 'lat') }),
        ...(form.long === undefined ? {} : { lon: coordinate(form.long, 'long') }),
        ...(address === undefined ? {} : { address }),
      },
      anonymous,
      ...(anonymous ? {} : { contact }),
      answerLanguage: 'sv',
    },
  };
}

/** A coordinate sent as text; out of range is left to the report's own check. */
function coordinate(value: string, field: string): number {
  const number = Number(value);
  if (value === '' || !Number.isFinite(number)) {
    throw new Open311Error(400, `${field}: invalid_format (a WGS84 decimal degree, e.g. 55.605)`);
  }
  return number;
}

/** A `media_url` is kept only as an absolute http(s) URL: it is shown to every reader again. */
function checkMediaUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ok =
    value.length <= 2048 && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
  if (!ok) throw new Open311Error(400, 'media_url: invalid_url (an absolute http or https URL)');
  return value;
}

import * as z from 'zod/mini';
import type { ForwardedReport, UpstreamState } from './operations.js';
import type { ForwardSettings } from './settings.js';

/*
 * Talking to a department's Open311 GeoReport v2 endpoint, JSON only (every GeoReport v2 server
 * offers `.json`; XML would add nothing). Real servers differ: ids come as numbers or strings,
 * lists come bare or wrapped, errors come as the spec's list or as anything else; every answer
 * is read by schema, and one that cannot be read is an `UpstreamError` (retried), never a crash.
 */

/** A failed call; `permanent` when sending the same again cannot succeed (a 400 about the form). */
export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/** What `POST requests` answered: the id, or a token to ask for the id with later. */
export type Filed = { serviceRequestId: string } | { token: string };

const Id = z.pipe(
  z.union([z.string().check(z.minLength(1), z.maxLength(200)), z.number()]),
  z.transform((id) => String(id)),
);

const CreatedSchema = z.object({
  service_request_id: z.optional(z.nullable(z.union([Id, z.literal('')]))),
  token: z.optional(z.nullable(z.union([Id, z.literal('')]))),
});

const StatusSchema = z.pipe(
  z.string(),
  z.transform((status) => status.trim().toLowerCase()),
);

const RequestSchema = z.object({
  service_request_id: Id,
  status: StatusSchema,
  status_notes: z.optional(z.nullable(z.string())),
  extended_status: z.optional(z.nullable(z.string())),
});

/** `POST <url>/requests.json`, form-encoded; `idempotencyKey` so a retry after a lost answer files once. */
export async function fileRequest(
  settings: ForwardSettings,
  report: ForwardedReport,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<Filed> {
  const response = await call(`${settings.url}/requests.json`, signal, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Idempotency-Key': idempotencyKey,
    },
    body: requestForm(settings, report),
  });
  const created = CreatedSchema.safeParse(first(await readJson(response)));
  if (!created.success) throw new UpstreamError('the answer to POST requests is not readable');
  const { service_request_id: id, token } = created.data;
  if (id) return { serviceRequestId: id };
  if (token) return { token };
  throw new UpstreamError('the answer to POST requests has neither service_request_id nor token');
}

/** `GET <url>/tokens/<token>.json`: the id, or `undefined` while upstream has none yet. */
export async function requestIdOf(
  settings: ForwardSettings,
  token: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const url = new URL(`${settings.url}/tokens/${encodeURIComponent(token)}.json`);
  withJurisdiction(url.searchParams, settings);
  url.searchParams.set('api_key', settings.apiKey);
  const response = await call(url.toString(), signal, { method: 'GET' });
  const answer = CreatedSchema.safeParse(first(await readJson(response)));
  if (!answer.success) throw new UpstreamError('the answer to GET tokens is not readable');
  return answer.data.service_request_id || undefined;
}

/**
 * `GET <url>/requests.json?service_request_id=a,b,c`: what upstream says of each it knows.
 * Entries that cannot be read are left out (and counted in `unreadable`), not the whole answer.
 */
export async function requestStates(
  settings: ForwardSettings,
  ids: readonly string[],
  signal: AbortSignal,
): Promise<{ states: Map<string, UpstreamState>; unreadable: number }> {
  const url = new URL(`${settings.url}/requests.json`);
  url.searchParams.set('service_request_id', ids.join(','));
  withJurisdiction(url.searchParams, settings);
  const response = await call(url.toString(), signal, { method: 'GET' });
  const answer = await readJson(response);
  const list = listOf(answer);
  if (!list) throw new UpstreamError('the answer to GET requests is not a list');
  const states = new Map<string, UpstreamState>();
  let unreadable = 0;
  for (const item of list) {
    const parsed = RequestSchema.safeParse(item);
    if (!parsed.success || !['open', 'closed'].includes(parsed.data.status)) {
      unreadable++;
      continue;
    }
    const { service_request_id: id, status, status_notes, extended_status } = parsed.data;
    states.set(id, {
      status: status as UpstreamState['status'],
      notes: status_notes ?? null,
      ...(extended_status ? { extendedStatus: extended_status } : {}),
    });
  }
  return { states, unreadable };
}

/** The form of `POST requests`: contact details only when the citizen gave them, not anonymous. */
export function requestForm(settings: ForwardSettings, report: ForwardedReport): URLSearchParams {
  const form = new URLSearchParams();
  form.set('api_key', settings.apiKey);
  form.set('service_code', settings.serviceCode);
  withJurisdiction(form, settings);
  if (report.lat !== null && report.lon !== null) {
    form.set('lat', String(report.lat));
    form.set('long', String(report.lon));
  }
  if (report.address) form.set('address_string', report.address);
  for (const [code, answer] of Object.entries(report.answers)) {
    if (Array.isArray(answer)) {
      for (const value of answer) form.append(`attribute[${code}][]`, value);
    } else {
      form.set(`attribute[${code}]`, String(answer));
    }
  }
  form.set('description', report.description);
  if (!report.anonymous) {
    if (report.email) form.set('email', report.email);
    if (report.phone) form.set('phone', report.phone);
    const [firstName, ...rest] = (report.name ?? '').trim().split(/\s+/).filter(Boolean);
    if (firstName) form.set('first_name', firstName);
    if (rest.length > 0) form.set('last_name', rest.join(' '));
  }
  return form;
}

function withJurisdiction(params: URLSearchParams, settings: ForwardSettings): void {
  if (settings.jurisdictionId) params.set('jurisdiction_id', settings.jurisdictionId);
}

/** One call: network failures, timeouts and any answer but 2xx become an `UpstreamError`. */
async function call(url: string, signal: AbortSignal, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      signal,
      redirect: 'error',
      headers: { Accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    const reason =
      signal.aborted && signal.reason instanceof Error ? signal.reason : (error as Error);
    const timeout = reason?.name === 'TimeoutError';
    throw new UpstreamError(timeout ? 'no answer in time' : `cannot reach it (${causeOf(error)})`);
  }
  if (response.ok) return response;
  const description = await errorDescription(response);
  const status = response.status;
  // A 4xx says the request itself is wrong: the same one again cannot succeed. Refused keys
  // (401, 403) are settings, which can be fixed, and 408/429 ask to come back later.
  const permanent = status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);
  throw new UpstreamError(`HTTP ${status}${description ? `: ${description}` : ''}`, permanent);
}

const causeOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? 'unknown';
};

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpstreamError('the answer is not JSON');
  }
}

/** The spec's error list (`[{ code, description }]`), in one line, at most 300 characters. */
async function errorDescription(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let description = '';
  try {
    const item = first(JSON.parse(text) as unknown) as { description?: unknown } | undefined;
    if (typeof item?.description === 'string') description = item.description;
  } catch {
    // Not the spec's shape (an HTML error page): its status says enough.
  }
  return description.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** A list, bare (the spec) or wrapped in an object's only list (`{ service_requests: [...] }`). */
function listOf(answer: unknown): unknown[] | undefined {
  if (Array.isArray(answer)) return answer;
  if (typeof answer !== 'object' || answer === null) return undefined;
  const lists = Object.values(answer).filter(Array.isArray);
  return lists.length === 1 ? lists[0] : undefined;
}

const first = (answer: unknown): unknown =>
  Array.isArray(answer) ? answer[0] : (listOf(answer)?.[0] ?? answer);

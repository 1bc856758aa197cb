import type { CaseStatus } from '@kontakt/core/schemas';
import { Open311Error } from './answer.js';
import type { Open311RequestQuery } from './operations.js';
import type { ServiceEntry } from './services.js';
import type { Open311Status } from './status.js';
import { caseStatusesOf } from './status.js';

/** The spec's defaults and limits for `GET requests`. */
export const REQUESTS_MAX = 1000;
export const REQUESTS_SPAN_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * `GET requests`' filters as a store query. `service_request_id` (a comma list) overrides every
 * other filter, as the spec says. Without dates the last 90 days are listed; with one, the 90 days
 * after `start_date` or before `end_date`; more than 90 days apart is a 400. `service_code` and
 * `status` take comma lists too (some clients ask for several at once). A service code nobody
 * has matches nothing: it is a filter, not a lookup. `extensions=true` adds each request's `notes`.
 */
export function requestQueryOf(
  params: URLSearchParams,
  services: ReadonlyMap<string, ServiceEntry>,
  now: Date,
): Open311RequestQuery {
  const withNotes = params.get('extensions') === 'true';
  const ids = list(params.get('service_request_id'));
  if (ids) return { references: ids.slice(0, REQUESTS_MAX), limit: REQUESTS_MAX, withNotes };

  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + REQUESTS_SPAN_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - REQUESTS_SPAN_DAYS * DAY_MS);
  if (to.getTime() < from.getTime()) {
    throw new Open311Error(400, 'end_date is before start_date.');
  }
  if (to.getTime() - from.getTime() > REQUESTS_SPAN_DAYS * DAY_MS) {
    throw new Open311Error(
      400,
      `start_date and end_date may be at most ${REQUESTS_SPAN_DAYS} days apart.`,
    );
  }
  const codes = list(params.get('service_code'));
  const statuses = list(params.get('status'));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    limit: REQUESTS_MAX,
    withNotes,
    ...(codes && {
      services: codes.flatMap((code) => {
        const entry = services.get(code);
        return entry ? [{ department: entry.catalog.department, category: entry.category.id }] : [];
      }),
    }),
    ...(statuses && { statuses: caseStatusesFor(statuses) }),
  };
}

/** A comma list's entries, or `undefined` when the parameter is absent or empty. */
function list(value: string | null): string[] | undefined {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length > 0 ? entries : undefined;
}

/**
 * A date parameter: ISO 8601 with a time (`2026-12-01T00:00:00Z`, an offset, or none, read as
 * UTC) or a bare date (its midnight in UTC). Anything else is a 400 naming the parameter.
 */
function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const value = params.get(name)?.trim();
  if (!value) return undefined;
  const iso =
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
  if (iso.test(value)) {
    const withZone =
      /T|\s/.test(value) && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? `${value}Z` : value;
    const date = new Date(withZone.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new Open311Error(400, `${name} must be an ISO 8601 date-time, e.g. 2026-12-01T00:00:00Z.`);
}

function caseStatusesFor(values: string[]): CaseStatus[] {
  const statuses: CaseStatus[] = [];
  for (const value of values) {
    const status = value.toLowerCase();
    if (status !== 'open' && status !== 'closed') {
      throw new Open311Error(400, 'status must be open, closed or open,closed.');
    }
    statuses.push(...caseStatusesOf(status as Open311Status));
  }
  return statuses;
}

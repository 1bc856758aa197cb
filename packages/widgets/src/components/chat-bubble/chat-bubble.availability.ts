/*
 * The chat's availability as the launcher's first frame needs it (open or closed, until when, the
 * next opening), fetched with the browser's own `fetch` and read by hand: no ky, no zod, no
 * client in the launcher. The whole answer is kept for the panel, which checks it with the
 * contract's schema when it loads.
 */
import { availabilityUrl } from './chat-bubble.url.js';

/** What the launcher reads of `GET /v1/chat/availability`. */
export interface LauncherAvailability {
  readonly open: boolean;
  /** ISO instants, when the server said. */
  readonly closesAt: string | undefined;
  readonly opensAt: string | undefined;
  readonly timeZone: string;
  /** The answer as it came, for the panel to check (`ChatAvailabilitySchema`). */
  readonly body: unknown;
}

/** A zone this browser knows, else the contract's default. */
function zone(value: unknown): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value as string });
    return value as string;
  } catch {
    return 'Europe/Stockholm';
  }
}

/** A date-time as sent (a malformed one shows as a time nobody can read, never breaks the page). */
const instant = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * `GET /v1/chat/availability?department=`: a plain CORS GET (no preflight) that the HTTP cache
 * answers for a few seconds (the server's short `Cache-Control`), so several bubbles and the pages
 * of one visit share it. Rejects when the server cannot be reached or answers with an error or
 * nonsense.
 */
export async function fetchAvailability(
  endpoint: string,
  department: string,
  signal: AbortSignal,
): Promise<LauncherAvailability> {
  const url = availabilityUrl(endpoint, department);
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
  });
  const body = (await response.json()) as Record<string, unknown> | null;
  if (!response.ok || typeof body?.open !== 'boolean') throw new Error(`${response.status}`);
  return {
    open: body.open,
    closesAt: instant(body.closesAt),
    opensAt: instant(body.opensAt),
    timeZone: zone(body.timeZone),
    body,
  };
}

/** How long to wait before reconnecting. */
export interface ReconnectOptions {
  /**
   * Milliseconds before the first reconnection, until the server sends `retry:` (which then
   * takes its place). Default `1_000`.
   */
  initial?: number | undefined;
  /** Upper bound of one wait in milliseconds, whatever the server asks for. Default `30_000`. */
  max?: number | undefined;
}

/** The smallest wait to double from after a failed reconnection. */
const MIN_BACKOFF = 250;

export const DEFAULT_RECONNECT = { initial: 1_000, max: 30_000 } as const;

/**
 * The wait before reconnection number `attempt` (from 1; back to 1 after a good connection):
 * `base` doubled per failed attempt, capped at `max`, then half to full of that at random, so
 * clients that lost one server together (a restart) do not all come back at the same instant.
 */
export function reconnectDelay(attempt: number, base: number, max: number): number {
  // A server may ask for `retry: 0`; once reconnecting fails, back off from a floor all the same.
  const start = attempt === 1 ? base : Math.max(base, MIN_BACKOFF);
  const delay = Math.min(max, start * 2 ** Math.min(attempt - 1, 30));
  return delay * (0.5 + Math.random() / 2);
}

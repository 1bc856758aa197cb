import type { StatusPeriod } from '@kontakt/core/agent';
import type { StaffStatus } from '@kontakt/core/schemas';

/** All the time a case spent in one status: its periods added up. */
export interface StatusTime {
  status: StaffStatus;
  ms: number;
  /** How many times the case entered that status. */
  periods: number;
  /** When the case entered it, if it is the status the case is in now. */
  currentSince: string | undefined;
}

/**
 * A case's status history (`AgentCase.statusHistory`) as the time in each status, in the order
 * the case first entered them. The open period counts until `now`; a clock that is behind the
 * server's counts it as none rather than less than none.
 */
export function statusTimes(history: readonly StatusPeriod[], now: number): StatusTime[] {
  const times = new Map<StaffStatus, StatusTime>();
  for (const period of history) {
    const until = period.until === null ? now : Date.parse(period.until);
    const spent = Math.max(0, until - Date.parse(period.from));
    const time = times.get(period.status);
    if (time) {
      time.ms += spent;
      time.periods += 1;
    } else {
      times.set(period.status, {
        status: period.status,
        ms: spent,
        periods: 1,
        currentSince: undefined,
      });
    }
  }
  const current = history.at(-1);
  const time = current?.until === null ? times.get(current.status) : undefined;
  if (time && current) time.currentSince = current.from;
  return [...times.values()];
}

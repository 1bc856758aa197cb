import type { Notice } from '@kontakt/core';
import { NOTICE_SEVERITIES } from '@kontakt/core';

/** How serious a severity is: info, warning, danger (the order they are listed in). */
const rank = (notice: Notice) => NOTICE_SEVERITIES.indexOf(notice.severity);

/**
 * A timer is never set further ahead than this (a day), far below the 2^31 ms at which
 * `setTimeout` fires at once; a notice that starts in a month is looked at again daily.
 */
export const MAX_TIMER_MS = 86_400_000;

/** True when `notice` is for the pages of `department`. */
export function isForDepartment(notice: Notice, department: string): boolean {
  return notice.departments === 'all' || notice.departments.includes(department);
}

/** True from the notice's start until its end (`endsAt: null`: until it is withdrawn). */
export function isActive(notice: Notice, now: number): boolean {
  return (
    Date.parse(notice.startsAt) <= now &&
    (notice.endsAt === null || now < Date.parse(notice.endsAt))
  );
}

/** Most serious first; among equals, the one that started last first (then by id, stably). */
export function compareNotices(a: Notice, b: Notice): number {
  return (
    rank(b) - rank(a) || Date.parse(b.startsAt) - Date.parse(a.startsAt) || a.id.localeCompare(b.id)
  );
}

/** The notices a page of `department` shows at `now`, in the order they are shown. */
export function activeNotices(
  notices: readonly Notice[],
  department: string,
  now: number,
): Notice[] {
  return notices
    .filter((notice) => isForDepartment(notice, department) && isActive(notice, now))
    .sort(compareNotices);
}

/**
 * Milliseconds from `now` until the next notice of `department` starts or ends (at most
 * `MAX_TIMER_MS`), or `undefined` when none will.
 */
export function untilNextChange(
  notices: readonly Notice[],
  department: string,
  now: number,
): number | undefined {
  let next = Infinity;
  for (const notice of notices) {
    if (!isForDepartment(notice, department)) continue;
    for (const time of [notice.startsAt, notice.endsAt]) {
      // No end (`null`): NaN, which is never later.
      const at = Date.parse(time as string);
      if (at > now && at < next) next = at;
    }
  }
  return next === Infinity ? undefined : Math.min(next - now, MAX_TIMER_MS);
}

/** Tells one version of a notice from another: a notice changed later is a new one to show. */
export const versionOf = (notice: Notice): string => `${notice.id}@${notice.updatedAt}`;

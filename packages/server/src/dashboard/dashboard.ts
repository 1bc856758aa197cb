import type {
  ClosingReason,
  Dashboard,
  DashboardBreakdown,
  DashboardFirstAnswer,
  DashboardShare,
  DashboardStatusTime,
} from '@kontakt/core/agent';
import {
  CHAT_DIRECT_ANSWER_MINUTES,
  DASHBOARD_TOP_PAGES,
  EMAIL_ANSWER_WORKING_DAYS,
} from '@kontakt/core/agent';
import { addWorkingDays } from '@kontakt/core/calendar';
import type { CaseChannel, Department, StaffStatus } from '@kontakt/core/schemas';
import { CASE_CHANNELS, FINISHED_STAFF_STATUSES, STAFF_STATUSES } from '@kontakt/core/schemas';
import type { StoredStatusChange } from '../agent-cases/status-history.js';
import { statusHistory } from '../agent-cases/status-history.js';
import { expectedAnswerBy } from '../answer-by.js';
import type { AnswerRow, CountRow, DashboardData, StatusChangeRow } from './queries.js';

/**
 * Makes the dashboard out of what the store counted (`selectDashboardData`): breakdowns sorted
 * largest first, pages without their query string (it may hold personal data, and it splits one
 * page into many), and the KKiK shares, for which working days need each department's calendar.
 */
export function buildDashboard(
  data: DashboardData,
  period: { from: Date; to: Date; now: Date },
  departments: ReadonlyMap<string, Department>,
): Dashboard {
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    generatedAt: period.now.toISOString(),
    contacts: data.totals.contacts,
    avoidable: data.totals.avoidable,
    tagged: data.totals.tagged,
    byDepartment: breakdown(data.byDepartment),
    byPage: breakdown(mergeBy(data.byPage, pageOf), DASHBOARD_TOP_PAGES),
    byTopic: breakdown(data.byTopic),
    byChannel: breakdown(data.byChannel),
    byReason: breakdown(data.byReason),
    avoidableByPage: breakdown(mergeBy(data.avoidableByPage, pageOf), DASHBOARD_TOP_PAGES),
    emailAnsweredInTime: emailShare(data.answers, period.now, departments),
    chatsAnsweredDirectly: chatShare(data.answers, period.now),
    firstAnswer: firstAnswers(data.answers),
    overdue: breakdown(data.overdue),
    byClosingReason: breakdown(data.byClosingReason),
    resolvedByContactCenter: firstContactResolution(data.byClosingReason),
    timeInStatus: timeInStatus(data.statusChanges, period.now),
    byClassification: breakdown(data.byClassification),
  };
}

/** Largest first (then by key, so equal counts keep one order); `top` cuts the list. */
function breakdown(rows: readonly CountRow[], top = Number.POSITIVE_INFINITY): DashboardBreakdown {
  const sorted = [...rows].sort((a, b) => b.contacts - a.contacts || a.key.localeCompare(b.key));
  const kept = sorted.slice(0, top);
  const left = sorted.slice(kept.length).reduce((sum, row) => sum + row.contacts, 0);
  return { rows: kept, otherContacts: left };
}

function mergeBy(rows: readonly CountRow[], keyOf: (key: string) => string): CountRow[] {
  const merged = new Map<string, CountRow>();
  for (const row of rows) {
    const key = keyOf(row.key);
    const known = merged.get(key);
    if (known) {
      known.contacts += row.contacts;
      known.avoidable += row.avoidable;
    } else merged.set(key, { ...row, key });
  }
  return [...merged.values()];
}

/** A page as the dashboard names it: origin and path, no query string or fragment. */
export function pageOf(url: string): string {
  if (!URL.canParse(url)) return url;
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`;
}

/**
 * First-contact resolution: of the cases finished in the period with a closing reason, those the
 * contact center resolved itself. Cases finished without one are left out rather than counted as
 * not kept: nobody said how they were resolved.
 */
function firstContactResolution(rows: readonly CountRow[]): DashboardShare {
  const counted = rows.reduce((sum, row) => (row.key === '' ? sum : sum + row.contacts), 0);
  const kept = rows.find((row) => row.key === FIRST_CONTACT_RESOLUTION)?.contacts ?? 0;
  return { kept, counted, share: counted === 0 ? null : kept / counted, pending: 0 };
}

const FIRST_CONTACT_RESOLUTION: ClosingReason = 'resolved_by_contact_center';

/**
 * KKiK: of the e-mail questions (the citizen asked to be answered by e-mail) that arrived in the
 * period, how many were answered within two working days of the department's calendar. One not
 * answered yet counts once its time is up; until then it is pending.
 */
function emailShare(
  rows: readonly AnswerRow[],
  now: Date,
  departments: ReadonlyMap<string, Department>,
): DashboardShare {
  return share(
    rows.filter((row) => row.answerChannel === 'email' || row.channel === 'email'),
    (row) => kkikDeadline(departments, row.department, new Date(row.createdAt)),
    now,
  );
}

/** Chats an agent answered within `CHAT_DIRECT_ANSWER_MINUTES` of their start. */
function chatShare(rows: readonly AnswerRow[], now: Date): DashboardShare {
  return share(
    rows.filter((row) => row.channel === 'chat'),
    (row) => new Date(Date.parse(row.createdAt) + CHAT_DIRECT_ANSWER_MINUTES * 60_000),
    now,
  );
}

function share(
  rows: readonly AnswerRow[],
  deadlineOf: (row: AnswerRow) => Date,
  now: Date,
): DashboardShare {
  let kept = 0;
  let counted = 0;
  let pending = 0;
  for (const row of rows) {
    const deadline = deadlineOf(row).getTime();
    if (row.firstAnsweredAt !== null) {
      counted++;
      if (Date.parse(row.firstAnsweredAt) <= deadline) kept++;
    } else if (now.getTime() > deadline) counted++;
    else pending++;
  }
  return { kept, counted, share: counted === 0 ? null : kept / counted, pending };
}

/**
 * The KKiK deadline of a question to department `id` sent at `sent`: the end of the second working
 * day after it, on the department's calendar (a department no longer configured: the default one).
 */
function kkikDeadline(departments: ReadonlyMap<string, Department>, id: string, sent: Date): Date {
  const department = departments.get(id);
  return department
    ? expectedAnswerBy(department, sent, EMAIL_ANSWER_WORKING_DAYS)
    : addWorkingDays(sent, EMAIL_ANSWER_WORKING_DAYS);
}

/** Per channel that had contacts: how many got a first answer, and how long it took. */
function firstAnswers(rows: readonly AnswerRow[]): DashboardFirstAnswer[] {
  const byChannel = new Map<string, { minutes: number[]; unanswered: number }>();
  for (const row of rows) {
    const entry = byChannel.get(row.channel) ?? { minutes: [], unanswered: 0 };
    byChannel.set(row.channel, entry);
    if (row.firstAnsweredAt === null) entry.unanswered++;
    else entry.minutes.push((Date.parse(row.firstAnsweredAt) - Date.parse(row.createdAt)) / 60_000);
  }
  return CASE_CHANNELS.filter((channel) => byChannel.has(channel)).map((channel: CaseChannel) => {
    const { minutes, unanswered } = byChannel.get(channel) as {
      minutes: number[];
      unanswered: number;
    };
    minutes.sort((a, b) => a - b);
    return {
      channel,
      answered: minutes.length,
      unanswered,
      medianMinutes: percentile(minutes, 0.5),
      p90Minutes: percentile(minutes, 0.9),
    };
  });
}

/** The statuses a case waits in before it is finished: the ones its time is measured in. */
const UNFINISHED_STATUSES = STAFF_STATUSES.filter(
  (status) => !(FINISHED_STAFF_STATUSES as readonly StaffStatus[]).includes(status),
);

/**
 * Per unfinished status: of the finished cases, how many were ever in it, and the median and
 * 90th percentile of each one's total time in it. A case whose history starts after its arrival
 * (from an unknown status: recorded only from the migration on) would be measured short, and is
 * left out.
 */
function timeInStatus(rows: readonly StatusChangeRow[], now: Date): DashboardStatusTime[] {
  const minutes = new Map<StaffStatus, number[]>(UNFINISHED_STATUSES.map((status) => [status, []]));
  for (const { createdAt, staffStatus, changes } of byCase(rows)) {
    if (changes[0]?.from === null) continue;
    const totals = new Map<StaffStatus, number>();
    for (const period of statusHistory(createdAt, staffStatus, changes)) {
      const until = period.until === null ? now.getTime() : Date.parse(period.until);
      const spent = until - Date.parse(period.from);
      totals.set(period.status, (totals.get(period.status) ?? 0) + spent);
    }
    for (const [status, ms] of totals) minutes.get(status)?.push(ms / 60_000);
  }
  return UNFINISHED_STATUSES.map((status) => {
    const sorted = (minutes.get(status) as number[]).sort((a, b) => a - b);
    return {
      status,
      cases: sorted.length,
      medianMinutes: percentile(sorted, 0.5),
      p90Minutes: percentile(sorted, 0.9),
    };
  });
}

interface CaseChanges {
  createdAt: string;
  staffStatus: StaffStatus;
  changes: StoredStatusChange[];
}

/** The rows (one per change, oldest first within a case) gathered by case. */
function byCase(rows: readonly StatusChangeRow[]): Iterable<CaseChanges> {
  const cases = new Map<string, CaseChanges>();
  for (const row of rows) {
    let known = cases.get(row.reference);
    if (!known) {
      known = {
        createdAt: row.createdAt,
        staffStatus: row.staffStatus as StaffStatus,
        changes: [],
      };
      cases.set(row.reference, known);
    }
    if (row.at !== null && row.to !== null) {
      known.changes.push({ at: row.at, from: row.from, to: row.to });
    }
  }
  return cases.values();
}

/** The nearest-rank percentile of sorted values, to a tenth of a minute; `null` of none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return Math.round((sorted[rank - 1] as number) * 10) / 10;
}

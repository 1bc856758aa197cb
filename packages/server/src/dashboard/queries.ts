import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { CLOSING_STATUSES } from '../agent-cases/closing.js';
import { overdue as overdueNow } from '../agent-cases/inbox.js';
import { onPostgres } from '../store/dialect.js';
import type { Database } from '../store/schema.js';

/*
 * The dashboard's reads. Counting is done by the database (`group by` over the period, which the
 * inbox's `(created_at, reference)` index serves as a range, and `(staff_status, finished_at)` for
 * the cases finished in it); only what SQL cannot say the same way on both stores — medians and
 * working days — is computed from a narrow row per case, in `dashboard.ts`.
 */

/** A count of contacts by one key, as the database grouped them. */
export interface CountRow {
  key: string;
  contacts: number;
  avoidable: number;
}

/** What the dashboard needs to know of one case to time its first answer. */
export interface AnswerRow {
  channel: string;
  department: string;
  createdAt: string;
  firstAnsweredAt: string | null;
  /**
   * The answer channel the citizen asked for (`email`, `phone`, `visit`, `letter`), when it was a
   * message; only `email` counts towards the e-mail answer share (KKiK).
   */
  answerChannel: string | null;
}

/** Everything the dashboard is made from, for one period (plain data: it crosses to the worker). */
export interface DashboardData {
  totals: { contacts: number; avoidable: number; tagged: number };
  byDepartment: CountRow[];
  byPage: CountRow[];
  byTopic: CountRow[];
  byChannel: CountRow[];
  byReason: CountRow[];
  /** By the path staff classified the case at (`a/b`; `""`: not classified). */
  byClassification: CountRow[];
  avoidableByPage: CountRow[];
  answers: AnswerRow[];
  overdue: CountRow[];
  /**
   * Cases resolved or closed in the period and still so, by closing reason (`""`: none given).
   */
  byClosingReason: CountRow[];
  /**
   * The cases counted in `byClosingReason`, each with its recorded status changes: one row per
   * change, oldest first within a case (one row with `at: null` for a case that never changed).
   */
  statusChanges: StatusChangeRow[];
}

/** A finished case and one of its status changes, for the time it spent in each status. */
export interface StatusChangeRow {
  reference: string;
  createdAt: string;
  staffStatus: string;
  /** The change; all three `null` for a case without any. */
  at: string | null;
  from: string | null;
  to: string | null;
}

/** The period `[from, to)` and the moment "overdue" is judged at, as ISO strings in UTC. */
export interface DashboardPeriod {
  from: string;
  to: string;
  now: string;
}

const DIMENSIONS = {
  byDepartment: 'department',
  byPage: 'page_url',
  byTopic: 'topic',
  byChannel: 'channel',
  byReason: 'reason',
  byClassification: 'classification',
} as const;

export async function selectDashboardData(
  db: Kysely<Database>,
  period: DashboardPeriod,
): Promise<DashboardData> {
  const inPeriod = db
    .selectFrom('cases')
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to);
  const avoidableSum = sql<number>`sum(case when reason_avoidable = 1 then 1 else 0 end)`;

  const countBy = async (column: (typeof DIMENSIONS)[keyof typeof DIMENSIONS]) =>
    toCountRows(
      await inPeriod
        .select([
          sql<string | null>`${sql.ref(column)}`.as('key'),
          sql<number>`count(*)`.as('contacts'),
          avoidableSum.as('avoidable'),
        ])
        .groupBy(column)
        .execute(),
    );

  const totals = await inPeriod
    .select([
      sql<number>`count(*)`.as('contacts'),
      avoidableSum.as('avoidable'),
      sql<number>`sum(case when reason is not null then 1 else 0 end)`.as('tagged'),
    ])
    .executeTakeFirstOrThrow();

  const causedBy = sql<string>`coalesce(nullif(reason_page, ''), page_url)`;
  const avoidableByPage = toCountRows(
    await inPeriod
      .where('reason_avoidable', '=', 1)
      .select([
        causedBy.as('key'),
        sql<number>`count(*)`.as('contacts'),
        sql<number>`count(*)`.as('avoidable'),
      ])
      .groupBy(causedBy)
      .execute(),
  );

  const answerChannel = onPostgres(db)
    ? sql<string | null>`(message::jsonb ->> 'answerChannel')`
    : sql<string | null>`json_extract(message, '$.answerChannel')`;
  const answers = (
    await inPeriod
      .select([
        'channel',
        'department',
        'created_at',
        'first_answered_at',
        answerChannel.as('answer_channel'),
      ])
      .execute()
  ).map((row) => ({
    channel: row.channel,
    department: row.department,
    createdAt: row.created_at,
    firstAnsweredAt: row.first_answered_at,
    answerChannel: row.answer_channel,
  }));

  // Overdue now, whenever the case arrived, by the inbox's rule (unanswered, past the promise,
  // neither finished nor waiting for the citizen).
  const overdue = toCountRows(
    await db
      .selectFrom('cases')
      .where((eb) => overdueNow(eb, period.now))
      .select([
        sql<string>`department`.as('key'),
        sql<number>`count(*)`.as('contacts'),
        sql<number>`sum(case when reason_avoidable = 1 then 1 else 0 end)`.as('avoidable'),
      ])
      .groupBy('department')
      .execute(),
  );

  // Finished in the period (by the last time, and still finished), through `cases_finished_at`.
  const byClosingReason = toCountRows(
    await db
      .selectFrom('cases')
      .where('staff_status', 'in', [...CLOSING_STATUSES])
      .where('finished_at', '>=', period.from)
      .where('finished_at', '<', period.to)
      .select([
        sql<string | null>`closing_reason`.as('key'),
        sql<number>`count(*)`.as('contacts'),
        avoidableSum.as('avoidable'),
      ])
      .groupBy('closing_reason')
      .execute(),
  );

  const statusChanges = (await finishedCasesStatusChanges(db, period).execute()).map((row) => ({
    reference: row.reference,
    createdAt: row.created_at,
    staffStatus: row.staff_status,
    at: row.at,
    from: row.from_status,
    to: row.to_status,
  }));

  return {
    totals: {
      contacts: Number(totals.contacts ?? 0),
      avoidable: Number(totals.avoidable ?? 0),
      tagged: Number(totals.tagged ?? 0),
    },
    byDepartment: await countBy(DIMENSIONS.byDepartment),
    byPage: await countBy(DIMENSIONS.byPage),
    byTopic: await countBy(DIMENSIONS.byTopic),
    byChannel: await countBy(DIMENSIONS.byChannel),
    byReason: await countBy(DIMENSIONS.byReason),
    byClassification: await countBy(DIMENSIONS.byClassification),
    avoidableByPage,
    answers,
    overdue,
    byClosingReason,
    statusChanges,
  };
}

/**
 * The cases `byClosingReason` counts (through `cases_finished_at`), each joined to its status
 * changes by their primary key, oldest first.
 */
export function finishedCasesStatusChanges(
  db: Kysely<Database>,
  period: Pick<DashboardPeriod, 'from' | 'to'>,
) {
  return db
    .selectFrom('cases')
    .leftJoin('case_status_changes', 'case_status_changes.case_reference', 'cases.reference')
    .where('cases.staff_status', 'in', [...CLOSING_STATUSES])
    .where('cases.finished_at', '>=', period.from)
    .where('cases.finished_at', '<', period.to)
    .select([
      'cases.reference',
      'cases.created_at',
      'cases.staff_status',
      'case_status_changes.at',
      'case_status_changes.from_status',
      'case_status_changes.to_status',
    ])
    .orderBy('cases.reference')
    .orderBy('case_status_changes.seq');
}

/** PostgreSQL returns `count(*)` as a string (bigint) and `sum` of nothing as null. */
function toCountRows(
  rows: readonly {
    key: string | null;
    contacts: number | string;
    avoidable: number | string | null;
  }[],
): CountRow[] {
  return rows.map((row) => ({
    key: row.key ?? '',
    contacts: Number(row.contacts),
    avoidable: Number(row.avoidable ?? 0),
  }));
}

/** The dashboard's store operations (see `store/operations.ts`). */
export const dashboardReads = {
  dashboardData: selectDashboardData,
};

/*
 * The contact center's dashboard: where contacts come from, where avoidable demand (*onödig
 * efterfrågan*) comes from, and how well the center keeps its promises — the KKiK measures (a
 * simple e-mail question answered within two working days; a chat answered directly). Shared by
 * the server, which computes it, and the console, which shows it.
 */
import * as z from 'zod/mini';
import { CaseChannelSchema } from '../schemas/case.js';
import { DateTimeSchema } from '../schemas/common.js';
import { StaffStatusSchema } from '../schemas/staff-status.js';

/** KKiK: a simple e-mail question is answered within this many working days. */
export const EMAIL_ANSWER_WORKING_DAYS = 2;
/**
 * A chat counts as answered directly when an agent's first answer came within this many minutes
 * of its start: while the citizen was still in the chat, not as a later reply to a left message.
 */
export const CHAT_DIRECT_ANSWER_MINUTES = 10;
/** The longest period one dashboard covers (a year and a day, for a leap year's comparisons). */
export const DASHBOARD_MAX_DAYS = 367;
/** Rows per breakdown that list pages (the rest are summed up as `otherContacts`). */
export const DASHBOARD_TOP_PAGES = 20;

/** A bound of the period: a date-time with its offset; left out, it is `required`. */
const PeriodBoundSchema = z.iso.datetime({
  offset: true,
  error: (issue) => (issue.input === undefined ? 'required' : 'invalid_format'),
});

/** `GET /v1/agent/dashboard`: the period, `to` exclusive. */
export const DashboardQuerySchema = z
  .object({ from: PeriodBoundSchema, to: PeriodBoundSchema })
  .check(
    z.refine((query) => Date.parse(query.to) > Date.parse(query.from), {
      error: 'end_before_start',
      path: ['to'],
    }),
    z.refine(
      (query) => Date.parse(query.to) - Date.parse(query.from) <= DASHBOARD_MAX_DAYS * 864e5,
      {
        error: 'too_long',
        path: ['to'],
      },
    ),
  );
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** Contacts of one kind (a department, a page, a topic…) in the period. */
export const DashboardCountSchema = z.object({
  /** The department or topic id, the page URL, the channel or reason id (`""` when none was given). */
  key: z.string(),
  contacts: z.number(),
  /** Of them, tagged with a reason that marks avoidable demand. */
  avoidable: z.number(),
});
export type DashboardCount = z.infer<typeof DashboardCountSchema>;

/** A breakdown, largest first: the rows, and what the rows left out add up to. */
export const DashboardBreakdownSchema = z.object({
  rows: z.array(DashboardCountSchema),
  /** Contacts not in `rows` (only page breakdowns are cut to `DASHBOARD_TOP_PAGES`). */
  otherContacts: z.number(),
});
export type DashboardBreakdown = z.infer<typeof DashboardBreakdownSchema>;

/** A promise kept or not: how many counted, how many kept it, and the share (`null` of none). */
export const DashboardShareSchema = z.object({
  kept: z.number(),
  counted: z.number(),
  share: z.nullable(z.number()),
  /** Not counted yet: still unanswered, and not late yet. */
  pending: z.number(),
});
export type DashboardShare = z.infer<typeof DashboardShareSchema>;

/** Time to the first answer on one channel, in minutes of wall-clock time. */
export const DashboardFirstAnswerSchema = z.object({
  channel: CaseChannelSchema,
  answered: z.number(),
  unanswered: z.number(),
  medianMinutes: z.nullable(z.number()),
  p90Minutes: z.nullable(z.number()),
});
export type DashboardFirstAnswer = z.infer<typeof DashboardFirstAnswerSchema>;

/**
 * How long the cases finished in the period spent in one unfinished staff status: of those
 * cases, how many were ever in it, and the median and 90th percentile of each one's time in it
 * (all its periods added up), in minutes of wall-clock time.
 *
 * @since 0.6.0
 */
export const DashboardStatusTimeSchema = z.object({
  status: StaffStatusSchema,
  cases: z.number(),
  medianMinutes: z.nullable(z.number()),
  p90Minutes: z.nullable(z.number()),
});
export type DashboardStatusTime = z.infer<typeof DashboardStatusTimeSchema>;

/** `GET /v1/agent/dashboard`. */
export const DashboardSchema = z.object({
  from: DateTimeSchema,
  to: DateTimeSchema,
  generatedAt: DateTimeSchema,
  /** Contacts that arrived in the period, and how many of them were avoidable demand. */
  contacts: z.number(),
  avoidable: z.number(),
  /** Contacts with a reason tagged (avoidable demand is known only for those). */
  tagged: z.number(),
  byDepartment: DashboardBreakdownSchema,
  byPage: DashboardBreakdownSchema,
  byTopic: DashboardBreakdownSchema,
  byChannel: DashboardBreakdownSchema,
  byReason: DashboardBreakdownSchema,
  /** The pages people most often could not understand: avoidable demand by the page that caused it. */
  avoidableByPage: DashboardBreakdownSchema,
  /** E-mail questions (the citizen asked for an answer by e-mail) answered within two working days. */
  emailAnsweredInTime: DashboardShareSchema,
  /** Chats an agent answered directly (`CHAT_DIRECT_ANSWER_MINUTES`). */
  chatsAnsweredDirectly: DashboardShareSchema,
  firstAnswer: z.array(DashboardFirstAnswerSchema),
  /**
   * Cases overdue now, whenever they arrived, by the inbox's rule (`AgentCaseSummary.overdue`:
   * unanswered, past the promise, neither finished nor waiting for the citizen).
   */
  overdue: DashboardBreakdownSchema,
  /**
   * Cases resolved or closed in the period (by their last such status change), by how they were
   * resolved (`key`: a `ClosingReason`, `""` when none was given; `avoidable` as elsewhere).
   * A server without it sends none.
   *
   * @since 0.6.0
   */
  byClosingReason: z._default(DashboardBreakdownSchema, { rows: [], otherContacts: 0 }),
  /**
   * First-contact resolution: of the cases finished in the period with a closing reason, those
   * the contact center resolved itself (`resolved_by_contact_center`). `pending` is 0.
   *
   * @since 0.6.0
   */
  resolvedByContactCenter: z._default(DashboardShareSchema, {
    kept: 0,
    counted: 0,
    share: null,
    pending: 0,
  }),
  /**
   * Where the cases finished in the period (as `byClosingReason` counts them) spent their time:
   * one row per unfinished staff status, in `STAFF_STATUSES` order, from their recorded status
   * history (cases from before the server recorded it are left out). A server without it sends
   * none.
   *
   * @since 0.6.0
   */
  timeInStatus: z._default(z.array(DashboardStatusTimeSchema), []),
  /**
   * Contacts that arrived in the period by how staff classified them (`key`: the path, the
   * labels' ids joined by `/`; `""` when not classified). A server without it sends none.
   *
   * @since 0.6.0
   */
  byClassification: z._default(DashboardBreakdownSchema, { rows: [], otherContacts: 0 }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/** The tables the CSV export offers (`GET /v1/agent/dashboard/export.csv?table=`). */
export const DASHBOARD_TABLES = [
  'departments',
  'pages',
  'topics',
  'channels',
  'reasons',
  'avoidable-pages',
  'first-answer',
  'overdue',
  'closing-reasons',
  'status-times',
  'classifications',
] as const;
export const DashboardTableSchema = z.enum(DASHBOARD_TABLES, { error: 'invalid_option' });
export type DashboardTable = z.infer<typeof DashboardTableSchema>;

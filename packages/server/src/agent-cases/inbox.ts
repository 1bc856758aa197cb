import type {
  AgentCase,
  AgentCaseSummary,
  AgentTimelineEntry,
  CasePlace,
  CasePriority,
  ClosingReason,
  InboxOrder,
} from '@kontakt/core/agent';
import { isPaused } from '@kontakt/core/agent';
import type { AnswerChannel, CaseChannel, Need, StaffStatus } from '@kontakt/core/schemas';
import { FINISHED_STAFF_STATUSES } from '@kontakt/core/schemas';
import type { ExpressionBuilder, Kysely, Selectable, SelectQueryBuilder, SqlBool } from 'kysely';
import { SqliteAdapter, sql } from 'kysely';
import type { Cursor } from '../sse/feed.js';
import { headCursor } from '../store/events.js';
import type { Database } from '../store/schema.js';
import { searchPatterns } from './case-fields.js';
import { splitPath } from './classification.js';
import { isClosingStatus } from './closing.js';
import { MIN_INDEXED_WORD_LENGTH } from './search-index.js';
import { selectStatusChanges, statusHistory } from './status-history.js';

/*
 * The inbox's queries, for both stores. Newest first (or oldest first: the same indexes read the
 * other way), paged by the key (created_at, reference) rather than OFFSET: a deep page costs what
 * the first does, and a case arriving meanwhile does not shift the pages. Every filter has an
 * index in that order (see `tables.ts`).
 */

/** Whose cases a person may see: every case (agents, admins) or those forwarded to departments. */
export interface CaseScope {
  readonly all: boolean;
  /** Specialists: the departments whose forwarded cases they see. */
  readonly departments: readonly string[];
}

/** The inbox's filters as the store takes them (plain data: it crosses to the worker thread). */
export interface InboxFilter {
  department?: string | undefined;
  status?: StaffStatus | 'open' | undefined;
  channel?: CaseChannel | undefined;
  topic?: string | undefined;
  need?: Need | undefined;
  /** An agent id, or `null` for unassigned cases. */
  assignee?: string | null | undefined;
  overdue?: boolean | undefined;
  priority?: CasePriority | undefined;
  /** A classification path (`a/b`): the cases classified at that label or under it. */
  classification?: string | undefined;
  /** A whole case reference: that case only. */
  reference?: string | undefined;
  /** Words to find in the search column. */
  text?: string | undefined;
}

/** Where a page starts: after this case in the inbox's order. */
export interface InboxKey {
  readonly createdAt: string;
  readonly reference: string;
}

export interface InboxRequest {
  readonly scope: CaseScope;
  readonly filter: InboxFilter;
  /** By arrival: newest first (the default) or oldest first; `after` goes on in that order. */
  readonly order?: InboxOrder | undefined;
  readonly after?: InboxKey | undefined;
  readonly limit: number;
  /** ISO 8601: what "overdue" is measured against. */
  readonly now: string;
}

export interface InboxPage {
  readonly cases: AgentCaseSummary[];
  /** The last case's key when more may follow. */
  readonly next: InboxKey | null;
  /** The event log's position before the page was read. */
  readonly cursor: Cursor;
}

type CaseQuery = SelectQueryBuilder<Database, 'cases', object>;

const FINISHED = FINISHED_STAFF_STATUSES as readonly string[];

const SUMMARY_COLUMNS = [
  'reference',
  'channel',
  'department',
  'forwarded_to',
  'topic',
  'staff_status',
  'assignee_id',
  'assignee_name',
  'need_interpreter',
  'need_sign_language',
  'need_easy_read',
  'interpreter_language',
  'message',
  'reason',
  'reason_avoidable',
  'reason_page',
  'created_at',
  'updated_at',
  'answer_by',
  'first_answered_at',
  'resume_at',
  'closing_reason',
  'priority',
  'classification',
  'version',
] as const;

/** One page of the inbox. */
export async function listInbox(db: Kysely<Database>, request: InboxRequest): Promise<InboxPage> {
  // The cursor first: a change committed while the page is read is then seen again on the
  // stream, never missed.
  const cursor = await headCursor(db);
  let query = inScope(db.selectFrom('cases'), request.scope);
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const narrowBy = sqlite ? await rarestIndexedWord(db, request.filter.text) : undefined;
  query = filtered(query, request.filter, request.now, narrowBy);
  // Oldest first reads the same key, and so the same indexes, the other way.
  const oldest = request.order === 'oldest';
  if (request.after) {
    const { createdAt, reference } = request.after;
    query = query.where((eb) =>
      eb(
        eb.refTuple('created_at', 'reference'),
        oldest ? '>' : '<',
        eb.tuple(createdAt, reference),
      ),
    );
  }
  const direction = oldest ? 'asc' : 'desc';
  // On SQLite, the page's keys first, then its rows: where no index is in the inbox's order (a
  // classification's subtree: several ranges of its index), SQLite sorts every matching case,
  // message and all; sorting their keys instead made that page 4× faster at 100,000 cases
  // (BENCHMARKS.md). PostgreSQL plans it well as it is, and the extra step only costs it time.
  const rows = await (sqlite
    ? db
        .selectFrom('cases')
        .select(SUMMARY_COLUMNS)
        .select(statusSinceOf)
        .where(
          'reference',
          'in',
          query
            .select('reference')
            .orderBy('created_at', direction)
            .orderBy('reference', direction)
            .limit(request.limit + 1),
        )
    : query
        .select(SUMMARY_COLUMNS)
        .select(statusSinceOf)
        .limit(request.limit + 1)
  )
    .orderBy('created_at', direction)
    .orderBy('reference', direction)
    .execute();
  const more = rows.length > request.limit;
  const page = rows.slice(0, request.limit).map((row) => toSummary(row, request.now));
  const places = await faultPlaces(
    db,
    page.filter((row) => row.channel === 'fault_report').map((row) => row.reference),
  );
  const last = page[page.length - 1];
  return {
    cases: page.map((row) => {
      const place = places.get(row.reference);
      return place ? { ...row, place } : row;
    }),
    next: more && last ? { createdAt: last.createdAt, reference: last.reference } : null,
    cursor,
  };
}

/** The places of the fault reports on a page, by reference (one lookup by primary key). */
async function faultPlaces(
  db: Kysely<Database>,
  references: string[],
): Promise<Map<string, CasePlace>> {
  if (references.length === 0) return new Map();
  const rows = await db
    .selectFrom('fault_reports')
    .select(['case_reference', 'address', 'lat', 'lon'])
    .where('case_reference', 'in', references)
    .execute();
  const number = (value: number | null) => (value === null ? null : Number(value));
  return new Map(
    rows.map((row) => [
      row.case_reference,
      { address: row.address, lat: number(row.lat), lon: number(row.lon) },
    ]),
  );
}

/** Only what the scope may see. */
export function inScope<Q extends CaseQuery>(query: Q, scope: CaseScope): Q {
  if (scope.all) return query;
  if (scope.departments.length === 0) return query.where((eb) => eb.lit(false)) as Q;
  return query.where('forwarded_to', 'in', [...scope.departments]) as Q;
}

function filtered(
  query: CaseQuery,
  filter: InboxFilter,
  now: string,
  narrowBy: string | undefined,
): CaseQuery {
  let q = query;
  if (filter.reference !== undefined) q = q.where('reference', '=', filter.reference);
  if (filter.department !== undefined) q = q.where('department', '=', filter.department);
  if (filter.status === 'open') q = q.where('staff_status', 'not in', FINISHED);
  else if (filter.status !== undefined) q = q.where('staff_status', '=', filter.status);
  if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
  if (filter.topic !== undefined) q = q.where('topic', '=', filter.topic);
  if (filter.need === 'interpreter') q = q.where('need_interpreter', '=', 1);
  if (filter.need === 'sign_language') q = q.where('need_sign_language', '=', 1);
  if (filter.need === 'easy_read') q = q.where('need_easy_read', '=', 1);
  if (filter.assignee === null) q = q.where('assignee_id', 'is', null);
  else if (filter.assignee !== undefined) q = q.where('assignee_id', '=', filter.assignee);
  if (filter.priority !== undefined) q = q.where('priority', '=', filter.priority);
  if (filter.classification !== undefined) {
    q = q.where((eb) => atOrUnder(eb, filter.classification as string));
  }
  if (filter.overdue === true) q = q.where((eb) => overdue(eb, now));
  if (filter.overdue === false) q = q.where((eb) => eb.not(overdue(eb, now)));
  if (narrowBy !== undefined) {
    q = q.where(
      sql<SqlBool>`cases.rowid in (select rowid from cases_search where search_text like ${narrowBy})`,
    );
  }
  for (const pattern of searchPatterns(filter.text ?? '')) {
    q = q.where('search_text', 'like', pattern);
  }
  return q;
}

/**
 * Classified at `path` or under it: the path itself, or a path that continues it after a `/` —
 * the range from `path/` up to `path0` (`0` is the character after `/`), so `park` takes
 * `park/lekplatser` but neither `parkering` nor `park-och-natur`. Two ranges of the index
 * `cases_inbox_classification`, on both stores (a `LIKE 'park/%'` is not one on PostgreSQL).
 */
function atOrUnder(eb: ExpressionBuilder<Database, 'cases'>, path: string) {
  return eb.or([
    eb('classification', '=', path),
    eb.and([eb('classification', '>=', `${path}/`), eb('classification', '<', `${path}0`)]),
  ]);
}

/**
 * On the embedded store: the search word (as its `LIKE` pattern) whose cases the trigram index
 * should list first, or `undefined` to scan instead. A rare word's few cases are best found
 * through the index (a scan reads the whole inbox to find them); a common word's are best found by
 * scanning the inbox in its order, which stops at a page, while the index would list them all.
 * Which is which is asked of the index itself, counting no further than `NARROW_LIMIT`.
 */
async function rarestIndexedWord(
  db: Kysely<Database>,
  text: string | undefined,
): Promise<string | undefined> {
  let rarest: { pattern: string; count: number } | undefined;
  for (const pattern of searchPatterns(text ?? '')) {
    if ([...pattern].length - 2 < MIN_INDEXED_WORD_LENGTH) continue;
    const { rows } = await sql<{ count: number }>`select count(*) as count from (
      select rowid from cases_search where search_text like ${pattern} limit ${NARROW_LIMIT + 1}
    )`.execute(db);
    const count = Number(rows[0]?.count ?? 0);
    if (count <= NARROW_LIMIT && (!rarest || count < rarest.count)) rarest = { pattern, count };
  }
  return rarest?.pattern;
}

/** Up to this many matches a word counts as rare: the index lists them faster than a scan finds a page. */
const NARROW_LIMIT = 2000;

/**
 * Statuses that are never overdue: finished, or waiting for the citizen, who has been asked and
 * whose answer the promise cannot wait for.
 */
const NOT_OVERDUE: readonly string[] = [...FINISHED, 'waiting_for_citizen'];

/**
 * Unanswered, past the department's promise, and neither finished nor waiting for the citizen:
 * the inbox's filter and mark, and the dashboard's count, by this one rule.
 */
export function overdue(eb: ExpressionBuilder<Database, 'cases'>, now: string) {
  return eb.and([
    eb('first_answered_at', 'is', null),
    eb('answer_by', '<', now),
    eb('staff_status', 'not in', NOT_OVERDUE),
  ]);
}

type SummaryRow = Pick<Selectable<Database['cases']>, (typeof SUMMARY_COLUMNS)[number]> & {
  /** `statusSinceOf`'s answer. */
  status_since: string | null;
};

/**
 * When the case entered its status, from its latest recorded change (one lookup by the change
 * table's key): that change's time; `''` when it is the migration's backfill, from a status not
 * known (nor when it began); no row when the case never changed (it has been so since it arrived).
 */
function statusSinceOf(eb: ExpressionBuilder<Database, 'cases'>) {
  return eb
    .selectFrom('case_status_changes')
    .select(sql<string>`case when from_status is null then '' else at end`.as('since'))
    .whereRef('case_status_changes.case_reference', '=', 'cases.reference')
    .orderBy('seq', 'desc')
    .limit(1)
    .as('status_since');
}

interface StoredMessage {
  message?: string;
  answerChannel?: AnswerChannel;
  answerLanguage?: string;
  name?: string;
  email?: string;
  phone?: string;
  needs?: Need[];
  interpreterLanguage?: string;
  /** A contact message's photos (a fault report's are in its fault row). */
  photos?: string[];
  /** Where a letter with the answer goes (`answerChannel: 'letter'` only). */
  postalAddress?: { street: string; postalCode: string; city: string };
}

const EXCERPT_LENGTH = 160;

function toSummary(row: SummaryRow, now: string): AgentCaseSummary {
  const message = JSON.parse(row.message) as StoredMessage;
  const text = message.message ?? '';
  const status = row.staff_status as StaffStatus;
  return {
    reference: row.reference,
    channel: row.channel as CaseChannel,
    department: row.department,
    forwardedTo: row.forwarded_to,
    topic: row.topic,
    status,
    assignee:
      row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    needs: needsOf(row),
    interpreterLanguage: row.interpreter_language,
    answerChannel: message.answerChannel ?? 'email',
    name: message.name ?? null,
    excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
    reason:
      row.reason === null
        ? null
        : { id: row.reason, avoidable: row.reason_avoidable === 1, page: row.reason_page },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    answerBy: row.answer_by,
    firstAnsweredAt: row.first_answered_at,
    overdue:
      row.first_answered_at === null &&
      row.answer_by !== null &&
      row.answer_by < now &&
      !NOT_OVERDUE.includes(status),
    // A case moved on by another path than a status action may keep a date it no longer has.
    resumeAt: isPaused(status) ? row.resume_at : null,
    // Likewise a reason from before the case was reopened.
    closingReason: isClosingStatus(status) ? (row.closing_reason as ClosingReason | null) : null,
    priority: row.priority as CasePriority,
    classification: splitPath(row.classification),
    statusSince:
      row.status_since === null
        ? row.created_at
        : row.status_since === ''
          ? null
          : row.status_since,
    version: Number(row.version),
  };
}

function needsOf(row: SummaryRow): Need[] {
  const needs: Need[] = [];
  if (Number(row.need_interpreter) === 1) needs.push('interpreter');
  if (Number(row.need_sign_language) === 1) needs.push('sign_language');
  if (Number(row.need_easy_read) === 1) needs.push('easy_read');
  return needs;
}

/** A case as staff see it, without its mails (the route adds them), or `undefined`. */
export async function selectAgentCase(
  db: Kysely<Database>,
  reference: string,
  scope: CaseScope,
  now: string,
): Promise<Omit<AgentCase, 'mails'> | undefined> {
  const row = await inScope(db.selectFrom('cases'), scope)
    .select([...SUMMARY_COLUMNS, 'page_url', 'widget', 'duplicate_of'])
    .select(statusSinceOf)
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const entries = await db
    .selectFrom('case_entries')
    .select(['seq', 'at', 'kind', 'actor_id', 'actor_name', 'data'])
    .where('case_reference', '=', reference)
    .orderBy('seq')
    .execute();
  const message = JSON.parse(row.message) as StoredMessage;
  const timeline = entries.map((entry) => {
    const data = JSON.parse(entry.data) as { photos?: string[] };
    return {
      ...data,
      // A later message's photos; stored only when it had some.
      ...(entry.kind === 'message_in' ? { photos: data.photos ?? [] } : {}),
      seq: Number(entry.seq),
      at: entry.at,
      kind: entry.kind,
      actor: entry.actor_id === null ? null : { id: entry.actor_id, name: entry.actor_name ?? '' },
    } as AgentTimelineEntry;
  });
  // A citizen's message is the case's first event; a registered call has its own entry. A later
  // message from the citizen (with its `text`) is not the first. Its photos are `message.photos`.
  if (!timeline.some((entry) => entry.kind === 'message_in' && entry.text === undefined)) {
    timeline.unshift({
      kind: 'message_in',
      seq: 0,
      at: row.created_at,
      actor: null,
      channel: row.channel as CaseChannel,
      photos: [],
    });
  }
  return {
    ...toSummary(row, now),
    origin: {
      department: row.department,
      pageUrl: row.page_url === '' ? null : row.page_url,
      widget: row.widget === '' ? null : row.widget,
    },
    message: {
      text: message.message ?? '',
      answerChannel: message.answerChannel ?? 'email',
      answerLanguage: message.answerLanguage ?? 'sv',
      needs: needsOf(row),
      interpreterLanguage: row.interpreter_language,
      name: message.name ?? null,
      email: message.email ?? null,
      phone: message.phone ?? null,
      photos: message.photos ?? [],
      // Stored only with an answer by letter (`keptMessage`).
      postalAddress: message.postalAddress ?? null,
    },
    timeline,
    ...(row.duplicate_of ? { duplicateOf: row.duplicate_of } : {}),
    statusHistory: statusHistory(
      row.created_at,
      row.staff_status as StaffStatus,
      await selectStatusChanges(db, row.reference),
    ),
  };
}

import type { AgentChat, AgentChatSummary } from '@kontakt/core/agent';
import type {
  ChatAuthorRole,
  ChatMessage,
  ChatMessageState,
  ChatQueuePosition,
  ChatSession,
  ChatSessionState,
  ChatSessionStatus,
  ChatSystemKind,
  Locale,
} from '@kontakt/core/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../store/schema.js';
import type { ChatMessagesTable, ChatSessionsTable } from './tables.js';

/*
 * Rows as the contract shows them: a session to its citizen (`ChatSession`), to agents
 * (`AgentChat`), messages with their state, and the queue position with its estimated wait.
 */

export type SessionRow = Selectable<ChatSessionsTable>;
export type MessageRow = Selectable<ChatMessagesTable>;

/** Answered chats of a queue the wait estimate looks at, and how many it needs at least. */
const RECENT_WAITS = 20;
const MIN_WAITS = 3;

/** A message's id: its number in the session, zero-padded so ids sort as they were sent. */
export const messageIdOf = (seq: number): string => `m${String(seq).padStart(6, '0')}`;

/** The number of a message id of this server, or `undefined`. */
export function seqOf(id: string): number | undefined {
  const match = /^m(\d{6,9})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** How far the message has come: the other side's delivered/read marks on the session. */
function stateOf(row: MessageRow, session: SessionRow): ChatMessageState {
  const [read, delivered] =
    row.role === 'citizen'
      ? [session.agent_read_seq, session.agent_delivered_seq]
      : row.role === 'agent'
        ? [session.citizen_read_seq, session.citizen_delivered_seq]
        : [0, 0];
  if (row.seq <= Number(read)) return 'read';
  if (row.seq <= Number(delivered)) return 'delivered';
  return 'sent';
}

export function messageView(row: MessageRow, session: SessionRow): ChatMessage {
  return {
    id: messageIdOf(Number(row.seq)),
    ...(row.client_message_id === null ? {} : { clientMessageId: row.client_message_id }),
    role: row.role as ChatAuthorRole,
    ...(row.author_name === null ? {} : { authorName: row.author_name }),
    text: row.text,
    ...(row.language === null ? {} : { language: row.language as Locale }),
    ...(row.system === null ? {} : { system: row.system as ChatSystemKind }),
    state: stateOf(row, session),
    sentAt: row.sent_at,
  };
}

/** The session as its citizen sees it, without messages. */
export function sessionStateView(
  session: SessionRow,
  queue: ChatQueuePosition | undefined,
): ChatSessionState {
  return {
    id: session.id,
    department: session.department,
    status: session.status as ChatSessionStatus,
    locale: session.locale as ChatSession['locale'],
    ...(session.status === 'queued' && queue ? { queue } : {}),
    ...(session.status === 'active' && session.agent_name !== null
      ? { agentName: firstName(session.agent_name) }
      : {}),
    ...(session.case_reference === null ? {} : { caseReference: session.case_reference }),
    startedAt: session.started_at,
    ...(session.ended_at === null ? {} : { endedAt: session.ended_at }),
  };
}

export async function selectSession(
  db: Kysely<Database>,
  id: string,
): Promise<SessionRow | undefined> {
  return db.selectFrom('chat_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectMessages(db: Kysely<Database>, id: string): Promise<MessageRow[]> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('session_id', '=', id)
    .orderBy('seq')
    .execute();
}

/** The whole session for its citizen: state, queue place and every message. */
export async function citizenSessionView(
  db: Kysely<Database>,
  session: SessionRow,
): Promise<ChatSession> {
  const queue = session.status === 'queued' ? await queuePosition(db, session) : undefined;
  const messages = await selectMessages(db, session.id);
  return {
    ...sessionStateView(session, queue),
    messages: messages.map((row) => messageView(row, session)),
  };
}

/** The first word of a name: agents show as their first name to citizens. */
export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

/**
 * The median wait (seconds) of the queue's last answered chats, or `undefined` with too few. The
 * median, not the mean: one chat that waited through a lunch break says little of the next.
 */
export async function medianWaitSeconds(
  db: Kysely<Database>,
  queue: string,
): Promise<number | undefined> {
  const rows = await db
    .selectFrom('chat_sessions')
    .select(['queued_at', 'answered_at'])
    .where('queue', '=', queue)
    .where('answered_at', 'is not', null)
    .orderBy('answered_at', 'desc')
    .limit(RECENT_WAITS)
    .execute();
  if (rows.length < MIN_WAITS) return undefined;
  const waits = rows
    .map((row) => Math.max(0, Date.parse(row.answered_at ?? '') - Date.parse(row.queued_at)))
    .sort((a, b) => a - b);
  const middle = waits.length / 2;
  const median =
    waits.length % 2 === 1
      ? (waits[Math.floor(middle)] ?? 0)
      : ((waits[middle - 1] ?? 0) + (waits[middle] ?? 0)) / 2;
  return median / 1000;
}

/**
 * The estimated wait at `position`: the recent median wait for each chat ahead and this one. A
 * chat in position 3 waits for two to be taken first; with the queue's usual pace that is about
 * three median waits. Rough, and said so: the widget shows it as "about".
 */
export const estimateOf = (median: number | undefined, position: number): number | undefined =>
  median === undefined ? undefined : Math.round(median * position);

/** The waiting chats of a queue, in line. */
export async function queuedInLine(db: Kysely<Database>, queue: string): Promise<SessionRow[]> {
  return db
    .selectFrom('chat_sessions')
    .selectAll()
    .where('status', '=', 'queued')
    .where('queue', '=', queue)
    .orderBy('queued_at')
    .orderBy('id')
    .execute();
}

/** A waiting session's place in its queue and its estimated wait. */
export async function queuePosition(
  db: Kysely<Database>,
  session: SessionRow,
): Promise<ChatQueuePosition> {
  const ahead = await db
    .selectFrom('chat_sessions')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where('status', '=', 'queued')
    .where('queue', '=', session.queue)
    .where((eb) =>
      eb.or([
        eb('queued_at', '<', session.queued_at),
        eb.and([eb('queued_at', '=', session.queued_at), eb('id', '<', session.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  const position = Number(ahead.count) + 1;
  const estimate = estimateOf(await medianWaitSeconds(db, session.queue), position);
  return { position, ...(estimate === undefined ? {} : { estimatedWaitSeconds: estimate }) };
}

/** Cuts a preview to the contract's 140 characters. */
const previewOf = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** A session as a line in the queue or in an agent's list. */
export async function summaryView(
  db: Kysely<Database>,
  session: SessionRow,
): Promise<AgentChatSummary> {
  const [summary] = await summaryViews(db, [session]);
  if (!summary) throw new Error(`No summary of ${session.id}`);
  return summary;
}

/**
 * Sessions as lines of the queue, in three queries whatever their number: the console reads the
 * queue again at each change of it.
 */
export async function summaryViews(
  db: Kysely<Database>,
  sessions: readonly SessionRow[],
): Promise<AgentChatSummary[]> {
  if (sessions.length === 0) return [];
  const ids = sessions.map((session) => session.id);
  const lastSeqs = await db
    .selectFrom('chat_messages')
    .select(['session_id', (eb) => eb.fn.max('seq').as('seq')])
    .where('session_id', 'in', ids)
    .where('role', '=', 'citizen')
    .groupBy('session_id')
    .execute();
  const last = new Map<string, { text: string; sent_at: string }>();
  if (lastSeqs.length > 0) {
    const rows = await db
      .selectFrom('chat_messages')
      .select(['session_id', 'text', 'sent_at'])
      .where((eb) =>
        eb.or(
          lastSeqs.map((row) =>
            eb.and([eb('session_id', '=', row.session_id), eb('seq', '=', Number(row.seq))]),
          ),
        ),
      )
      .execute();
    for (const row of rows) last.set(row.session_id, row);
  }
  const unreadRows = await db
    .selectFrom('chat_messages as m')
    .innerJoin('chat_sessions as s', 's.id', 'm.session_id')
    .select(['m.session_id', (eb) => eb.fn.countAll<number | string | bigint>().as('count')])
    .where('m.session_id', 'in', ids)
    .where('m.role', '=', 'citizen')
    .whereRef('m.seq', '>', 's.agent_read_seq')
    .groupBy('m.session_id')
    .execute();
  const unread = new Map(unreadRows.map((row) => [row.session_id, Number(row.count)]));
  return sessions.map((session) => {
    const latest = last.get(session.id);
    return {
      id: session.id,
      department: session.department,
      status: session.status as ChatSessionStatus,
      locale: session.locale as AgentChatSummary['locale'],
      ...(session.citizen_name === null ? {} : { citizenName: session.citizen_name }),
      origin: {
        department: session.department,
        pageUrl: session.page_url,
        widget: session.widget,
      },
      startedAt: session.started_at,
      ...(session.status === 'queued' ? { queuedAt: session.queued_at } : {}),
      ...(session.agent_id === null ? {} : { agentId: session.agent_id }),
      ...(session.agent_name === null ? {} : { agentName: session.agent_name }),
      ...(latest ? { preview: previewOf(latest.text), lastMessageAt: latest.sent_at } : {}),
      unread: session.agent_id === null ? 0 : (unread.get(session.id) ?? 0),
    };
  });
}

/** The whole session as agents see it. */
export async function agentChatView(db: Kysely<Database>, session: SessionRow): Promise<AgentChat> {
  const messages = await selectMessages(db, session.id);
  return {
    ...(await summaryView(db, session)),
    messages: messages.map((row) => messageView(row, session)),
    ...(session.case_reference === null ? {} : { caseReference: session.case_reference }),
    ...(session.ended_at === null ? {} : { endedAt: session.ended_at }),
    // Housekeeping marks the citizen away (`presence.ts`); the view needs no clock.
    ...(session.status === 'ended' ? {} : { citizenConnected: session.citizen_away_at === null }),
    ...(session.citizen_seen_at === null ? {} : { citizenSeenAt: session.citizen_seen_at }),
  };
}

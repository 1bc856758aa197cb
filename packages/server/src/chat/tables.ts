import type { ColumnType, Kysely } from 'kysely';

/*
 * What chat adds to the store: sessions, their messages, and the agents' chat presence. A
 * message's delivered/read state is not a column per message: each side's "delivered up to" and
 * "read up to" are numbers on the session (messages only ever move forward), so a receipt is one
 * update, whatever the number of messages it covers.
 */

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** One chat session, from its start to its end (it is kept after, linked to its case). */
export interface ChatSessionsTable {
  /** `chat_` and 22 random URL-safe characters. */
  id: string;
  department: string;
  /** The queue it waits in: `contact-center` (one for all) or its department's id. */
  queue: string;
  /** `queued`, `active`, `ended`. */
  status: string;
  locale: string;
  page_url: string;
  widget: string;
  /** What the citizen asked to be called; personal data. */
  citizen_name: Nullable<string>;
  /** SHA-256 (hex) of the citizen's bearer token; the token is only ever given to the citizen. */
  token_hash: string;
  started_at: string;
  /** When it joined the queue (its place in line; the waits of the estimate). */
  queued_at: string;
  /** When an agent first took it: `answered_at - queued_at` is a wait of the estimate. */
  answered_at: Nullable<string>;
  ended_at: Nullable<string>;
  /** `citizen`, `agent`, `unanswered`, `left`, `callback`. */
  ended_by: Nullable<string>;
  agent_id: Nullable<string>;
  agent_name: Nullable<string>;
  /** The case it was stored as, once ended. */
  case_reference: Nullable<string>;
  /** Where the transcript goes when the chat ends (asked for while it ran); personal data. */
  transcript_to: Nullable<string>;
  /** The last message's number in this session. */
  last_seq: Defaulted<number>;
  /** The agent the oldest waiting chat is offered to, and until when. */
  offered_to: Nullable<string>;
  offered_until: Nullable<string>;
  /** Until when each side counts as connected (its stream is open): its messages are delivered. */
  citizen_online_until: Nullable<string>;
  agent_online_until: Nullable<string>;
  /** The agent's messages the citizen's side has received / shown, up to this number. */
  /**
   * When the citizen was last seen (stream open, a request of theirs); migration 0014. A waiting
   * chat whose citizen is gone long enough ends; a taken one's agent is told (`presence.ts`).
   */
  citizen_seen_at: Nullable<string>;
  /** Since when a taken chat's citizen counts as away for the agent; `null`: there. */
  citizen_away_at: Nullable<string>;
  citizen_delivered_seq: Defaulted<number>;
  citizen_read_seq: Defaulted<number>;
  /** The citizen's messages the agent's side has received / shown, up to this number. */
  agent_delivered_seq: Defaulted<number>;
  agent_read_seq: Defaulted<number>;
  updated_at: string;
}

/** One message of a session, numbered 1, 2, 3 … within it. */
export interface ChatMessagesTable {
  session_id: string;
  seq: number;
  /** The sender's id for the message: the same one sent again is the same message. */
  client_message_id: Nullable<string>;
  /** `citizen`, `agent`, `system`. */
  role: string;
  author_id: Nullable<string>;
  author_name: Nullable<string>;
  /** Plain text; personal data. */
  text: string;
  /** An agent's message: the language it is written in, when they said (`sv`, `en`, `fi`, `ar`). */
  language: Nullable<string>;
  /** For `system` messages: what happened (`ChatSystemKind`). */
  system: Nullable<string>;
  sent_at: string;
}

/** An agent's chat presence (`available`, `busy`, `away`) and whether their console is open. */
export interface ChatPresenceTable {
  agent_id: string;
  name: string;
  presence: string;
  /** The departments whose chats they may take, as JSON; `null`: every department. */
  departments: Nullable<string>;
  /** Until when the agent's console counts as open (its agent stream was opened). */
  online_until: Nullable<string>;
  updated_at: string;
}

export interface ChatTables {
  chat_sessions: ChatSessionsTable;
  chat_messages: ChatMessagesTable;
  chat_presence: ChatPresenceTable;
}

/** Migration `2026-12-03-0012-chat`. */
export async function createChatTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('department', 'text', (col) => col.notNull())
    .addColumn('queue', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('page_url', 'text', (col) => col.notNull())
    .addColumn('widget', 'text', (col) => col.notNull())
    .addColumn('citizen_name', 'text')
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('queued_at', 'text', (col) => col.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('agent_name', 'text')
    .addColumn('case_reference', 'text')
    .addColumn('transcript_to', 'text')
    .addColumn('last_seq', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('offered_to', 'text')
    .addColumn('offered_until', 'text')
    .addColumn('citizen_online_until', 'text')
    .addColumn('agent_online_until', 'text')
    .addColumn('citizen_delivered_seq', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('citizen_read_seq', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('agent_delivered_seq', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('agent_read_seq', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The queue, in line; and the recent answers of a queue, for the wait estimate.
  await db.schema
    .createIndex('chat_sessions_queue')
    .on('chat_sessions')
    .columns(['status', 'queue', 'queued_at'])
    .execute();
  await db.schema
    .createIndex('chat_sessions_answered')
    .on('chat_sessions')
    .columns(['queue', 'answered_at'])
    .execute();
  await db.schema
    .createIndex('chat_sessions_agent')
    .on('chat_sessions')
    .columns(['agent_id', 'status'])
    .execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('session_id', 'text', (col) =>
      col.notNull().references('chat_sessions.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('client_message_id', 'text')
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('system', 'text')
    .addColumn('sent_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('chat_messages_pk', ['session_id', 'seq'])
    .addUniqueConstraint('chat_messages_client_id', ['session_id', 'client_message_id'])
    .execute();

  await db.schema
    .createTable('chat_presence')
    .addColumn('agent_id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('presence', 'text', (col) => col.notNull())
    .addColumn('departments', 'text')
    .addColumn('online_until', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

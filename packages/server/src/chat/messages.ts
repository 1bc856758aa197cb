import type { ChatAuthorRole, ChatMessage, ChatSystemKind, Locale } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../store/schema.js';
import type { ChatEvents } from './streams.js';
import type { MessageRow, SessionRow } from './views.js';
import {
  estimateOf,
  medianWaitSeconds,
  messageView,
  queuedInLine,
  sessionStateView,
} from './views.js';

/** A message to store. */
export interface NewChatMessage {
  role: ChatAuthorRole;
  text: string;
  at: string;
  clientMessageId?: string | undefined;
  authorId?: string | undefined;
  authorName?: string | undefined;
  /** An agent's message: the language it is written in. */
  language?: Locale | undefined;
  system?: ChatSystemKind | undefined;
}

/** A stored message: its row, and its view once the session's marks are known. */
export interface InsertedMessage {
  row: MessageRow;
  view(session: SessionRow): ChatMessage;
}

/**
 * Stores a message as the session's next. The number comes from raising `last_seq` in the same
 * transaction: on PostgreSQL the update locks the session's row, so two messages sent at once on
 * two instances get 5 and 6, never 5 twice.
 */
export async function insertMessage(
  trx: Kysely<Database>,
  sessionId: string,
  message: NewChatMessage,
): Promise<InsertedMessage> {
  await trx
    .updateTable('chat_sessions')
    .set({ last_seq: sql`last_seq + 1`, updated_at: message.at })
    .where('id', '=', sessionId)
    .execute();
  const { last_seq: seq } = await trx
    .selectFrom('chat_sessions')
    .select('last_seq')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const row: MessageRow = {
    session_id: sessionId,
    seq: Number(seq),
    client_message_id: message.clientMessageId ?? null,
    role: message.role,
    author_id: message.authorId ?? null,
    author_name: message.authorName ?? null,
    text: message.text,
    language: message.language ?? null,
    system: message.system ?? null,
    sent_at: message.at,
  };
  await trx.insertInto('chat_messages').values(row).execute();
  return { row, view: (session) => messageView(row, session) };
}

/**
 * Tells every chat still waiting in `queue` its place and wait (`chat.session`): after one left
 * the line, each behind it moved up, and a taken chat changes the estimate of all.
 */
export async function queueMoved(
  trx: Kysely<Database>,
  queue: string,
  events: ChatEvents,
): Promise<void> {
  const waiting = await queuedInLine(trx, queue);
  if (waiting.length === 0) return;
  const median = await medianWaitSeconds(trx, queue);
  waiting.forEach((session, index) => {
    const estimate = estimateOf(median, index + 1);
    const queuePlace = {
      position: index + 1,
      ...(estimate === undefined ? {} : { estimatedWaitSeconds: estimate }),
    };
    events.session(session.id, 'chat.session', sessionStateView(session, queuePlace));
  });
}

import type { ChatMessage } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import {
  agentChat,
  agentChatQueue,
  handOverChat,
  setChatPresence,
  takeChat,
} from './assignment.js';
import { chatHousekeeping } from './housekeeping.js';
import { chatCitizenSeen } from './presence.js';
import {
  chatConnected,
  chatTyping,
  citizenChat,
  endChat,
  fetchChat,
  markChatRead,
  requestTranscript,
  sendChatMessage,
  startChat,
} from './sessions.js';
import { estimateOf, medianWaitSeconds, messageView, selectMessages } from './views.js';

/*
 * Chat's operations for the store's registry (`store/operations.ts` spreads them in): run by both
 * stores, the embedded one in its worker thread.
 */

/** The queue a new chat would join: how many wait, and the wait estimate of the last place. */
async function chatQueueLength(
  db: Kysely<Database>,
  queue: string,
): Promise<{ waiting: number; estimatedWaitSeconds?: number }> {
  const row = await db
    .selectFrom('chat_sessions')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where('status', '=', 'queued')
    .where('queue', '=', queue)
    .executeTakeFirstOrThrow();
  const waiting = Number(row.count);
  const estimate = estimateOf(await medianWaitSeconds(db, queue), waiting + 1);
  return { waiting, ...(estimate === undefined ? {} : { estimatedWaitSeconds: estimate }) };
}

/** Agents available for chat now (their console open), who may see `department`. */
async function chatAgentsAvailable(
  db: Kysely<Database>,
  department: string,
  at: string,
): Promise<number> {
  const rows = await db
    .selectFrom('chat_presence')
    .select('departments')
    .where('presence', '=', 'available')
    .where('online_until', '>', at)
    .execute();
  return rows.filter(
    (row) =>
      row.departments === null || (JSON.parse(row.departments) as string[]).includes(department),
  ).length;
}

/** The transcript of the chat stored as case `reference`, for the agent case view. */
async function chatTranscriptOfCase(
  db: Kysely<Database>,
  reference: string,
): Promise<
  | { sessionId: string; startedAt: string; endedAt: string | null; messages: ChatMessage[] }
  | undefined
> {
  const session = await db
    .selectFrom('chat_sessions')
    .selectAll()
    .where('case_reference', '=', reference)
    .executeTakeFirst();
  if (!session) return undefined;
  const messages = await selectMessages(db, session.id);
  return {
    sessionId: session.id,
    startedAt: session.started_at,
    endedAt: session.ended_at,
    messages: messages.map((row) => messageView(row, session)),
  };
}

export const chatReads = {
  citizenChat,
  chatQueueLength,
  chatAgentsAvailable,
  chatTranscriptOfCase,
  agentChatQueue,
  agentChat,
};

export const chatWrites = {
  startChat,
  fetchChat,
  sendChatMessage,
  markChatRead,
  chatTyping,
  chatConnected,
  chatCitizenSeen,
  endChat,
  requestTranscript,
  takeChat,
  handOverChat,
  setChatPresence,
  chatHousekeeping,
};

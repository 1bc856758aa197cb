import type { Kysely } from 'kysely';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';
import { endSession } from './ending.js';
import { ChatEvents, chatAgentStream } from './streams.js';

/*
 * What the server does by itself, on a timer (every instance; on PostgreSQL every step is a
 * conditional update, so two instances doing it at once do it once): ends chats that waited too
 * long unanswered, and offers waiting chats to available agents.
 */

export interface HousekeepingInput {
  /** ISO 8601: now. */
  at: string;
  /** Chats queued before this end unanswered. */
  waitedSince: string;
  /** Until when a new offer stands. */
  offerUntil: string;
  maxChatsPerAgent: number;
  /** When a case of each department is due to be answered, from `at`. */
  answerBy: Readonly<Record<string, string>>;
}

export interface HousekeepingResult {
  ended: number;
  offered: number;
  /** When something next falls due (an offer runs out, a chat waits too long); `null`: nothing waits. */
  nextDue: string | null;
}

/** Chats ended as unanswered in one run at most; the rest in the next. */
const BATCH = 20;

export async function chatHousekeeping(
  db: Kysely<Database>,
  input: HousekeepingInput,
): Promise<Written<HousekeepingResult>> {
  return db.transaction().execute(async (trx) => {
    const events = new ChatEvents();
    const ended = await endUnanswered(trx, input, events);
    const offered = await offerWaiting(trx, input, events);
    const streams = await events.flush(trx, input.at);
    return { value: { ended, offered, nextDue: await nextDue(trx, input) }, streams };
  });
}

async function endUnanswered(
  trx: Kysely<Database>,
  input: HousekeepingInput,
  events: ChatEvents,
): Promise<number> {
  const stale = await trx
    .selectFrom('chat_sessions')
    .selectAll()
    .where('status', '=', 'queued')
    .where('queued_at', '<', input.waitedSince)
    .orderBy('queued_at')
    .limit(BATCH)
    .execute();
  let ended = 0;
  for (const session of stale) {
    // Another instance may be ending it right now: only the one that flips it goes on.
    const flipped = await trx
      .updateTable('chat_sessions')
      .set({ updated_at: input.at })
      .where('id', '=', session.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(flipped.numUpdatedRows) !== 1) continue;
    await endSession(
      trx,
      session,
      { endedBy: 'unanswered', at: input.at, answerBy: input.answerBy },
      events,
    );
    ended++;
  }
  return ended;
}

/**
 * Offers each waiting chat without a standing offer, oldest first, to an available agent whose
 * console is open, who may see its department, holds fewer than the most chats and has no offer
 * standing: the one with the fewest chats (then the one idle longest). An offer that ran out passes
 * to someone else when anyone else can take it.
 */
async function offerWaiting(
  trx: Kysely<Database>,
  input: HousekeepingInput,
  events: ChatEvents,
): Promise<number> {
  const { at } = input;
  const waiting = await trx
    .selectFrom('chat_sessions')
    .select(['id', 'department', 'offered_to', 'offered_until'])
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('offered_until', 'is', null), eb('offered_until', '<=', at)]))
    .orderBy('queued_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  if (waiting.length === 0) return 0;
  const agents = await trx
    .selectFrom('chat_presence')
    .selectAll()
    .where('presence', '=', 'available')
    .where('online_until', '>', at)
    .orderBy('updated_at')
    .execute();
  if (agents.length === 0) return 0;
  const counts = await trx
    .selectFrom('chat_sessions')
    .select(['agent_id', (eb) => eb.fn.countAll<number | string | bigint>().as('count')])
    .where('status', '=', 'active')
    .groupBy('agent_id')
    .execute();
  const chats = new Map(counts.map((row) => [row.agent_id, Number(row.count)]));
  const standing = await trx
    .selectFrom('chat_sessions')
    .select('offered_to')
    .where('status', '=', 'queued')
    .where('offered_until', '>', at)
    .execute();
  const busy = new Set(standing.map((row) => row.offered_to));
  let offered = 0;
  for (const chat of waiting) {
    const candidates = agents
      .filter((agent) => !busy.has(agent.agent_id))
      .filter((agent) => (chats.get(agent.agent_id) ?? 0) < input.maxChatsPerAgent)
      .filter((agent) => {
        const departments =
          agent.departments === null ? null : (JSON.parse(agent.departments) as string[]);
        return departments === null || departments.includes(chat.department);
      })
      .sort((a, b) => (chats.get(a.agent_id) ?? 0) - (chats.get(b.agent_id) ?? 0));
    // Passed on: the agent who let the offer run out is asked again only when no one else can.
    const pick = candidates.find((agent) => agent.agent_id !== chat.offered_to) ?? candidates[0];
    if (!pick) continue;
    const result = await trx
      .updateTable('chat_sessions')
      .set({ offered_to: pick.agent_id, offered_until: input.offerUntil })
      .where('id', '=', chat.id)
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('offered_until', 'is', null), eb('offered_until', '<=', at)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    busy.add(pick.agent_id);
    events.add({
      stream: chatAgentStream(pick.agent_id),
      type: 'chat.offer',
      data: { id: chat.id },
    });
    offered++;
  }
  return offered;
}

async function nextDue(trx: Kysely<Database>, input: HousekeepingInput): Promise<string | null> {
  const oldest = await trx
    .selectFrom('chat_sessions')
    .select('queued_at')
    .where('status', '=', 'queued')
    .orderBy('queued_at')
    .limit(1)
    .executeTakeFirst();
  const offer = await trx
    .selectFrom('chat_sessions')
    .select('offered_until')
    .where('status', '=', 'queued')
    .where('offered_until', '>', input.at)
    .orderBy('offered_until')
    .limit(1)
    .executeTakeFirst();
  if (!oldest) return null;
  const waitMs = Date.parse(input.at) - Date.parse(input.waitedSince);
  const timeout = new Date(Date.parse(oldest.queued_at) + waitMs).toISOString();
  return offer?.offered_until && offer.offered_until < timeout ? offer.offered_until : timeout;
}

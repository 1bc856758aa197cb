import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';
import { endSession } from './ending.js';
import { markCitizensAway } from './presence.js';
import { ChatEvents, chatAgentStream } from './streams.js';

/*
 * What the server does by itself, on a timer (every instance; on PostgreSQL every step is a
 * conditional update, so two instances doing it at once do it once): ends chats that waited too
 * long unanswered, ends waiting chats whose citizen left, tells agents of citizens gone from taken
 * chats, and offers waiting chats to available agents.
 */

export interface HousekeepingInput {
  /** ISO 8601: now. */
  at: string;
  /** Chats queued before this end unanswered. */
  waitedSince: string;
  /** Waiting chats whose citizen was last seen before this end: they left (`leftAfterSeconds`). */
  leftSince: string;
  /** Taken chats whose citizen was last seen before this: away, for their agent. */
  awaySince: string;
  /** Until when a new offer stands. */
  offerUntil: string;
  maxChatsPerAgent: number;
  /** When a case of each department is due to be answered, from `at`. */
  answerBy: Readonly<Record<string, string>>;
}

export interface HousekeepingResult {
  ended: number;
  /** Waiting chats ended because their citizen left. */
  left: number;
  /** Taken chats whose citizen is now away. */
  away: number;
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
    // Unanswered first: a chat past the longest wait ends as that, whether its citizen is there.
    const ended = await endWaiting(
      trx,
      input,
      events,
      waitedTooLong(input.waitedSince),
      'unanswered',
    );
    const left = await endWaiting(trx, input, events, goneSince(input.leftSince), 'left');
    const away = await markCitizensAway(trx, input, events);
    const offered = await offerWaiting(trx, input, events);
    const streams = await events.flush(trx, input.at);
    return {
      value: { ended, left, away, offered, nextDue: await nextDue(trx, input) },
      streams,
    };
  });
}

/** A waiting chat queued before `waitedSince`: it waited the longest a chat may. */
const waitedTooLong = (waitedSince: string) => (eb: ExpressionBuilder<Database, 'chat_sessions'>) =>
  eb('queued_at', '<', waitedSince);

/** A waiting chat whose citizen was not seen since `leftSince` (before 0014: since it was queued). */
const goneSince = (leftSince: string) => (eb: ExpressionBuilder<Database, 'chat_sessions'>) =>
  eb.or([
    eb('citizen_seen_at', '<', leftSince),
    eb.and([eb('citizen_seen_at', 'is', null), eb('queued_at', '<', leftSince)]),
  ]);

/**
 * Ends the waiting chats `which` picks, oldest first, `endedBy` as given: each becomes a case,
 * received and unanswered, so nothing the citizen wrote is lost. Used for chats that waited too
 * long (`unanswered`) and for those whose citizen left (`left`: closed the tab, lost the network
 * for good), so the queue moves on at once instead of after `maxWaitMinutes`.
 */
async function endWaiting(
  trx: Kysely<Database>,
  input: HousekeepingInput,
  events: ChatEvents,
  which: ReturnType<typeof goneSince>,
  endedBy: 'unanswered' | 'left',
): Promise<number> {
  const stale = await trx
    .selectFrom('chat_sessions')
    .selectAll()
    .where('status', '=', 'queued')
    .where(which)
    .orderBy('queued_at')
    .limit(BATCH)
    .execute();
  let ended = 0;
  for (const session of stale) {
    // Another instance may be ending it right now, or the citizen was seen meanwhile (a reload on
    // another instance): only the update that still finds it so goes on.
    const flipped = await trx
      .updateTable('chat_sessions')
      .set({ updated_at: input.at })
      .where('id', '=', session.id)
      .where('status', '=', 'queued')
      .where(which)
      .executeTakeFirst();
    if (Number(flipped.numUpdatedRows) !== 1) continue;
    await endSession(trx, session, { endedBy, at: input.at, answerBy: input.answerBy }, events);
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
  const leftDue = await trx
    .selectFrom('chat_sessions')
    .select((eb) => eb.fn.min(eb.fn.coalesce('citizen_seen_at', 'queued_at')).as('seen'))
    .where('status', '=', 'queued')
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
  const after = (since: string, from: string) =>
    new Date(Date.parse(from) + Date.parse(input.at) - Date.parse(since)).toISOString();
  const due = [after(input.waitedSince, oldest.queued_at)];
  if (leftDue?.seen) due.push(after(input.leftSince, String(leftDue.seen)));
  if (offer?.offered_until) due.push(offer.offered_until);
  return due.sort()[0] ?? null;
}

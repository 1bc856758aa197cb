import type { Kysely } from 'kysely';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';
import { ChatEvents } from './streams.js';
import type { SessionRow } from './views.js';
import { selectSession, sessionStateView } from './views.js';

/*
 * Whether the citizen is still there. A tab may close at any moment without a word (closing on
 * `pagehide` would end chats on every reload and navigation, which the conversation survives), so
 * the store keeps when the citizen was last seen: their stream opening, each of their requests,
 * and every `seenEveryMs(…)` while the instance that holds their stream has it open. The store is
 * the truth, not an instance's memory: the citizen's next stream may open on another instance.
 * Housekeeping ends a waiting chat whose citizen has been gone `leftAfterSeconds`, and marks a
 * taken one's citizen away for its agent after `citizenAwayAfterSeconds`.
 */

/** A citizen seen this recently is not written again (requests come many a minute). */
const SEEN_THROTTLE_MS = 10_000;

/** The longest an instance waits between two "still open" of a stream it holds. */
const SEEN_EVERY_MAX_MS = 15_000;

/** What a citizen marked away may be late by beyond two missed "still open": a reconnect. */
const AWAY_SLACK_MS = 10_000;

/**
 * How often an instance says that a citizen's stream it holds is still open, when a taken
 * chat's citizen counts as away after `citizenAwayAfterSeconds`: away is two missed "still open"
 * and a reconnect's worth of slack, so every (away − 10 s) / 2, at most every 15 s (the default
 * 40 s: every 15 s). Each say is written only if the last was `SEEN_THROTTLE_MS` ago, so at the
 * shortest away (20 s, every 5 s) a citizen is written every 10 s: still within it.
 */
export function seenEveryMs(citizenAwayAfterSeconds: number): number {
  return Math.min(SEEN_EVERY_MAX_MS, (citizenAwayAfterSeconds * 1000 - AWAY_SLACK_MS) / 2);
}

/**
 * The citizen was seen `at`, in the caller's transaction. A citizen marked away who is back tells
 * the agent's view (a `chat.session` event: the console reads the chat again).
 */
export async function citizenSeen(
  trx: Kysely<Database>,
  session: SessionRow,
  at: string,
  events: ChatEvents,
): Promise<void> {
  if (session.status === 'ended') return;
  const away = session.citizen_away_at !== null;
  const seen = session.citizen_seen_at;
  if (!away && seen !== null && Date.parse(at) - Date.parse(seen) < SEEN_THROTTLE_MS) return;
  await trx
    .updateTable('chat_sessions')
    .set({ citizen_seen_at: at, citizen_away_at: null })
    .where('id', '=', session.id)
    .where('status', '<>', 'ended')
    .execute();
  if (away) {
    const back = await selectSession(trx, session.id);
    if (back) events.session(session.id, 'chat.session', sessionStateView(back, undefined));
  }
}

/** The instance holding the citizen's stream of `id` says it is still open. */
export async function chatCitizenSeen(
  db: Kysely<Database>,
  input: { id: string; at: string },
): Promise<Written<null>> {
  return db.transaction().execute(async (trx) => {
    const session = await selectSession(trx, input.id);
    const events = new ChatEvents();
    if (session) await citizenSeen(trx, session, input.at, events);
    return { value: null, streams: await events.flush(trx, input.at) };
  });
}

/**
 * Marks away, for their agents, the citizens of taken chats not seen since `awaySince`; each
 * chat's `chat.session` event has its console read it again. Returns how many.
 */
export async function markCitizensAway(
  trx: Kysely<Database>,
  input: { at: string; awaySince: string },
  events: ChatEvents,
): Promise<number> {
  const gone = await trx
    .selectFrom('chat_sessions')
    .selectAll()
    .where('status', '=', 'active')
    .where('citizen_away_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('citizen_seen_at', '<', input.awaySince),
        // Chats from before the citizen was tracked: as seen when they were taken.
        eb.and([eb('citizen_seen_at', 'is', null), eb('answered_at', '<', input.awaySince)]),
      ]),
    )
    .limit(100)
    .execute();
  let marked = 0;
  for (const session of gone) {
    // Seen meanwhile (another instance, a request): the update finds nothing to mark.
    const result = await trx
      .updateTable('chat_sessions')
      .set({ citizen_away_at: input.at })
      .where('id', '=', session.id)
      .where('status', '=', 'active')
      .where('citizen_away_at', 'is', null)
      .where((eb) =>
        eb.or([eb('citizen_seen_at', 'is', null), eb('citizen_seen_at', '<', input.awaySince)]),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    const now = await selectSession(trx, session.id);
    if (now) events.session(session.id, 'chat.session', sessionStateView(now, undefined));
    marked++;
  }
  return marked;
}

/** Migration `2026-12-03-0014-chat-presence`: when the citizen was last seen, since when away. */
export async function addChatPresenceColumns(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_sessions').addColumn('citizen_seen_at', 'text').execute();
  await db.schema.alterTable('chat_sessions').addColumn('citizen_away_at', 'text').execute();
}

import type {
  AgentChat,
  AgentChatQueue,
  AgentPresence,
  AgentPresenceEntry,
} from '@kontakt/core/agent';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../auth/audit.js';
import { onPostgres } from '../store/dialect.js';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';
import type { ChatAgent } from './access.js';
import { seesDepartment } from './access.js';
import { insertMessage, queueMoved } from './messages.js';
import { selectSessionOrThrow } from './sessions.js';
import { CHAT_PRESENCE_STREAM, ChatEvents } from './streams.js';
import type { SessionRow } from './views.js';
import {
  agentChatView,
  firstName,
  selectSession,
  sessionStateView,
  summaryViews,
} from './views.js';

/*
 * The agents' side of the queue: presence, taking a chat (one winner when two take it at once,
 * on any instance: the take is a conditional update), hand-over, and the queue as a console shows
 * it. Offers and time-outs are in `housekeeping.ts`.
 */

export type TakeRefusal = 'not_found' | 'not_waiting' | 'at_capacity';
export type TakeResult = { ok: true; value: AgentChat } | { ok: false; error: TakeRefusal };

/** A key for `pg_advisory_xact_lock(key, hashtext(agent id))`: one agent's chats ("kcha"). */
const AGENT_CHATS_LOCK = 0x6b636861;

/**
 * Holds one agent's chat count still until the transaction ends, so "fewer than the most, then
 * take" is one step: two takes by one agent at once (two tabs, two instances) count one after the
 * other. On PostgreSQL an advisory lock per agent (at read committed, two takes of two different
 * chats would each count the other's take as not yet there); SQLite writes one transaction at a
 * time anyway. Taken before the event log's lock (`appendEvents`), as every write here does.
 */
async function lockAgentChats(trx: Kysely<Database>, agentId: string): Promise<void> {
  if (!onPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(${AGENT_CHATS_LOCK}, hashtext(${agentId}))`.execute(trx);
}

/** Tries of "the next one" when other agents keep taking the one it picked. */
const NEXT_ATTEMPTS = 5;

/**
 * Takes the chat `id`, or the oldest waiting one the agent may see; refused (`at_capacity`) while
 * the agent holds `maxChats` chats already.
 */
export async function takeChat(
  db: Kysely<Database>,
  input: {
    agent: ChatAgent;
    id?: string | undefined;
    at: string;
    onlineUntil: string;
    maxChats: number;
  },
): Promise<Written<TakeResult>> {
  return db.transaction().execute(async (trx) => {
    const { agent, at } = input;
    let session: SessionRow | undefined;
    if (input.id !== undefined) {
      const found = await selectSession(trx, input.id);
      if (!found || !seesDepartment(agent, found.department)) {
        return { value: { ok: false, error: 'not_found' }, streams: [] };
      }
    }
    await lockAgentChats(trx, agent.id);
    if ((await activeChats(trx, agent.id)) >= input.maxChats) {
      return { value: { ok: false, error: 'at_capacity' }, streams: [] };
    }
    if (input.id !== undefined) {
      const found = await selectSession(trx, input.id);
      if (!found) return { value: { ok: false, error: 'not_found' }, streams: [] };
      session = (await claim(trx, found, input)) ? found : undefined;
    } else {
      for (let attempt = 0; attempt < NEXT_ATTEMPTS && !session; attempt++) {
        const next = await oldestWaiting(trx, agent);
        if (!next) break;
        if (await claim(trx, next, input)) session = next;
      }
    }
    if (!session) return { value: { ok: false, error: 'not_waiting' }, streams: [] };
    const events = new ChatEvents();
    const joined = await insertMessage(trx, session.id, {
      role: 'system',
      system: 'agent_joined',
      text: '',
      authorName: firstName(agent.name),
      at,
    });
    await appendAudit(trx, {
      agentId: agent.id,
      action: 'chat.taken',
      detail: { chat: session.id, department: session.department },
      at: new Date(at),
    });
    const taken = await selectSessionOrThrow(trx, session.id);
    events
      .session(session.id, 'chat.message', joined.view(taken))
      .session(session.id, 'chat.session', sessionStateView(taken, undefined))
      .queue(session.department, session.id)
      .agent(agent.id, session.id);
    if (session.offered_to && session.offered_to !== agent.id) {
      events.agent(session.offered_to, session.id);
    }
    await queueMoved(trx, session.queue, events);
    const streams = await events.flush(trx, at);
    return { value: { ok: true, value: await agentChatView(trx, taken) }, streams };
  });
}

/**
 * The take itself: only while the chat still waits. Of two agents (on any instances) taking it at
 * once, one update finds it queued and the other finds it taken.
 */
async function claim(
  trx: Kysely<Database>,
  session: SessionRow,
  input: { agent: ChatAgent; at: string; onlineUntil: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('chat_sessions')
    .set({
      status: 'active',
      agent_id: input.agent.id,
      agent_name: input.agent.name,
      answered_at: session.answered_at ?? input.at,
      offered_to: null,
      offered_until: null,
      agent_online_until: input.onlineUntil,
      // What the agent is given with the take, they have.
      agent_delivered_seq: session.last_seq,
      updated_at: input.at,
    })
    .where('id', '=', session.id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function oldestWaiting(
  trx: Kysely<Database>,
  agent: ChatAgent,
): Promise<SessionRow | undefined> {
  let query = trx.selectFrom('chat_sessions').selectAll().where('status', '=', 'queued');
  if (agent.departments !== null) {
    if (agent.departments.length === 0) return undefined;
    query = query.where('department', 'in', [...agent.departments]);
  }
  return query.orderBy('queued_at').orderBy('id').limit(1).executeTakeFirst();
}

export type HandoverRefusal = 'not_found' | 'ended' | 'not_yours' | 'agent_not_available';

/** Hands a chat the agent holds to another available agent who may see its department. */
export async function handOverChat(
  db: Kysely<Database>,
  input: {
    id: string;
    agent: ChatAgent;
    /** The agent to hand it to: known here by their presence (they opened the console). */
    toId: string;
    at: string;
    maxChats: number;
  },
): Promise<Written<{ ok: true; value: AgentChat } | { ok: false; error: HandoverRefusal }>> {
  return db.transaction().execute(async (trx) => {
    const { id, agent, at } = input;
    const session = await selectSession(trx, id);
    if (!session || !seesDepartment(agent, session.department)) {
      return { value: { ok: false, error: 'not_found' }, streams: [] };
    }
    if (session.status === 'ended') return { value: { ok: false, error: 'ended' }, streams: [] };
    if (session.agent_id !== agent.id) {
      return { value: { ok: false, error: 'not_yours' }, streams: [] };
    }
    const presence = await trx
      .selectFrom('chat_presence')
      .selectAll()
      .where('agent_id', '=', input.toId)
      .executeTakeFirst();
    if (!presence) return { value: { ok: false, error: 'agent_not_available' }, streams: [] };
    const to: ChatAgent = {
      id: presence.agent_id,
      name: presence.name,
      departments:
        presence.departments === null ? null : (JSON.parse(presence.departments) as string[]),
    };
    await lockAgentChats(trx, to.id);
    const chats = await activeChats(trx, to.id);
    const available =
      to.id !== agent.id &&
      presence.presence === 'available' &&
      presence.online_until !== null &&
      presence.online_until > at &&
      chats < input.maxChats &&
      seesDepartment(to, session.department);
    if (!available) return { value: { ok: false, error: 'agent_not_available' }, streams: [] };
    const moved = await trx
      .updateTable('chat_sessions')
      // Receipts only move forward: what the first agent read stays read; the new one's console
      // counts as connected once its stream for the chat opens.
      .set({ agent_id: to.id, agent_name: to.name, agent_online_until: null, updated_at: at })
      .where('id', '=', id)
      .where('agent_id', '=', agent.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      return { value: { ok: false, error: 'not_yours' }, streams: [] };
    }
    const line = await insertMessage(trx, id, {
      role: 'system',
      system: 'handed_over',
      text: '',
      authorName: firstName(to.name),
      at,
    });
    await appendAudit(trx, {
      agentId: agent.id,
      action: 'chat.handed_over',
      detail: { chat: id, to: to.id },
      at: new Date(at),
    });
    const now = await selectSessionOrThrow(trx, id);
    const events = new ChatEvents()
      .session(id, 'chat.message', line.view(now))
      .session(id, 'chat.session', sessionStateView(now, undefined))
      .agent(agent.id, id)
      .agent(to.id, id)
      .add({ stream: CHAT_PRESENCE_STREAM, type: 'chat.queue', data: {} });
    const streams = await events.flush(trx, at);
    return { value: { ok: true, value: await agentChatView(trx, now) }, streams };
  });
}

/** How many chats an agent holds now. */
export async function activeChats(db: Kysely<Database>, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('chat_sessions')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where('agent_id', '=', agentId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Sets an agent's presence (`presence`), or only renews that their console is open
 * (`onlineUntil`, when their agent stream opens). A new agent starts `away`: nobody is offered
 * chats before they say they are available.
 */
export async function setChatPresence(
  db: Kysely<Database>,
  input: {
    agent: ChatAgent;
    presence?: AgentPresence | undefined;
    onlineUntil?: string | undefined;
    at: string;
  },
): Promise<Written<null>> {
  return db.transaction().execute(async (trx) => {
    const { agent, at } = input;
    const found = await trx
      .selectFrom('chat_presence')
      .selectAll()
      .where('agent_id', '=', agent.id)
      .executeTakeFirst();
    const row = {
      name: agent.name,
      presence: input.presence ?? found?.presence ?? 'away',
      departments: agent.departments === null ? null : JSON.stringify(agent.departments),
      online_until: input.onlineUntil ?? found?.online_until ?? null,
      updated_at: at,
    };
    if (found) {
      await trx.updateTable('chat_presence').set(row).where('agent_id', '=', agent.id).execute();
    } else {
      await trx
        .insertInto('chat_presence')
        .values({ agent_id: agent.id, ...row })
        .onConflict((oc) => oc.column('agent_id').doUpdateSet(row))
        .execute();
    }
    const changed = found?.presence !== row.presence || (found?.online_until ?? '') < at;
    const events = new ChatEvents();
    if (changed) events.add({ stream: CHAT_PRESENCE_STREAM, type: 'chat.queue', data: {} });
    return { value: null, streams: await events.flush(trx, at) };
  });
}

/** An agent's presence as others see it: away while their console is not open. */
const effectivePresence = (
  row: { presence: string; online_until: string | null } | undefined,
  at: string,
): AgentPresence =>
  row && row.online_until !== null && row.online_until > at
    ? (row.presence as AgentPresence)
    : 'away';

/** The queue as one agent's console shows it (call-backs are added by the route). */
export async function agentChatQueue(
  db: Kysely<Database>,
  input: { agent: ChatAgent; at: string },
): Promise<Omit<AgentChatQueue, 'callbacks'>> {
  const { agent, at } = input;
  let waiting = db.selectFrom('chat_sessions').selectAll().where('status', '=', 'queued');
  if (agent.departments !== null) {
    waiting = waiting.where('department', 'in', ['', ...agent.departments]);
  }
  const waitingRows = await waiting.orderBy('queued_at').orderBy('id').execute();
  const mineRows = await db
    .selectFrom('chat_sessions')
    .selectAll()
    .where('agent_id', '=', agent.id)
    .where('status', '=', 'active')
    .orderBy('answered_at')
    .execute();
  const presences = await db.selectFrom('chat_presence').selectAll().orderBy('name').execute();
  const counts = await db
    .selectFrom('chat_sessions')
    .select(['agent_id', (eb) => eb.fn.countAll<number | string | bigint>().as('count')])
    .where('status', '=', 'active')
    .groupBy('agent_id')
    .execute();
  const chatsOf = new Map(counts.map((row) => [row.agent_id, Number(row.count)]));
  const agents: AgentPresenceEntry[] = presences.map((row) => ({
    agentId: row.agent_id,
    name: row.name,
    presence: effectivePresence(row, at),
    chats: chatsOf.get(row.agent_id) ?? 0,
  }));
  const own = presences.find((row) => row.agent_id === agent.id);
  return {
    waiting: await summaryViews(db, waitingRows),
    mine: await summaryViews(db, mineRows),
    agents,
    presence: own?.presence ? (own.presence as AgentPresence) : 'away',
  };
}

/** One chat as an agent sees it, when they may see its department. */
export async function agentChat(
  db: Kysely<Database>,
  id: string,
  agent: ChatAgent,
): Promise<AgentChat | undefined> {
  const session = await selectSession(db, id);
  if (!session || !seesDepartment(agent, session.department)) return undefined;
  return agentChatView(db, session);
}

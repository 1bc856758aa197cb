import type { ChatMessage, ChatSession, Locale } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';
import type { ChatActor } from './access.js';
import { canSee, holds } from './access.js';
import type { EndChatInput } from './ending.js';
import { endSession, mailTranscript } from './ending.js';
import { insertMessage } from './messages.js';
import { citizenSeen } from './presence.js';
import { ChatEvents, chatStream } from './streams.js';
import type { SessionRow } from './views.js';
import {
  citizenSessionView,
  firstName,
  messageIdOf,
  messageView,
  queuePosition,
  selectSession,
  sessionStateView,
} from './views.js';

/*
 * The store's writes of a session's life, for both sides: start, messages, receipts, typing, a
 * side's stream opening, the end, the transcript. Each appends its events in its transaction.
 */

/** Why an action on a session was refused. */
export type ChatRefusal =
  /** Unknown, a wrong token, or another department's (the same answer for each). */
  | 'not_found'
  | 'ended'
  /** An agent acting on a chat another agent holds, or nobody yet. */
  | 'not_yours';

export type ChatResult<T> = { ok: true; value: T } | { ok: false; error: ChatRefusal };

const refuse = <T>(error: ChatRefusal): Written<ChatResult<T>> => ({
  value: { ok: false, error },
  streams: [],
});

export interface StartChatInput {
  id: string;
  tokenHash: string;
  department: string;
  queue: string;
  locale: string;
  pageUrl: string;
  widget: string;
  name?: string | undefined;
  message?: { text: string; clientMessageId?: string | undefined } | undefined;
  at: string;
}

/** Starts a session in its queue, with the system line `queued` and the first message if any. */
export async function startChat(
  db: Kysely<Database>,
  input: StartChatInput,
): Promise<Written<ChatSession>> {
  return db.transaction().execute(async (trx) => {
    const { at } = input;
    await trx
      .insertInto('chat_sessions')
      .values({
        id: input.id,
        department: input.department,
        queue: input.queue,
        status: 'queued',
        locale: input.locale,
        page_url: input.pageUrl,
        widget: input.widget,
        citizen_name: input.name || null,
        token_hash: input.tokenHash,
        started_at: at,
        queued_at: at,
        citizen_seen_at: at,
        updated_at: at,
      })
      .execute();
    const inserted = [
      await insertMessage(trx, input.id, { role: 'system', system: 'queued', text: '', at }),
    ];
    if (input.message) {
      inserted.push(
        await insertMessage(trx, input.id, {
          role: 'citizen',
          text: input.message.text,
          clientMessageId: input.message.clientMessageId,
          at,
        }),
      );
    }
    const session = await selectSessionOrThrow(trx, input.id);
    const events = new ChatEvents();
    for (const message of inserted) events.session(input.id, 'chat.message', message.view(session));
    events
      .session(
        input.id,
        'chat.session',
        sessionStateView(session, await queuePosition(trx, session)),
      )
      .queue(input.department, input.id);
    const streams = await events.flush(trx, at);
    return { value: await citizenSessionView(trx, session), streams };
  });
}

/** The session for its citizen (`GET`): their fetch marks the agent's messages delivered. */
export async function fetchChat(
  db: Kysely<Database>,
  id: string,
  actor: ChatActor,
  at: string,
): Promise<Written<ChatResult<ChatSession>>> {
  return db.transaction().execute(async (trx) => {
    const session = await selectSession(trx, id);
    if (!canSee(session, actor)) return refuse<ChatSession>('not_found');
    const events = new ChatEvents();
    if (actor.role === 'citizen') await citizenSeen(trx, session, at, events);
    await markDelivered(trx, session, actor.role, events);
    const streams = await events.flush(trx, at);
    const now = await selectSessionOrThrow(trx, id);
    return { value: { ok: true, value: await citizenSessionView(trx, now) }, streams };
  });
}

export interface SendInput {
  id: string;
  actor: ChatActor;
  clientMessageId: string;
  text: string;
  /** The language the text is written in; kept for an agent's message only. */
  language?: Locale | undefined;
  at: string;
}

/**
 * Stores a message from the citizen or the agent who holds the chat. The same client message id
 * again answers the stored message (`created: false`), even after the end.
 */
export async function sendChatMessage(
  db: Kysely<Database>,
  input: SendInput,
): Promise<Written<ChatResult<{ message: ChatMessage; created: boolean }>>> {
  type Value = { message: ChatMessage; created: boolean };
  return db.transaction().execute(async (trx) => {
    const { id, actor, at } = input;
    const session = await selectSession(trx, id);
    if (!canSee(session, actor)) return refuse<Value>('not_found');
    const existing = await trx
      .selectFrom('chat_messages')
      .selectAll()
      .where('session_id', '=', id)
      .where('client_message_id', '=', input.clientMessageId)
      .executeTakeFirst();
    if (existing) {
      return {
        value: { ok: true, value: { message: messageView(existing, session), created: false } },
        streams: [],
      };
    }
    if (session.status === 'ended') return refuse<Value>('ended');
    if (!holds(session, actor)) return refuse<Value>('not_yours');
    const events = new ChatEvents();
    if (actor.role === 'citizen') await citizenSeen(trx, session, at, events);
    const inserted = await insertMessage(trx, id, {
      role: actor.role,
      text: input.text,
      clientMessageId: input.clientMessageId,
      ...(actor.role === 'agent'
        ? {
            authorId: actor.agent.id,
            authorName: firstName(actor.agent.name),
            language: input.language,
          }
        : {}),
      at,
    });
    // The other side's stream is open: it is delivered as it is sent.
    const other = actor.role === 'citizen' ? 'agent' : 'citizen';
    const onlineUntil =
      other === 'agent' ? session.agent_online_until : session.citizen_online_until;
    if (onlineUntil !== null && onlineUntil > at) {
      await trx
        .updateTable('chat_sessions')
        .set(
          other === 'agent'
            ? { agent_delivered_seq: inserted.row.seq }
            : { citizen_delivered_seq: inserted.row.seq },
        )
        .where('id', '=', id)
        .execute();
    }
    const now = await selectSessionOrThrow(trx, id);
    const message = inserted.view(now);
    events.session(id, 'chat.message', message);
    // The agent's list shows unread counts and previews; the queue shows a waiting chat's.
    if (actor.role === 'citizen') {
      if (now.agent_id) events.agent(now.agent_id, id);
      else events.queue(now.department, id);
    }
    const streams = await events.flush(trx, at);
    return { value: { ok: true, value: { message, created: true } }, streams };
  });
}

/** `…/read`: the reader has shown everything up to `upTo` (a message id of the session). */
export async function markChatRead(
  db: Kysely<Database>,
  input: { id: string; actor: ChatActor; upTo: number; at: string },
): Promise<Written<ChatResult<null>>> {
  return db.transaction().execute(async (trx) => {
    const { id, actor, at } = input;
    const session = await selectSession(trx, id);
    if (!canSee(session, actor)) return refuse<null>('not_found');
    if (!holds(session, actor)) return refuse<null>('not_yours');
    const events = new ChatEvents();
    if (actor.role === 'citizen') await citizenSeen(trx, session, at, events);
    const upTo = Math.min(input.upTo, Number(session.last_seq));
    const [read, delivered] =
      actor.role === 'citizen'
        ? (['citizen_read_seq', 'citizen_delivered_seq'] as const)
        : (['agent_read_seq', 'agent_delivered_seq'] as const);
    if (upTo <= Number(session[read])) {
      return { value: { ok: true, value: null }, streams: await events.flush(trx, at) };
    }
    await trx
      .updateTable('chat_sessions')
      .set({ [read]: upTo, [delivered]: Math.max(upTo, Number(session[delivered])) })
      .where('id', '=', id)
      .execute();
    events.session(id, 'chat.receipt', {
      role: actor.role === 'citizen' ? 'agent' : 'citizen',
      upTo: messageIdOf(upTo),
      state: 'read',
    });
    if (actor.role === 'agent') events.agent(actor.agent.id, id);
    return { value: { ok: true, value: null }, streams: await events.flush(trx, at) };
  });
}

/** `…/typing`: told to the other side on the session's stream; kept in no table. */
export async function chatTyping(
  db: Kysely<Database>,
  input: { id: string; actor: ChatActor; typing: boolean; at: string },
): Promise<Written<ChatResult<null>>> {
  return db.transaction().execute(async (trx) => {
    const { id, actor, at } = input;
    const session = await selectSession(trx, id);
    if (!canSee(session, actor)) return refuse<null>('not_found');
    if (session.status === 'ended') return refuse<null>('ended');
    if (!holds(session, actor)) return refuse<null>('not_yours');
    const events = new ChatEvents();
    if (actor.role === 'citizen') await citizenSeen(trx, session, at, events);
    events.session(id, 'chat.typing', {
      role: actor.role,
      typing: input.typing,
    });
    return { value: { ok: true, value: null }, streams: await events.flush(trx, at) };
  });
}

/**
 * A side's stream opened: it counts as connected until `until` (its stream's next recheck), and
 * everything the other side sent so far is delivered. Typing told before `typingSince` leaves the
 * log, so the stream about to open (or resume from its last id) does not replay it.
 */
export async function chatConnected(
  db: Kysely<Database>,
  input: { id: string; actor: ChatActor; until: string; at: string; typingSince: string },
): Promise<Written<ChatResult<null>>> {
  return db.transaction().execute(async (trx) => {
    const { id, actor, at } = input;
    const session = await selectSession(trx, id);
    if (!canSee(session, actor)) return refuse<null>('not_found');
    await dropStaleTyping(trx, id, input.typingSince);
    const events = new ChatEvents();
    if (session.status !== 'ended' && holds(session, actor)) {
      await trx
        .updateTable('chat_sessions')
        .set(
          actor.role === 'citizen'
            ? { citizen_online_until: input.until }
            : { agent_online_until: input.until },
        )
        .where('id', '=', id)
        .execute();
      if (actor.role === 'citizen') await citizenSeen(trx, session, at, events);
      await markDelivered(trx, session, actor.role, events);
    }
    return { value: { ok: true, value: null }, streams: await events.flush(trx, at) };
  });
}

/**
 * Typing is a live signal: "Anna is typing" from a minute ago, replayed to a stream that opens
 * now, would show someone typing who stopped long ago (or whose `typing: false` was the one
 * missed). The hub replays a stream's log as it is, so the old ones go from the log; a stream
 * already open got them live. (At the end every typing event of the chat goes, `ending.ts`.)
 */
async function dropStaleTyping(trx: Kysely<Database>, id: string, before: string): Promise<void> {
  await trx
    .deleteFrom('events')
    .where('stream', '=', chatStream(id))
    .where('type', '=', 'chat.typing')
    .where('at', '<', before)
    .execute();
}

/** Everything the other side sent is delivered to `role` (it fetched, or its stream opened). */
async function markDelivered(
  trx: Kysely<Database>,
  session: SessionRow,
  role: 'citizen' | 'agent',
  events: ChatEvents,
): Promise<void> {
  const last = Number(session.last_seq);
  const column = role === 'citizen' ? 'citizen_delivered_seq' : 'agent_delivered_seq';
  if (last <= Number(session[column])) return;
  await trx
    .updateTable('chat_sessions')
    .set({ [column]: last })
    .where('id', '=', session.id)
    .execute();
  events.session(session.id, 'chat.receipt', {
    role: role === 'citizen' ? 'agent' : 'citizen',
    upTo: messageIdOf(last),
    state: 'delivered',
  });
}

/** Ends a session (the citizen's `close`, the agent's `end`, a call-back); it becomes a case. */
export async function endChat(
  db: Kysely<Database>,
  id: string,
  actor: ChatActor,
  input: EndChatInput,
): Promise<Written<ChatResult<SessionRow>>> {
  return db.transaction().execute(async (trx) => {
    const session = await selectSession(trx, id);
    if (!canSee(session, actor)) return refuse<SessionRow>('not_found');
    if (session.status === 'ended') return refuse<SessionRow>('ended');
    if (actor.role === 'agent' && !holds(session, actor)) return refuse<SessionRow>('not_yours');
    const events = new ChatEvents();
    await endSession(trx, session, input, events);
    const streams = await events.flush(trx, input.at);
    return { value: { ok: true, value: await selectSessionOrThrow(trx, id) }, streams };
  });
}

/**
 * The transcript to `email`: mailed now when the chat has ended (it is a case), else kept and
 * mailed with the whole conversation at its end.
 */
export async function requestTranscript(
  db: Kysely<Database>,
  input: { id: string; actor: ChatActor; email: string; at: string },
): Promise<Written<ChatResult<null>>> {
  return db.transaction().execute(async (trx) => {
    const session = await selectSession(trx, input.id);
    if (!canSee(session, input.actor)) return refuse<null>('not_found');
    const events = new ChatEvents();
    if (input.actor.role === 'citizen') await citizenSeen(trx, session, input.at, events);
    if (session.status === 'ended') await mailTranscript(trx, input.id, input.email, events);
    else {
      await trx
        .updateTable('chat_sessions')
        .set({ transcript_to: input.email })
        .where('id', '=', input.id)
        .execute();
    }
    return { value: { ok: true, value: null }, streams: await events.flush(trx, input.at) };
  });
}

/** The session for its citizen, read only (the route's `close` answer). */
export async function citizenChat(
  db: Kysely<Database>,
  id: string,
): Promise<ChatSession | undefined> {
  const session = await selectSession(db, id);
  return session && citizenSessionView(db, session);
}

export async function selectSessionOrThrow(trx: Kysely<Database>, id: string): Promise<SessionRow> {
  const session = await selectSession(trx, id);
  if (!session) throw new Error(`The chat session ${id} is gone`);
  return session;
}

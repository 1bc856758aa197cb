import type { Agent, AgentChatQueue, CallbackSummary, ContactReason } from '@kontakt/core/agent';
import {
  EndChatInputSchema,
  HandoverInputSchema,
  PresenceInputSchema,
  TakeChatInputSchema,
} from '@kontakt/core/agent';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { DEFAULT_REASONS } from '../agent-cases/reasons.js';
import { requireAgent } from '../auth/require-agent.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import { invalid, parse } from '../http/validation.js';
import { reads } from '../store/operations.js';
import type { ChatActor, ChatAgent } from './access.js';
import {
  answerByOf,
  CHAT_STREAM_MS,
  ChatLimit,
  chatNotFound,
  connectedUntil,
  NO_STORE,
  refusal,
  sessionIdOf,
  settingsOf,
  typingSince,
} from './http.js';
import { chatRuntimeOf } from './runtime.js';
import { markRead, sendMessage, setTyping } from './speaking.js';
import { agentStreamOf, chatStream } from './streams.js';

/**
 * The agents' chat, under `/v1/agent/chat`, every route behind a session (`requireAgent`: 401
 * without one, CSRF on every change); specialists see only their departments' chats:
 * - `GET /queue` → `AgentChatQueue`; `GET /stream`: SSE `chat.queue` / `chat.offer`;
 * - `PUT /presence` (`PresenceInput`) → 204;
 * - `POST /take` (`TakeChatInput`) → `AgentChat`, 409 `chat_not_waiting` when it is taken,
 *   409 `agent_at_capacity` when the agent holds `maxChatsPerAgent` chats already;
 * - `GET /sessions/{id}` → `AgentChat`; `GET /sessions/{id}/stream`: SSE with `CHAT_EVENTS`;
 * - `POST /sessions/{id}/messages` (`ChatSend`) → 201 `ChatMessage`; `…/read`, `…/typing` → 204;
 *   `…/handover` (`HandoverInput`) and `…/end` (`EndChatInput`) → `AgentChat`.
 * Taking, handing over and ending are audited (in the transaction that does them).
 */
export function chatAgentRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const wake = () => chatRuntimeOf(ctx).wake();
  const reasons = (): readonly ContactReason[] => ctx.reasons ?? DEFAULT_REASONS;
  // Typing and read receipts are cheap but frequent: a stuck client must not flood a chat.
  const signals = new ChatLimit({ windowMs: 60_000, max: 120, burst: 30 }, 'updates');
  routes.use(requireAgent(ctx));

  /** Until when this agent's console counts as open, from a stream opened `at`. */
  const onlineUntil = (at: Date) =>
    new Date(at.getTime() + CHAT_STREAM_MS + settingsOf(ctx).awayAfterSeconds * 1000).toISOString();

  routes.get('/queue', async (c) => {
    const agent = chatAgentOf(c.get('agent'));
    const at = ctx.now().toISOString();
    const queue = await ctx.store.read('agentChatQueue', { agent, at });
    const body: AgentChatQueue = { ...queue, callbacks: await openCallbacks(ctx, agent) };
    return c.body(JSON.stringify(body), 200, NO_STORE);
  });

  routes.get('/stream', async (c) => {
    const agent = chatAgentOf(c.get('agent'));
    const at = ctx.now();
    // The console is open: the agent counts as present (with the presence they chose) until a
    // while after this stream's recheck, which renews it.
    await ctx.store.write('setChatPresence', {
      agent,
      onlineUntil: onlineUntil(at),
      at: at.toISOString(),
    });
    wake();
    const departments = agent.departments ?? [...ctx.departments.keys()];
    return ctx.hub.respond(c, agentStreamOf(agent.id, departments), {
      from: 'now',
      maxDurationMs: Math.min(CHAT_STREAM_MS, untilSessionEnds(c, ctx)),
    });
  });

  routes.put('/presence', async (c) => {
    const agent = chatAgentOf(c.get('agent'));
    const input = parse(PresenceInputSchema, await readJsonBody(c, ctx.bodyLimit));
    const at = ctx.now();
    await ctx.store.write('setChatPresence', {
      agent,
      presence: input.presence,
      // Saying "available" is being at the console.
      onlineUntil: onlineUntil(at),
      at: at.toISOString(),
    });
    wake();
    return c.body(null, 204, { 'Cache-Control': 'no-store' });
  });

  routes.post('/take', async (c) => {
    const agent = chatAgentOf(c.get('agent'));
    const input = parse(TakeChatInputSchema, await readJsonBody(c, ctx.bodyLimit));
    const at = ctx.now();
    const result = await ctx.store.write('takeChat', {
      agent,
      id: input.id,
      at: at.toISOString(),
      onlineUntil: connectedUntil(at),
      maxChats: settingsOf(ctx).maxChatsPerAgent,
    });
    if (!result.ok) {
      if (result.error === 'not_found') throw chatNotFound();
      if (result.error === 'at_capacity') {
        throw new ProblemError(409, 'agent_at_capacity', {
          detail: `You hold ${settingsOf(ctx).maxChatsPerAgent} chats, the most at once: end or hand over one first.`,
        });
      }
      throw new ProblemError(409, 'chat_not_waiting', {
        detail: input.id
          ? 'Another agent has taken this chat, or it has ended.'
          : 'No chat is waiting for you.',
      });
    }
    wake();
    return c.body(JSON.stringify(result.value), 200, NO_STORE);
  });

  routes.get('/sessions/:id', async (c) => {
    const agent = chatAgentOf(c.get('agent'));
    const found = await ctx.store.read('agentChat', sessionIdOf(c), agent);
    if (!found) throw chatNotFound();
    return c.body(JSON.stringify(found), 200, NO_STORE);
  });

  routes.get('/sessions/:id/stream', async (c) => {
    const { id, actor } = agentActorOf(c);
    const at = ctx.now();
    const result = await ctx.store.write('chatConnected', {
      id,
      actor,
      until: connectedUntil(at),
      at: at.toISOString(),
      typingSince: typingSince(at),
    });
    if (!result.ok) throw chatNotFound();
    return ctx.hub.respond(c, chatStream(id), {
      from: 'start',
      maxDurationMs: Math.min(CHAT_STREAM_MS, untilSessionEnds(c, ctx)),
    });
  });

  routes.post('/sessions/:id/messages', async (c) => {
    const { id, actor } = agentActorOf(c);
    return sendMessage(c, ctx, id, actor);
  });

  routes.post('/sessions/:id/read', async (c) => {
    const { id, actor } = agentActorOf(c);
    signals.take(`${actor.agent.id}:${id}`, ctx.now());
    return markRead(c, ctx, id, actor);
  });

  routes.post('/sessions/:id/typing', async (c) => {
    const { id, actor } = agentActorOf(c);
    signals.take(`${actor.agent.id}:${id}`, ctx.now());
    return setTyping(c, ctx, id, actor);
  });

  routes.post('/sessions/:id/handover', async (c) => {
    const { id, actor } = agentActorOf(c);
    const input = parse(HandoverInputSchema, await readJsonBody(c, ctx.bodyLimit));
    const result = await ctx.store.write('handOverChat', {
      id,
      agent: actor.agent,
      toId: input.agentId,
      at: ctx.now().toISOString(),
      maxChats: settingsOf(ctx).maxChatsPerAgent,
    });
    if (!result.ok) {
      if (result.error === 'agent_not_available') {
        throw new ProblemError(409, 'agent_not_available', {
          detail: 'That agent is not available for chat now (away, busy, or at their most chats).',
        });
      }
      throw refusal(result.error);
    }
    wake();
    return c.body(JSON.stringify(result.value), 200, NO_STORE);
  });

  routes.post('/sessions/:id/end', async (c) => {
    const { id, actor } = agentActorOf(c);
    const input = parse(EndChatInputSchema, await readJsonBody(c, ctx.bodyLimit));
    const reason =
      input.reason === undefined ? undefined : reasons().find((r) => r.id === input.reason);
    if (input.reason !== undefined && !reason) {
      throw invalid([{ field: 'reason', pointer: '/reason', code: 'unknown_reason' }]);
    }
    const at = ctx.now();
    const result = await ctx.store.write('endChat', id, actor, {
      endedBy: 'agent',
      at: at.toISOString(),
      answerBy: answerByOf(ctx, at),
      agent: actor.agent,
      reason: reason && { id: reason.id, avoidable: reason.avoidable },
    });
    if (!result.ok) throw refusal(result.error);
    wake();
    const found = await ctx.store.read('agentChat', id, actor.agent);
    return c.body(JSON.stringify(found), 200, NO_STORE);
  });

  return routes;
}

/** The signed-in person as chat sees them: specialists limited to their departments. */
export function chatAgentOf(agent: Agent): ChatAgent {
  return {
    id: agent.id,
    name: agent.name,
    departments: agent.role === 'specialist' ? [...agent.departments] : null,
  };
}

function agentActorOf(c: Context<AppEnv>): {
  id: string;
  actor: Extract<ChatActor, { role: 'agent' }>;
} {
  return { id: sessionIdOf(c), actor: { role: 'agent', agent: chatAgentOf(c.get('agent')) } };
}

/** Milliseconds until the agent's session ends: their streams end then, and are checked again. */
function untilSessionEnds(c: Context<AppEnv>, ctx: AppContext): number {
  const { session } = c.get('agentSession');
  return Math.max(
    0,
    Math.min(Date.parse(session.expiresAt), Date.parse(session.idleExpiresAt)) -
      ctx.now().getTime(),
  );
}

/**
 * The open call-back requests beside the queue, from the call-back part's store read
 * (`callbacks.open`) when the server has it.
 */
async function openCallbacks(ctx: AppContext, agent: ChatAgent): Promise<CallbackSummary[]> {
  if (!('callbacks.open' in reads)) return [];
  const read = ctx.store.read as unknown as (
    name: string,
    input: { departments?: string[] },
  ) => Promise<CallbackSummary[]>;
  return read.call(
    ctx.store,
    'callbacks.open',
    agent.departments === null ? {} : { departments: [...agent.departments] },
  );
}

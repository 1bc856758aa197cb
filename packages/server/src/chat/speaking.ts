import { ChatReadSchema, ChatSendSchema, ChatTypingSchema } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { invalid, parse } from '../http/validation.js';
import { isUniqueViolation } from '../store/create-case.js';
import type { ChatActor } from './access.js';
import { NO_STORE, refusal } from './http.js';
import { seqOf } from './views.js';

/*
 * What either side does in a chat — write, mark read, type — answered the same way for the
 * citizen's routes and the agents'; each route checks its own caller and limits first.
 */

const NO_CONTENT = { 'Cache-Control': 'no-store' };

/**
 * `POST …/messages`: stores the message once by its client message id; 201 for a new one, 200 with
 * the stored one for a message sent before (a retry after a lost answer).
 */
export async function sendMessage(
  c: Context<AppEnv>,
  ctx: AppContext,
  id: string,
  actor: ChatActor,
): Promise<Response> {
  const input = parse(ChatSendSchema, await readJsonBody(c, ctx.bodyLimit));
  const send = () =>
    ctx.store.write('sendChatMessage', {
      id,
      actor,
      clientMessageId: input.clientMessageId,
      text: input.text,
      language: input.language,
      at: ctx.now().toISOString(),
    });
  // The same message sent twice at once: the second insert fails on the unique id, and the
  // retry finds the first one's message.
  const result = await send().catch((error: unknown) => {
    if (isUniqueViolation(error)) return send();
    throw error;
  });
  if (!result.ok) throw refusal(result.error);
  const { message, created } = result.value;
  return c.body(JSON.stringify(message), created ? 201 : 200, NO_STORE);
}

/** `POST …/read`: the other side's messages up to `upTo` were shown. */
export async function markRead(
  c: Context<AppEnv>,
  ctx: AppContext,
  id: string,
  actor: ChatActor,
): Promise<Response> {
  const input = parse(ChatReadSchema, await readJsonBody(c, ctx.bodyLimit));
  const upTo = seqOf(input.upTo);
  if (upTo === undefined) {
    throw invalid([{ field: 'upTo', pointer: '/upTo', code: 'invalid_format' }]);
  }
  const result = await ctx.store.write('markChatRead', {
    id,
    actor,
    upTo,
    at: ctx.now().toISOString(),
  });
  if (!result.ok) throw refusal(result.error);
  return c.body(null, 204, NO_CONTENT);
}

/** `POST …/typing`: the caller started or stopped typing. */
export async function setTyping(
  c: Context<AppEnv>,
  ctx: AppContext,
  id: string,
  actor: ChatActor,
): Promise<Response> {
  const input = parse(ChatTypingSchema, await readJsonBody(c, ctx.bodyLimit));
  const result = await ctx.store.write('chatTyping', {
    id,
    actor,
    typing: input.typing,
    at: ctx.now().toISOString(),
  });
  if (!result.ok) throw refusal(result.error);
  return c.body(null, 204, NO_CONTENT);
}

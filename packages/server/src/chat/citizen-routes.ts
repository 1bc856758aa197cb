import { openingState } from '@kontakt/core/calendar';
import type { ChatAvailability, ChatSessionAccess } from '@kontakt/core/schemas';
import {
  ChatCloseSchema,
  ChatSessionIdSchema,
  ChatStartSchema,
  ChatTokenSchema,
  ChatTranscriptRequestSchema,
} from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { isOriginAllowedFor } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { departmentParam } from '../http/department-param.js';
import { ProblemError } from '../http/http-error.js';
import { invalid, parse } from '../http/validation.js';
import { sha256Hex } from '../idempotency.js';
import { rateLimitKey } from '../middleware/client-address.js';
import { randomToken } from '../random-token.js';
import type { ChatActor } from './access.js';
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
import { callbackOffered, chatHoursOf, queueOf } from './settings.js';
import { markRead, sendMessage, setTyping } from './speaking.js';
import { chatStream } from './streams.js';

/** Availability changes slowly; a short cache spares the store a page full of bubbles. */
const AVAILABILITY_MAX_AGE = 15;

/**
 * A citizen's chat, under `/v1/chat` (CORS as the other citizen routes; the session's bearer
 * token on everything after the start, never in a URL):
 * - `GET /availability?department=` → `ChatAvailability`;
 * - `POST /sessions` (`ChatStart`) → 201 `ChatSessionAccess`; while closed 409 `chat_closed` with
 *   `opensAt`;
 * - `GET /sessions/{id}` → `ChatSession`; `GET /sessions/{id}/stream`: SSE with `CHAT_EVENTS`;
 * - `POST /sessions/{id}/messages` (`ChatSend`) → 201 `ChatMessage` (200: the same
 *   `clientMessageId` again); `POST …/read`, `…/typing` → 204; `POST …/close` → `ChatSession`;
 *   `POST …/transcript` → 202.
 * Unknown ids and wrong tokens get one and the same 404 `chat_not_found`.
 */
export function chatCitizenRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const wake = () => chatRuntimeOf(ctx).wake();
  const starts = new ChatLimit(settingsOf(ctx).startLimit, 'new chats');
  const messages = new ChatLimit({ windowMs: 60_000, max: 30, burst: 10 }, 'messages');
  const signals = new ChatLimit({ windowMs: 60_000, max: 60, burst: 20 }, 'updates');
  // Session routes are not on the API's per-address budget (`isChatSessionPath`): their own,
  // roomy enough for a library's computers behind one address all chatting at once.
  const perAddress = new ChatLimit({ windowMs: 60_000, max: 600, burst: 100 }, 'chat requests');
  routes.use('/sessions/*', async (c, next) => {
    perAddress.take(rateLimitKey(c.get('clientAddress')), ctx.now());
    await next();
  });

  /** The session id and the citizen's proof; a malformed one is looked up and fails as unknown. */
  const citizenOf = (c: Context<AppEnv>): { id: string; actor: ChatActor } => {
    const id = sessionIdOf(c);
    const match = /^Bearer +(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    const token = match?.[1] ?? '';
    const wellFormed =
      ChatSessionIdSchema.safeParse(id).success && ChatTokenSchema.safeParse(token).success;
    // A hash of nothing still costs a hash: malformed and wrong tokens take the same path.
    const tokenHash = sha256Hex(wellFormed ? token : `not a token ${token}`);
    return { id: wellFormed ? id : 'chat_unknown', actor: { role: 'citizen', tokenHash } };
  };

  routes.get('/availability', async (c) => {
    const department = departmentParam(c, ctx);
    const at = ctx.now();
    const state = openingState(chatHoursOf(settingsOf(ctx), department), at);
    const queue = await ctx.store.read('chatQueueLength', queueOf(settingsOf(ctx), department.id));
    const availability: ChatAvailability = {
      department: department.id,
      open: state.open,
      ...(state.closesAt ? { closesAt: state.closesAt.toISOString() } : {}),
      ...(state.opensAt ? { opensAt: state.opensAt.toISOString() } : {}),
      timeZone: chatHoursOf(settingsOf(ctx), department).timeZone,
      week: state.week,
      agentsAvailable: await ctx.store.read('chatAgentsAvailable', department.id, at.toISOString()),
      queue,
      callback: callbackOffered(settingsOf(ctx), department.id),
    };
    return c.body(JSON.stringify(availability), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': `public, max-age=${AVAILABILITY_MAX_AGE}`,
    });
  });

  routes.post('/sessions', async (c) => {
    starts.take(rateLimitKey(c.get('clientAddress')), ctx.now());
    const input = parse(ChatStartSchema, await readJsonBody(c, ctx.bodyLimit));
    const department = ctx.departments.get(input.department);
    if (!department) {
      throw invalid([{ field: 'department', pointer: '/department', code: 'unknown_department' }]);
    }
    const origin = c.req.header('Origin');
    if (origin !== undefined && !isOriginAllowedFor(ctx, department, origin, c)) {
      throw new ProblemError(403, 'origin_not_allowed', {
        detail: `Pages on ${origin} may not start chats with the department ${department.id}.`,
      });
    }
    const at = ctx.now();
    const state = openingState(chatHoursOf(settingsOf(ctx), department), at);
    if (!state.open) {
      throw new ProblemError(409, 'chat_closed', {
        detail: state.opensAt
          ? `The contact center opens again at ${state.opensAt.toISOString()}.`
          : 'The contact center has no opening hours for chat.',
        ...(state.opensAt ? { extensions: { opensAt: state.opensAt.toISOString() } } : {}),
      });
    }
    const token = randomToken(32);
    const session = await ctx.store.write('startChat', {
      id: `chat_${randomToken(16).slice(0, 22)}`,
      tokenHash: sha256Hex(token),
      department: department.id,
      queue: queueOf(settingsOf(ctx), department.id),
      locale: input.locale,
      pageUrl: input.origin.pageUrl,
      widget: input.origin.widget,
      name: input.name || undefined,
      message: input.message
        ? { text: input.message, clientMessageId: input.clientMessageId }
        : undefined,
      at: at.toISOString(),
    });
    wake();
    const access: ChatSessionAccess = { session, token };
    return c.body(JSON.stringify(access), 201, NO_STORE);
  });

  routes.get('/sessions/:id', async (c) => {
    const { id, actor } = citizenOf(c);
    const result = await ctx.store.write('fetchChat', id, actor, ctx.now().toISOString());
    if (!result.ok) throw chatNotFound();
    return c.body(JSON.stringify(result.value), 200, NO_STORE);
  });

  routes.get('/sessions/:id/stream', async (c) => {
    const { id, actor } = citizenOf(c);
    const at = ctx.now();
    const result = await ctx.store.write('chatConnected', {
      id,
      actor,
      until: connectedUntil(at),
      at: at.toISOString(),
      typingSince: typingSince(at),
    });
    if (!result.ok) throw chatNotFound();
    // The whole stream from its start without a last id: nothing said before it opened is
    // missed, and the client knows each message by its id. It ends every minute and is opened
    // again with the last id, which renews "connected" (delivered receipts).
    const stream = await ctx.hub.respond(c, chatStream(id), {
      from: 'start',
      maxDurationMs: CHAT_STREAM_MS,
    });
    // While it is open, this instance says the citizen is there (not for a HEAD: no stream).
    if (c.req.method !== 'HEAD') chatRuntimeOf(ctx).keepSeen(id, c.req.raw.signal);
    return stream;
  });

  routes.post('/sessions/:id/messages', async (c) => {
    const { id, actor } = citizenOf(c);
    messages.take(id, ctx.now());
    return sendMessage(c, ctx, id, actor);
  });

  routes.post('/sessions/:id/read', async (c) => {
    const { id, actor } = citizenOf(c);
    signals.take(id, ctx.now());
    return markRead(c, ctx, id, actor);
  });

  routes.post('/sessions/:id/typing', async (c) => {
    const { id, actor } = citizenOf(c);
    signals.take(id, ctx.now());
    return setTyping(c, ctx, id, actor);
  });

  routes.post('/sessions/:id/close', async (c) => {
    const { id, actor } = citizenOf(c);
    const input = parse(ChatCloseSchema, await readJsonBody(c, ctx.bodyLimit));
    const at = ctx.now();
    const result = await ctx.store.write('endChat', id, actor, {
      endedBy: 'citizen',
      at: at.toISOString(),
      answerBy: answerByOf(ctx, at),
      transcriptTo: input.transcriptTo,
    });
    if (!result.ok) throw refusal(result.error);
    wake();
    const session = await ctx.store.read('citizenChat', id);
    return c.body(JSON.stringify(session), 200, NO_STORE);
  });

  routes.post('/sessions/:id/transcript', async (c) => {
    const { id, actor } = citizenOf(c);
    signals.take(id, ctx.now());
    const input = parse(ChatTranscriptRequestSchema, await readJsonBody(c, ctx.bodyLimit));
    const result = await ctx.store.write('requestTranscript', {
      id,
      actor,
      email: input.email,
      at: ctx.now().toISOString(),
    });
    if (!result.ok) throw refusal(result.error);
    return c.body(null, 202, { 'Cache-Control': 'no-store' });
  });

  return routes;
}

/** `/v1/chat/sessions/{id}` and below: a session's own routes, limited by `chatCitizenRoutes`. */
export const isChatSessionPath = (path: string): boolean =>
  /^\/v1\/chat\/sessions\/[^/]+(\/[^/]+)?$/.test(path);

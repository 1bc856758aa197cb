/*
 * `client.chat`'s work, loaded when the chat is first used (`chat.ts`): a client that never
 * chats (the contact form's) carries none of it — not the chat schemas, not the conversation.
 */
import * as z from 'zod/mini';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import {
  ChatAvailabilitySchema,
  ChatMessageTextSchema,
  ChatSessionIdSchema,
  ChatStartSchema,
  ChatTokenSchema,
  ClientMessageIdSchema,
} from '../schemas/chat.js';
import { DateTimeSchema } from '../schemas/common.js';
import { toFieldErrors } from '../schemas/index.js';
import type { ChatContext, ChatResource } from './chat.js';
import { sessionApi, startSession } from './chat-api.js';
import { ChatConversation } from './chat-conversation.js';
import { originOf } from './submission-parts.js';

/**
 * What `resume()` takes, checked like any input from outside: it usually comes back from
 * `sessionStorage`, where anything on the page could have written it.
 */
const ChatConversationRecordSchema = z.object({
  id: ChatSessionIdSchema,
  token: ChatTokenSchema,
  lastEventId: z.optional(z.nullable(z.string().check(z.maxLength(256)))),
  unsent: z.optional(
    z.array(
      z.object({
        clientMessageId: ClientMessageIdSchema,
        text: ChatMessageTextSchema,
        sentAt: DateTimeSchema,
      }),
    ),
  ),
});

export function chatResource(context: ChatContext): ChatResource {
  const { http, department } = context;
  return {
    async availability(options = {}) {
      try {
        return await http
          .get('v1/chat/availability', {
            searchParams: { department },
            ...(options.signal ? { signal: options.signal } : {}),
          })
          .json(ChatAvailabilitySchema);
      } catch (error) {
        throw toKontaktError(error);
      }
    },
    async start(input, options = {}) {
      const { origin: where = {}, ...rest } = input;
      const body = {
        ...rest,
        department,
        origin: originOf(context, where),
        ...(rest.message !== undefined && rest.clientMessageId === undefined
          ? { clientMessageId: createIdempotencyKey() }
          : {}),
      };
      const parsed = ChatStartSchema.safeParse(body);
      if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
      const access = await startSession(http, parsed.data, options.signal);
      return new ChatConversation({
        api: sessionApi(http, access.session.id, access.token),
        endpoint: context.endpoint,
        fetch: context.fetch,
        session: access.session,
        signal: options.signal,
      });
    },
    async resume(record, options = {}) {
      const parsed = ChatConversationRecordSchema.safeParse(record);
      if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
      const { id, token, lastEventId, unsent } = parsed.data;
      const api = sessionApi(http, id, token);
      const session = await api.get(options.signal);
      return new ChatConversation({
        api,
        endpoint: context.endpoint,
        fetch: context.fetch,
        session,
        lastEventId: lastEventId ?? undefined,
        unsent,
        signal: options.signal,
      });
    },
  };
}

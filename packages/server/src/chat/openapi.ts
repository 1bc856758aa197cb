/* The chat routes in the OpenAPI document, from the same zod schemas the routes validate with. */
import {
  AgentChatQueueSchema,
  AgentChatSchema,
  EndChatInputSchema,
  HandoverInputSchema,
  PresenceInputSchema,
  TakeChatInputSchema,
} from '@kontakt/core/agent';
import {
  ChatAvailabilitySchema,
  ChatCloseSchema,
  ChatMessageSchema,
  ChatReadSchema,
  ChatReceiptSchema,
  ChatSendSchema,
  ChatSessionAccessSchema,
  ChatSessionSchema,
  ChatSessionStateSchema,
  ChatStartSchema,
  ChatTranscriptRequestSchema,
  ChatTypingEventSchema,
  ChatTypingSchema,
} from '@kontakt/core/schemas';
import { agentOperation } from '../routes/openapi-agent.js';
import type { JsonObject } from '../routes/openapi-parts.js';
import { COMMON_PROBLEMS, json, jsonSchema, problem, ref } from '../routes/openapi-parts.js';
import { eventStreamParameters, eventStreamResponse } from '../sse/openapi.js';

export const CHAT_SECURITY_SCHEMES = {
  chatToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The session token of `POST /v1/chat/sessions` (43 URL-safe characters). Never in a URL.',
  },
};

const ID_PATH = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The chat session id (`chat_` and 22 URL-safe characters).',
  schema: { type: 'string' },
};

const NO_STORE = { 'Cache-Control': { description: '`no-store`.', schema: { type: 'string' } } };
const NOT_FOUND = problem(
  'No such chat, or the token is wrong (`chat_not_found`): the same answer for both.',
);
const ENDED = problem('The chat has ended (`chat_ended`).');
const INVALID = problem('Invalid fields (`validation_failed`, with `errors`).');
const BODY_PROBLEMS = {
  '400': problem('Body is not JSON (`invalid_json`).'),
  '413': problem('Body too large (`payload_too_large`).'),
  '415': problem('Body is not `application/json` (`unsupported_media_type`).'),
  '422': INVALID,
};

/** The events of a session's stream, for both sides. */
const SESSION_EVENTS = {
  'chat.message': {
    description: 'A new message: the citizen’s, the agent’s, or the server’s (`system`).',
    data: ref('ChatMessage'),
  },
  'chat.receipt': {
    description: 'Messages of `role` up to `upTo` are now at least `state` (delivered, read).',
    data: ref('ChatReceipt'),
  },
  'chat.typing': {
    description: 'A side started or stopped typing. May be missed; clients time it out.',
    data: ref('ChatTypingEvent'),
  },
  'chat.session': {
    description:
      'The session changed: its place in the queue, an agent joined, it ended; also when a taken chat’s citizen goes away or comes back (agents read `AgentChat` again for `citizenConnected`).',
    data: ref('ChatSessionState'),
  },
};

const noContent = (description: string) => ({ '204': { description, headers: NO_STORE } });

/** A citizen's action on their session (Bearer). */
function citizenAction(operation: JsonObject & { responses: JsonObject }): JsonObject {
  return {
    ...operation,
    security: [{ chatToken: [] }],
    parameters: [ID_PATH],
    responses: { ...operation.responses, ...BODY_PROBLEMS, '404': NOT_FOUND, ...COMMON_PROBLEMS },
  };
}

/** An agent's action on a chat they hold. */
function agentAction(operation: JsonObject & { responses: JsonObject }): JsonObject {
  return agentOperation(
    {
      ...operation,
      parameters: [ID_PATH],
      responses: { ...operation.responses, ...BODY_PROBLEMS, '404': NOT_FOUND },
    },
    { changes: true, forbidden: 'Another agent holds this chat (`forbidden`).' },
  );
}

export function chatPaths(): JsonObject {
  const session = '/v1/chat/sessions/{id}';
  const agentSession = '/v1/agent/chat/sessions/{id}';
  return {
    '/v1/chat/availability': {
      get: {
        operationId: 'chatAvailability',
        summary:
          'Open now or not, until when or from when, the coming week, and the queue a new chat would join.',
        parameters: [
          { name: 'department', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'The availability (`Cache-Control: public, max-age=15`).',
            content: json(ref('ChatAvailability')),
          },
          '404': problem('No such department (`department_not_found`).'),
          '422': problem('No `department` given (`validation_failed`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/chat/sessions': {
      post: {
        operationId: 'startChat',
        summary: 'Start a chat: it joins the queue, with the first message if given.',
        requestBody: { required: true, content: json(ref('ChatStart')) },
        responses: {
          '201': {
            description: 'The session and its token (keep it: it is needed for everything after).',
            headers: NO_STORE,
            content: json(ref('ChatSessionAccess')),
          },
          ...BODY_PROBLEMS,
          '403': problem(
            'The page origin may not chat with this department (`origin_not_allowed`).',
          ),
          '409': problem(
            'Closed now (`chat_closed`); the problem document has `opensAt`, the next opening (ISO 8601).',
          ),
          '429': {
            ...COMMON_PROBLEMS['429'],
            description:
              'Too many new chats from this address (`rate_limited`); see `Retry-After`.',
          },
          '500': COMMON_PROBLEMS['500'],
        },
      },
    },
    [session]: {
      get: {
        operationId: 'getChat',
        summary: 'The session with every message (marks the agent’s messages delivered).',
        security: [{ chatToken: [] }],
        parameters: [ID_PATH],
        responses: {
          '200': {
            description: 'The session.',
            headers: NO_STORE,
            content: json(ref('ChatSession')),
          },
          '404': NOT_FOUND,
          ...COMMON_PROBLEMS,
        },
      },
    },
    [`${session}/stream`]: {
      get: {
        operationId: 'streamChat',
        summary: 'The session live: messages, receipts, typing, its state.',
        security: [{ chatToken: [] }],
        parameters: [ID_PATH, ...eventStreamParameters()],
        responses: {
          '200': eventStreamResponse({
            description:
              'Every event of the session from its start (or after `Last-Event-ID`). Ends every minute with `reconnect` (reason `recheck`); reconnect with the last id.',
            events: SESSION_EVENTS,
          }),
          '404': NOT_FOUND,
          ...COMMON_PROBLEMS,
        },
      },
    },
    [`${session}/messages`]: {
      post: citizenAction({
        operationId: 'sendChatMessage',
        summary: 'Send a message; the same `clientMessageId` again answers the stored one (200).',
        requestBody: { required: true, content: json(ref('ChatSend')) },
        responses: {
          '201': { description: 'Stored.', headers: NO_STORE, content: json(ref('ChatMessage')) },
          '200': {
            description: 'Sent before with this `clientMessageId`: the stored message.',
            headers: NO_STORE,
            content: json(ref('ChatMessage')),
          },
          '409': ENDED,
        },
      }),
    },
    [`${session}/read`]: {
      post: citizenAction({
        operationId: 'readChat',
        summary: 'Everything up to `upTo` has been shown to the citizen.',
        requestBody: { required: true, content: json(ref('ChatRead')) },
        responses: noContent('Noted; the agent gets a `chat.receipt`.'),
      }),
    },
    [`${session}/typing`]: {
      post: citizenAction({
        operationId: 'chatTyping',
        summary: 'The citizen is typing (or stopped).',
        requestBody: { required: true, content: json(ref('ChatTyping')) },
        responses: { ...noContent('Told to the agent.'), '409': ENDED },
      }),
    },
    [`${session}/close`]: {
      post: citizenAction({
        operationId: 'closeChat',
        summary: 'End the chat (also: leave the queue); it is stored as a case.',
        requestBody: { required: true, content: json(ref('ChatClose')) },
        responses: {
          '200': {
            description: 'Ended, with `caseReference`.',
            headers: NO_STORE,
            content: json(ref('ChatSession')),
          },
          '409': ENDED,
        },
      }),
    },
    [`${session}/transcript`]: {
      post: citizenAction({
        operationId: 'mailChatTranscript',
        summary: 'Mail the transcript to this address (at the end, or now when it has ended).',
        requestBody: { required: true, content: json(ref('ChatTranscriptRequest')) },
        responses: { '202': { description: 'Queued for sending.', headers: NO_STORE } },
      }),
    },
    '/v1/agent/chat/queue': {
      get: agentOperation({
        operationId: 'agentChatQueue',
        summary: 'Waiting chats (of my departments), my chats, call-backs, and who is available.',
        responses: {
          '200': {
            description: 'The queue.',
            headers: NO_STORE,
            content: json(ref('AgentChatQueue')),
          },
        },
      }),
    },
    '/v1/agent/chat/stream': {
      get: agentOperation({
        operationId: 'streamAgentChat',
        summary: 'The queue live, and offers of chats to me. Keeps me counted as at the console.',
        parameters: eventStreamParameters(),
        responses: {
          '200': eventStreamResponse({
            description:
              'From now (or after `Last-Event-ID`); ends every minute (`recheck`) and at the session’s end.',
            events: {
              'chat.queue': {
                description:
                  'The queue, presence or one of my chats changed: read the queue again.',
                data: { type: 'object', properties: { id: { type: 'string' } } },
              },
              'chat.offer': {
                description: 'This waiting chat is offered to me: take it, or let the offer pass.',
                data: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
              },
            },
          }),
        },
      }),
    },
    '/v1/agent/chat/presence': {
      put: agentOperation(
        {
          operationId: 'setChatPresence',
          summary: 'Available, busy or away.',
          requestBody: { required: true, content: json(ref('PresenceInput')) },
          responses: { ...noContent('Set.'), ...BODY_PROBLEMS },
        },
        { changes: true },
      ),
    },
    '/v1/agent/chat/take': {
      post: agentOperation(
        {
          operationId: 'takeChat',
          summary: 'Take a waiting chat, or the next one in line.',
          requestBody: { required: true, content: json(ref('TakeChatInput')) },
          responses: {
            '200': { description: 'Mine now.', headers: NO_STORE, content: json(ref('AgentChat')) },
            ...BODY_PROBLEMS,
            '404': NOT_FOUND,
            '409': problem(
              'Taken by someone else, ended, or none waiting (`chat_not_waiting`); or I hold `maxChatsPerAgent` chats already (`agent_at_capacity`).',
            ),
          },
        },
        { changes: true },
      ),
    },
    [agentSession]: {
      get: agentOperation({
        operationId: 'getAgentChat',
        summary: 'One chat with its messages.',
        parameters: [ID_PATH],
        responses: {
          '200': { description: 'The chat.', headers: NO_STORE, content: json(ref('AgentChat')) },
          '404': NOT_FOUND,
        },
      }),
    },
    [`${agentSession}/stream`]: {
      get: agentOperation({
        operationId: 'streamAgentChatSession',
        summary: 'One chat live, with the citizen stream’s events.',
        parameters: [ID_PATH, ...eventStreamParameters()],
        responses: {
          '200': eventStreamResponse({
            description: 'Every event of the session from its start (or after `Last-Event-ID`).',
            events: SESSION_EVENTS,
          }),
          '404': NOT_FOUND,
        },
      }),
    },
    [`${agentSession}/messages`]: {
      post: agentAction({
        operationId: 'sendAgentChatMessage',
        summary: 'Answer in a chat I hold (idempotent by `clientMessageId`).',
        requestBody: { required: true, content: json(ref('ChatSend')) },
        responses: {
          '201': { description: 'Stored.', content: json(ref('ChatMessage')) },
          '200': {
            description: 'Sent before: the stored message.',
            content: json(ref('ChatMessage')),
          },
          '409': ENDED,
        },
      }),
    },
    [`${agentSession}/read`]: {
      post: agentAction({
        operationId: 'readAgentChat',
        summary: 'I have read the citizen’s messages up to `upTo`.',
        requestBody: { required: true, content: json(ref('ChatRead')) },
        responses: noContent('Noted; the citizen gets a `chat.receipt`.'),
      }),
    },
    [`${agentSession}/typing`]: {
      post: agentAction({
        operationId: 'agentChatTyping',
        summary: 'I am typing (or stopped).',
        requestBody: { required: true, content: json(ref('ChatTyping')) },
        responses: { ...noContent('Told to the citizen.'), '409': ENDED },
      }),
    },
    [`${agentSession}/handover`]: {
      post: agentAction({
        operationId: 'handOverChat',
        summary: 'Hand the chat to another available agent (audited).',
        requestBody: { required: true, content: json(ref('HandoverInput')) },
        responses: {
          '200': { description: 'Theirs now.', content: json(ref('AgentChat')) },
          '409': problem(
            'They are not available (`agent_not_available`), or the chat ended (`chat_ended`).',
          ),
        },
      }),
    },
    [`${agentSession}/end`]: {
      post: agentAction({
        operationId: 'endAgentChat',
        summary: 'End the chat with a reason for contact: it is stored as a case (audited).',
        requestBody: { required: true, content: json(ref('EndChatInput')) },
        responses: {
          '200': { description: 'Ended, with `caseReference`.', content: json(ref('AgentChat')) },
          '409': ENDED,
        },
      }),
    },
  };
}

export function chatSchemas(): JsonObject {
  return {
    ChatAvailability: jsonSchema(ChatAvailabilitySchema, 'output'),
    ChatStart: jsonSchema(ChatStartSchema, 'input'),
    ChatSessionAccess: jsonSchema(ChatSessionAccessSchema, 'output'),
    ChatSession: jsonSchema(ChatSessionSchema, 'output'),
    ChatSessionState: jsonSchema(ChatSessionStateSchema, 'output'),
    ChatMessage: jsonSchema(ChatMessageSchema, 'output'),
    ChatReceipt: jsonSchema(ChatReceiptSchema, 'output'),
    ChatTypingEvent: jsonSchema(ChatTypingEventSchema, 'output'),
    ChatSend: jsonSchema(ChatSendSchema, 'input'),
    ChatRead: jsonSchema(ChatReadSchema, 'input'),
    ChatTyping: jsonSchema(ChatTypingSchema, 'input'),
    ChatClose: jsonSchema(ChatCloseSchema, 'input'),
    ChatTranscriptRequest: jsonSchema(ChatTranscriptRequestSchema, 'input'),
    AgentChatQueue: jsonSchema(AgentChatQueueSchema, 'output'),
    AgentChat: jsonSchema(AgentChatSchema, 'output'),
    PresenceInput: jsonSchema(PresenceInputSchema, 'input'),
    TakeChatInput: jsonSchema(TakeChatInputSchema, 'input'),
    HandoverInput: jsonSchema(HandoverInputSchema, 'input'),
    EndChatInput: jsonSchema(EndChatInputSchema, 'input'),
  };
}

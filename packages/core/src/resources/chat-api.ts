/*
 * The citizen's chat requests, one function each: ky for the request, the contract's zod/mini
 * schema for the answer, the SDK's typed errors for every failure. The session token travels in
 * the `Authorization` header, never in a URL.
 */
import type { KyInstance, Options } from 'ky';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import type {
  ChatClose,
  ChatMessage,
  ChatRead,
  ChatSend,
  ChatSession,
  ChatSessionAccess,
  ChatStart,
} from '../schemas/chat.js';
import { ChatMessageSchema, ChatSessionAccessSchema, ChatSessionSchema } from '../schemas/chat.js';

/** One session's requests, bound to its id and token. */
export interface ChatSessionApi {
  readonly id: string;
  readonly token: string;
  get(signal?: AbortSignal): Promise<ChatSession>;
  /** One try, never retried here: the conversation's sender decides about retries. */
  send(message: ChatSend, signal?: AbortSignal): Promise<ChatMessage>;
  read(read: ChatRead, signal?: AbortSignal): Promise<void>;
  typing(typing: boolean, signal?: AbortSignal): Promise<void>;
  close(close: ChatClose, signal?: AbortSignal): Promise<ChatSession>;
  transcript(email: string, signal?: AbortSignal): Promise<void>;
}

/** Runs a request, mapping whatever it throws to the SDK's errors. */
async function request<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toKontaktError(error);
  }
}

const signalOf = (signal: AbortSignal | undefined): Options => (signal ? { signal } : {});

/** `POST /v1/chat/sessions`. Not retried: a second try could start a second chat. */
export function startSession(
  http: KyInstance,
  body: ChatStart,
  signal?: AbortSignal,
): Promise<ChatSessionAccess> {
  return request(() =>
    http
      .post('v1/chat/sessions', { json: body, retry: 0, ...signalOf(signal) })
      .json(ChatSessionAccessSchema),
  );
}

/** The requests of session `id`, authorised with its `token`. */
export function sessionApi(http: KyInstance, id: string, token: string): ChatSessionApi {
  const base = `v1/chat/sessions/${encodeURIComponent(id)}`;
  const headers = { authorization: `Bearer ${token}` };
  const post = (path: string, json: unknown, signal: AbortSignal | undefined) =>
    http.post(`${base}/${path}`, { json, headers, retry: 0, ...signalOf(signal) });
  return {
    id,
    token,
    get: (signal) =>
      request(() => http.get(base, { headers, ...signalOf(signal) }).json(ChatSessionSchema)),
    send: (message, signal) =>
      request(() => post('messages', message, signal).json(ChatMessageSchema)),
    read: (read, signal) => request(async () => void (await post('read', read, signal))),
    typing: (typing, signal) =>
      request(async () => void (await post('typing', { typing }, signal))),
    close: (close, signal) => request(() => post('close', close, signal).json(ChatSessionSchema)),
    transcript: (email, signal) =>
      request(async () => void (await post('transcript', { email }, signal))),
  };
}

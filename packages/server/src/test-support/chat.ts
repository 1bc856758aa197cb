/**
 * Helpers of the chat tests: a citizen and an agent over real HTTP, and an SSE stream read event
 * by event that a test can cut and resume.
 */
import type { AgentChat, AgentChatQueue } from '@kontakt/core/agent';
import type { ChatMessage, ChatSession, ChatSessionAccess } from '@kontakt/core/schemas';
import type { TestSession } from './agents.js';

export interface SseEvent {
  id: string | undefined;
  type: string;
  data: unknown;
}

/** An open event stream: the events so far, a wait for more, and a way to cut it. */
export interface OpenStream {
  readonly events: SseEvent[];
  /** The id of the last event received. */
  lastId(): string | undefined;
  /** Resolves once `predicate` holds for the events received (rejects after `timeoutMs`). */
  until(
    predicate: (events: SseEvent[]) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<void>;
  /** Cuts the connection, as a dropped network would. */
  cut(): void;
  /** Resolves when the server ended the stream or it was cut. */
  readonly ended: Promise<void>;
}

/** Opens `url` as an event stream with `headers` (`Last-Event-ID` among them to resume). */
export async function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`The stream answered ${response.status}: ${await response.text()}`);
  }
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parseBlock(block);
          if (event) {
            events.push(event);
            for (const wake of waiters) wake();
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Cut: the test did it.
    } finally {
      for (const wake of waiters) wake();
    }
  })();
  return {
    events,
    ended,
    lastId: () => events.findLast((event) => event.id !== undefined)?.id,
    cut: () => abort.abort(),
    until(predicate, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(events)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting for ${what}; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

function parseBlock(block: string): SseEvent | undefined {
  let id: string | undefined;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return undefined;
  const text = data.join('\n');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { id, type, data: parsed };
}

/** The messages among stream events, in order. */
export const messagesOf = (events: readonly SseEvent[]): ChatMessage[] =>
  events.filter((event) => event.type === 'chat.message').map((event) => event.data as ChatMessage);

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A citizen on `url`: starts a chat and acts in it with its token. */
export class TestCitizen {
  id = '';
  token = '';
  url: string;

  constructor(url: string) {
    this.url = url;
  }

  get auth(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }

  /** Starts a chat with `gata` (or as `body` says); throws unless 201. */
  async start(body: Record<string, unknown> = {}): Promise<ChatSession> {
    const response = await fetch(`${this.url}/v1/chat/sessions`, json(startBody(body)));
    if (response.status !== 201)
      throw new Error(`start: ${response.status} ${await response.text()}`);
    const access = (await response.json()) as ChatSessionAccess;
    this.id = access.session.id;
    this.token = access.token;
    return access.session;
  }

  post(action: string, body: unknown): Promise<Response> {
    return fetch(`${this.url}/v1/chat/sessions/${this.id}/${action}`, json(body, this.auth));
  }

  async send(text: string, clientMessageId: string = crypto.randomUUID()): Promise<ChatMessage> {
    const response = await this.post('messages', { clientMessageId, text });
    if (response.status !== 201)
      throw new Error(`send: ${response.status} ${await response.text()}`);
    return (await response.json()) as ChatMessage;
  }

  async get(): Promise<ChatSession> {
    const response = await fetch(`${this.url}/v1/chat/sessions/${this.id}`, { headers: this.auth });
    if (response.status !== 200) throw new Error(`get: ${response.status}`);
    return (await response.json()) as ChatSession;
  }

  stream(lastEventId?: string): Promise<OpenStream> {
    return openStream(`${this.url}/v1/chat/sessions/${this.id}/stream`, {
      ...this.auth,
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    });
  }
}

/** A valid `POST /v1/chat/sessions` body for `gata`. */
export function startBody(body: Record<string, unknown> = {}) {
  return {
    department: 'gata',
    locale: 'sv',
    origin: {
      department: 'gata',
      pageUrl: 'https://gata.example.se/parkering/boendeparkering',
      widget: 'kc-chat-bubble',
    },
    message: 'Hej! Hur söker jag boendeparkering?',
    clientMessageId: crypto.randomUUID(),
    ...body,
  };
}

/** A signed-in agent's chat actions over HTTP. */
export class TestAgent {
  constructor(
    readonly url: string,
    readonly session: TestSession,
  ) {}

  post(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.url}/v1/agent/chat${path}`, json(body, this.session.headers));
  }

  async presence(presence: 'available' | 'busy' | 'away'): Promise<void> {
    const response = await fetch(`${this.url}/v1/agent/chat/presence`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...this.session.headers },
      body: JSON.stringify({ presence }),
    });
    if (response.status !== 204)
      throw new Error(`presence: ${response.status} ${await response.text()}`);
  }

  async queue(): Promise<AgentChatQueue> {
    const response = await fetch(`${this.url}/v1/agent/chat/queue`, {
      headers: this.session.headers,
    });
    if (response.status !== 200)
      throw new Error(`queue: ${response.status} ${await response.text()}`);
    return (await response.json()) as AgentChatQueue;
  }

  async take(id?: string): Promise<AgentChat> {
    const response = await this.post('/take', id ? { id } : {});
    if (response.status !== 200)
      throw new Error(`take: ${response.status} ${await response.text()}`);
    return (await response.json()) as AgentChat;
  }

  async send(id: string, text: string): Promise<ChatMessage> {
    const response = await this.post(`/sessions/${id}/messages`, {
      clientMessageId: crypto.randomUUID(),
      text,
    });
    if (response.status !== 201)
      throw new Error(`send: ${response.status} ${await response.text()}`);
    return (await response.json()) as ChatMessage;
  }

  stream(): Promise<OpenStream> {
    return openStream(`${this.url}/v1/agent/chat/stream`, this.session.headers);
  }

  chatStream(id: string, lastEventId?: string): Promise<OpenStream> {
    return openStream(`${this.url}/v1/agent/chat/sessions/${id}/stream`, {
      ...this.session.headers,
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    });
  }
}

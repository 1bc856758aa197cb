/*
 * A scripted chat API on loopback for client.chat's tests (resources/chat-conversation.test.ts): real HTTP and a real event
 * stream (with `Last-Event-ID` replay), whose failures a test chooses (a dropped connection, a
 * 503 with `Retry-After`, a 422). The integration test runs the same flows against the real
 * kontakt server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage, ChatReceipt, ChatSession, ChatSessionState } from '../schemas/chat.js';

export const SESSION_ID = 'chat_AAAAAAAAAAAAAAAAAAAAAA';
export const TOKEN = 'T'.repeat(43);

/** What the peer answers one POST of a message with, instead of storing it. */
export type Scripted =
  | 'drop'
  | { status: number; headers?: Record<string, string>; body?: unknown };

interface LoggedEvent {
  id: number;
  type: string;
  data: unknown;
}

export async function startChatPeer() {
  const log: LoggedEvent[] = [];
  const streams = new Set<ServerResponse>();
  const messages: ChatMessage[] = [];
  const requests: { method: string; path: string; body: unknown; lastEventId?: string }[] = [];
  const scripts: Scripted[] = [];
  let state: ChatSessionState = {
    id: SESSION_ID,
    department: 'gata',
    status: 'queued',
    locale: 'sv',
    queue: { position: 1, estimatedWaitSeconds: 60 },
    startedAt: '2026-12-03T10:00:00Z',
  };
  let seq = 0;
  /** When set, the chat is closed until then: starts are refused. */
  let closedUntil: string | undefined;

  const session = (): ChatSession => ({ ...state, messages: [...messages] });
  const write = (res: ServerResponse, event: LoggedEvent) =>
    res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
  const emit = (type: string, data: unknown) => {
    const event = { id: log.length + 1, type, data };
    log.push(event);
    for (const res of streams) write(res, event);
  };
  const store = (
    role: ChatMessage['role'],
    text: string,
    clientMessageId?: string,
    extra: Partial<ChatMessage> = {},
  ) => {
    seq += 1;
    const message: ChatMessage = {
      id: `m${String(seq).padStart(6, '0')}`,
      ...(clientMessageId ? { clientMessageId } : {}),
      role,
      ...(role === 'agent' ? { authorName: 'Anna' } : {}),
      text,
      state: 'sent',
      sentAt: new Date().toISOString(),
      ...extra,
    };
    messages.push(message);
    emit('chat.message', message);
    return message;
  };

  const json = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) res.writeHead(status).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, code: string, extra = {}) => {
    res.writeHead(status, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'about:blank', title: code, status, code, ...extra }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    let text = '';
    for await (const chunk of req) text += chunk;
    const body: unknown = text ? JSON.parse(text) : undefined;
    const lastEventId = req.headers['last-event-id'] as string | undefined;
    requests.push({
      method: req.method ?? '',
      path,
      body,
      ...(lastEventId ? { lastEventId } : {}),
    });
    if (path === '/v1/chat/availability') {
      return json(res, 200, availability);
    }
    if (path === '/v1/chat/sessions' && req.method === 'POST' && closedUntil) {
      return problem(res, 409, 'chat_closed', { opensAt: closedUntil });
    }
    if (path === '/v1/chat/sessions' && req.method === 'POST') {
      const start = body as { message?: string; clientMessageId?: string };
      if (start.message) store('citizen', start.message, start.clientMessageId);
      return json(res, 201, { session: session(), token: TOKEN });
    }
    const base = `/v1/chat/sessions/${SESSION_ID}`;
    if (!path.startsWith(base)) return problem(res, 404, 'not_found');
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return problem(res, 404, 'chat_not_found');
    const action = path.slice(base.length);
    if (action === '' && req.method === 'GET') return json(res, 200, session());
    if (action === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('retry: 50\n\n');
      const after = Number(lastEventId ?? 0);
      for (const event of log) if (event.id > after) write(res, event);
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    if (action === '/messages') {
      const script = scripts.shift();
      if (script === 'drop') return req.socket.destroy();
      if (script) {
        res.writeHead(script.status, {
          'content-type': 'application/problem+json',
          ...script.headers,
        });
        return res.end(JSON.stringify(script.body ?? {}));
      }
      if (state.status === 'ended') return problem(res, 409, 'chat_ended');
      const send = body as { clientMessageId: string; text: string };
      const known = messages.find((each) => each.clientMessageId === send.clientMessageId);
      if (known) return json(res, 200, known);
      return json(res, 201, store('citizen', send.text, send.clientMessageId));
    }
    if (action === '/close') {
      state = { ...state, status: 'ended', caseReference: 'KC-7F3K-9QXM' };
      delete state.queue;
      store('system', '', undefined, { system: 'ended_by_citizen' });
      emit('chat.session', state);
      return json(res, 200, session());
    }
    if (['/read', '/typing'].includes(action)) return json(res, 204);
    if (action === '/transcript') return json(res, 202);
    return problem(res, 404, 'not_found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    messages,
    /** The next POSTs of a message get these answers, in order. */
    script(...answers: Scripted[]) {
      scripts.push(...answers);
    },
    /** Forgets the answers not given yet: messages are stored again. */
    unscript() {
      scripts.length = 0;
    },
    /** Closes the chat until `opensAt` (`undefined`: open again). */
    closeUntil(opensAt: string | undefined) {
      closedUntil = opensAt;
    },
    /** The agent ends the chat: the server's line, then the ended session. */
    agentEnds() {
      state = { ...state, status: 'ended', caseReference: 'KC-7F3K-9QXM' };
      store('system', '', undefined, { system: 'ended_by_agent' });
      emit('chat.session', state);
    },
    agentSays: (text: string) => store('agent', text),
    receipt: (receipt: ChatReceipt) => emit('chat.receipt', receipt),
    typing: (typing: boolean) => emit('chat.typing', { role: 'agent', typing }),
    setState(next: Partial<ChatSessionState>) {
      state = { ...state, ...next };
      emit('chat.session', state);
    },
    /** Replays an event already sent (as a server may after a reconnection). */
    replay(id: number) {
      const event = log.find((each) => each.id === id);
      if (event) for (const res of streams) write(res, event);
    },
    /** Cuts every open stream, as a dropped connection does. */
    cut() {
      for (const res of streams) res.socket?.destroy();
      streams.clear();
    },
    openStreams: () => streams.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ChatPeer = Awaited<ReturnType<typeof startChatPeer>>;

const availability = {
  department: 'gata',
  open: true,
  closesAt: '2026-12-03T16:00:00Z',
  timeZone: 'Europe/Stockholm',
  week: [{ date: '2026-12-03', opens: '08:00', closes: '17:00' }],
  agentsAvailable: 2,
  queue: { waiting: 0 },
  callback: true,
};

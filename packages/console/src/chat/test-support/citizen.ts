/**
 * A citizen in a chat, for the console's chat tests: the citizen's own HTTP API (`/v1/chat/…`)
 * with the session's Bearer token, and its event stream read with the core's SSE reader, so what
 * the agent does in the console is checked where the citizen would see it.
 */

import { EventStream } from '@kontakt/core/events';
import type { ChatMessage, ChatSessionAccess, ChatSessionState } from '@kontakt/core/schemas';
import { ChatSessionAccessSchema } from '@kontakt/core/schemas';
import type { TestServer } from '../../test-support/console-fixture.js';
import { endpointOf } from '../../test-support/console-fixture.js';

/** The page the test citizen chats from. */
export const CITIZEN_PAGE = 'https://gata.example.se/parkering/boendeparkering';

export class TestCitizen {
  readonly messages: ChatMessage[] = [];
  readonly receipts: { role: string; upTo: string; state: string }[] = [];
  session: ChatSessionState | undefined;
  readonly #endpoint: string;
  readonly #access: ChatSessionAccess;
  readonly #stream: EventStream;

  private constructor(endpoint: string, access: ChatSessionAccess) {
    this.#endpoint = endpoint;
    this.#access = access;
    this.session = access.session;
    this.messages.push(...access.session.messages);
    this.#stream = new EventStream(`${endpoint}/v1/chat/sessions/${access.session.id}/stream`, {
      headers: { authorization: `Bearer ${access.token}` },
    });
    this.#stream.addEventListener('chat.message', (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as ChatMessage;
      if (!this.messages.some((each) => each.id === message.id)) this.messages.push(message);
    });
    this.#stream.addEventListener('chat.receipt', (event: MessageEvent<string>) => {
      this.receipts.push(JSON.parse(event.data));
    });
    this.#stream.addEventListener('chat.session', (event: MessageEvent<string>) => {
      this.session = JSON.parse(event.data);
    });
  }

  /** Starts a chat on the `gata` department's page with a first message. */
  static async start(server: TestServer, name: string, message: string): Promise<TestCitizen> {
    const endpoint = endpointOf(server);
    const response = await fetch(`${endpoint}/v1/chat/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        department: 'gata',
        locale: 'sv',
        origin: { department: 'gata', pageUrl: CITIZEN_PAGE, widget: 'kc-chat-bubble' },
        name,
        message,
        clientMessageId: crypto.randomUUID(),
      }),
    });
    if (response.status !== 201) {
      throw new Error(`Chat not started: ${response.status} ${await response.text()}`);
    }
    return new TestCitizen(endpoint, ChatSessionAccessSchema.parse(await response.json()));
  }

  get id(): string {
    return this.#access.session.id;
  }

  /** The messages of `role` the citizen's stream has brought, as text. */
  texts(role: ChatMessage['role']): string[] {
    return this.messages.filter((message) => message.role === role).map((each) => each.text);
  }

  send(text: string): Promise<Response> {
    return this.#post('messages', { clientMessageId: crypto.randomUUID(), text });
  }

  typing(typing: boolean): Promise<Response> {
    return this.#post('typing', { typing });
  }

  close(): void {
    this.#stream.close();
  }

  async #post(action: string, body: unknown): Promise<Response> {
    const response = await fetch(
      `${this.#endpoint}/v1/chat/sessions/${this.#access.session.id}/${action}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.#access.token}`,
        },
        body: JSON.stringify(body),
      },
    );
    if (!response.ok) throw new Error(`${action}: ${response.status} ${await response.text()}`);
    return response;
  }
}

/** A call-back request from the `gata` department's page ("as soon as possible"); its case reference. */
export async function requestCallback(server: TestServer, name: string, phone: string) {
  const response = await fetch(`${endpointOf(server)}/v1/callbacks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      department: 'gata',
      locale: 'sv',
      origin: { department: 'gata', pageUrl: CITIZEN_PAGE, widget: 'kc-chat-bubble' },
      phone,
      name,
      note: 'Gäller parkeringstillstånd.',
      when: { asap: true },
    }),
  });
  if (response.status !== 201) {
    throw new Error(`Call-back not requested: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { reference: string }).reference;
}

import type { ClientOptions, KontaktClient, MessageClient } from '@kontakt/core';
import type { Context, ContextCallback } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Target } from './target.js';
import { toTarget } from './target.js';

/**
 * The client a `<kc-provider>` hands to the widgets inside it. The key is a string, not a symbol,
 * so that two copies of this package on one page (an embed loaded twice) still find each other.
 */
export const clientContext = 'kontakt/client' as Context<
  'kontakt/client',
  KontaktClient | undefined
>;

/** What a widget exposes for configuration; read at every update. */
export interface ClientSource {
  /** A client set from JavaScript; wins over everything else. */
  client: KontaktClient | undefined;
  /** Server base URL from the `endpoint` attribute. */
  endpoint: string | undefined;
  /** Department id from the `department` attribute. */
  department: string | undefined;
}

/** The server and department a widget talks to, known before any client is loaded. */
export interface ClientTarget extends Target {
  /** The client to use as it is, when one was set from JavaScript or handed down by a provider. */
  readonly client: KontaktClient | undefined;
}

/**
 * Makes a client; the SDK's `createClient` (or `createMessageClient`, for a widget that only
 * sends messages), which a widget loads only once it is used.
 */
export type CreateClient<C extends MessageClient = KontaktClient> = (options: ClientOptions) => C;

type Host = ReactiveControllerHost & HTMLElement & ClientSource;

/**
 * Decides which server and department a widget talks to: the `client` property, else the
 * element's own `endpoint` + `department`, else a surrounding provider's client (with the
 * element's `department` when it names another one). `target` is known at once, so the first
 * frame can start the department request and find the draft; the client itself (ky, the schemas,
 * the outbox) is made only when the widget has loaded `createClient`, and is cached per target so
 * the same attributes give the same client (and the same outbox listeners) across renders.
 */
export class ClientController implements ReactiveController {
  readonly #host: Host;
  /** The client a provider hands down, and how to stop hearing of its changes. */
  #provided: KontaktClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #made: { key: string; create: CreateClient<MessageClient>; client: MessageClient } | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** Where the widget sends to now, or `undefined` when it is not (validly) configured. */
  get target(): ClientTarget | undefined {
    const { client, endpoint, department } = this.#host;
    if (client) return targetOf(client, client);
    const provided = this.#provided;
    if (endpoint && department) return targetOf({ endpoint, department }, undefined);
    if (provided && department && department !== provided.department) {
      return targetOf({ endpoint: provided.endpoint, department }, undefined);
    }
    return provided ? targetOf(provided, provided) : undefined;
  }

  /**
   * The client for `target`: the one given (a whole `KontaktClient`), else one made with `create`
   * (and then kept for the same target and `create`).
   */
  client<C extends MessageClient>(create: CreateClient<C>): C | KontaktClient | undefined {
    const target = this.target;
    if (!target || target.client) return target?.client;
    if (this.#made?.key !== target.key || this.#made.create !== create) {
      const { endpoint, department } = target;
      this.#made = { key: target.key, create, client: create({ endpoint, department }) };
    }
    // Made by this very `create`: a C.
    return this.#made.client as C;
  }

  /**
   * Asks a surrounding provider for its client, subscribed to changes: the Context Community
   * Protocol's `context-request` event, which `@lit/context`'s `ContextProvider` answers. Sent by
   * hand rather than with its `ContextConsumer` (1.3 KB of every widget's first render).
   */
  hostConnected(): void {
    const callback: ContextCallback<KontaktClient | undefined> = (client, unsubscribe) => {
      if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
      this.#unsubscribe = unsubscribe;
      this.#provided = client;
      this.#host.requestUpdate();
    };
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: clientContext,
      contextTarget: this.#host,
      callback,
      subscribe: true,
    });
    this.#host.dispatchEvent(request);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

function targetOf(
  where: { endpoint: string; department: string },
  client: KontaktClient | undefined,
): ClientTarget | undefined {
  const target = toTarget(where.endpoint, where.department);
  return target && { ...target, client };
}

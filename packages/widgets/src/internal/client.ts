import type { KontaktClient } from '@kontakt/core';
import { createClient } from '@kontakt/core';
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The client a `<kc-provider>` hands to the widgets inside it. The key is a string, not a symbol,
 * so that two copies of this package on one page (an embed loaded twice) still find each other.
 */
export const clientContext = createContext<KontaktClient | undefined>('kontakt/client');

/** What a widget exposes for configuration; read at every update. */
export interface ClientSource {
  /** A client set from JavaScript; wins over everything else. */
  client: KontaktClient | undefined;
  /** Server base URL from the `endpoint` attribute. */
  endpoint: string | undefined;
  /** Department id from the `department` attribute. */
  department: string | undefined;
}

type Host = ReactiveControllerHost & HTMLElement & ClientSource;

/**
 * Gives a widget its `KontaktClient`: the `client` property, else one made from the element's own
 * `endpoint` + `department`, else the one from a surrounding provider (with the element's
 * `department` when it names another one). Clients it makes are cached per element, so the same
 * attributes give the same client (and the same outbox listeners) across renders.
 */
export class ClientController implements ReactiveController {
  private readonly host: Host;
  private readonly consumer: ContextConsumer<typeof clientContext, Host>;
  private made: { key: string; client: KontaktClient } | undefined;

  constructor(host: Host) {
    this.host = host;
    this.consumer = new ContextConsumer(host, { context: clientContext, subscribe: true });
    host.addController(this);
  }

  /** The client to use now, or `undefined` when the element is not configured. */
  get value(): KontaktClient | undefined {
    const { client, endpoint, department } = this.host;
    if (client) return client;
    const provided = this.consumer.value;
    if (endpoint && department) return this.make(endpoint, department);
    if (provided && department && department !== provided.department) {
      return this.make(provided.endpoint, department);
    }
    return provided;
  }

  hostConnected(): void {}

  private make(endpoint: string, department: string): KontaktClient {
    const key = `${endpoint}\n${department}`;
    if (this.made?.key !== key) this.made = { key, client: createClient({ endpoint, department }) };
    return this.made.client;
  }
}

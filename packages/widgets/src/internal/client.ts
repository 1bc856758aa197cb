import type { ClientOptions, KontaktClient, MessageClient } from '@kontakt/core';
import type { ReactiveControllerHost } from 'lit';
import type { ConfigurableWidget, SettingsTarget } from './settings.js';
import { SettingsController, widgetTarget } from './settings.js';

/** The server and department a widget talks to, known before any client is loaded. */
export type ClientTarget = SettingsTarget;

/**
 * Makes a client; the SDK's `createClient` (or `createMessageClient`, for a widget that only
 * sends messages), which a widget loads only once it is used.
 */
export type CreateClient<C extends MessageClient = KontaktClient> = (options: ClientOptions) => C;

type Host = ReactiveControllerHost & HTMLElement & ConfigurableWidget;

/**
 * Decides which server and department a widget talks to: the `client` property, else the
 * element's own `endpoint` and `department`, each taken from the nearest `<kc-provider>` (or
 * `configure()`) where the element names none (see `settingsTarget`). `target` is known at once,
 * so the first frame can start the department request and find the draft; the client itself (ky,
 * the schemas, the outbox) is made only when the widget has loaded `createClient`, and is cached
 * per target so the same attributes give the same client (and the same outbox listeners) across
 * renders.
 */
export class ClientController {
  readonly #host: Host;
  readonly #settings: SettingsController;
  #made: { key: string; create: CreateClient<MessageClient>; client: MessageClient } | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#settings = new SettingsController(host);
  }

  /** Where the widget sends to now, or `undefined` when it is not (validly) configured. */
  get target(): ClientTarget | undefined {
    return widgetTarget(this.#host, this.#settings.settings);
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
}

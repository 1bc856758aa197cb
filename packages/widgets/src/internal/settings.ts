import type { KontaktClient } from '@kontakt/core';
import type { Context, ContextCallback } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { Target } from './target.js';
import { toTarget } from './target.js';

/**
 * What a `<kc-provider>` (or `configure()`) hands down to the widgets inside it. A widget's own
 * attributes win over it, each on its own: a provider may name the endpoint alone and leave the
 * department to each widget.
 */
export interface KontaktSettings {
  /** The contact center's base URL, e.g. `https://kontakt.example.se`. */
  readonly endpoint?: string | undefined;
  /** The department whose pages these are (e.g. `gata`). */
  readonly department?: string | undefined;
  /**
   * A client made with `createClient` from `@kontakt/core`, used by the widgets that talk to its
   * endpoint and department (interceptors, retries, one outbox for all of them).
   */
  readonly client?: KontaktClient | undefined;
}

/**
 * The Context Community Protocol's key of the settings. A string, not a symbol, so that two
 * copies of this package on one page (an app's bundle and a script-tag embed) find each other.
 */
export const settingsContext = 'kontakt/settings' as Context<
  'kontakt/settings',
  KontaktSettings | undefined
>;

/** The protocol's request: `context-request`, which `@lit/context`'s `ContextProvider` answers too. */
export type SettingsRequest = Event & {
  readonly context: typeof settingsContext;
  readonly contextTarget: Element;
  readonly callback: ContextCallback<KontaktSettings | undefined>;
  readonly subscribe?: boolean;
};

/** The protocol's announcement of a provider that has just started: unanswered requests ask again. */
export type ProviderAnnouncement = Event & { readonly context: unknown };

/**
 * Asks the providers around `consumer` for the settings, subscribed to their changes: from a
 * widget, and from a provider handing a widget over to a nearer one.
 */
export function askForSettings(
  consumer: Element,
  callback: ContextCallback<KontaktSettings | undefined>,
): void {
  consumer.dispatchEvent(
    Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: settingsContext,
      contextTarget: consumer,
      callback,
      subscribe: true,
    }),
  );
}

/** What `SettingsController` needs of its element: a widget, or a `<kc-provider>` inside another. */
export type SettingsHost = Pick<ReactiveControllerHost, 'addController' | 'requestUpdate'> &
  HTMLElement;

/**
 * Keeps a widget's settings from the nearest provider around it (through shadow roots) while it
 * is connected, and updates the widget when they change. It asks with the Context Community
 * Protocol's `context-request`, subscribed; when none answers — the provider's script has not run
 * yet, or `configure()` comes later — it asks again when a provider announces itself
 * (`context-provider`), so the order in which a page loads its scripts does not matter. Sent by
 * hand rather than with `@lit/context`'s `ContextConsumer`, which the widgets built without Lit
 * would load for this alone; works with `KontaktElement` and `KontaktReactiveElement` alike.
 */
export class SettingsController implements ReactiveController {
  /** The settings handed down, or `undefined` when no provider (and no `configure()`) is around. */
  settings: KontaktSettings | undefined;
  readonly #host: SettingsHost;
  #unsubscribe: (() => void) | undefined;

  constructor(host: SettingsHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Until a provider answers (at once, when there is one).
    document.addEventListener('context-provider', this.#ask);
    this.#ask();
  }

  hostDisconnected(): void {
    document.removeEventListener('context-provider', this.#ask);
    this.#unsubscribe?.();
    this.#unsubscribe = this.settings = undefined;
  }

  /** Asks the providers around; a provider's announcement (`event`) of another context is not for us. */
  readonly #ask = (event?: Event): void => {
    if (!event || (event as ProviderAnnouncement).context === settingsContext) {
      askForSettings(this.#host, this.#receive);
    }
  };

  readonly #receive: ContextCallback<KontaktSettings | undefined> = (settings, unsubscribe) => {
    // A nearer provider took over (it started after another one answered): leave the old one.
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    document.removeEventListener('context-provider', this.#ask);
    this.settings = settings;
    this.#host.requestUpdate();
  };
}

/** What a widget that can be given a client exposes for configuration; read at every update. */
export interface ConfigurableWidget {
  /** A client set from JavaScript; wins over everything else. */
  readonly client: KontaktClient | undefined;
  /** Server base URL from the `endpoint` attribute. */
  readonly endpoint: string | undefined;
  /** Department id from the `department` attribute. */
  readonly department: string | undefined;
}

/** The server and department a widget talks to, and the provider's client when it is theirs. */
export interface SettingsTarget extends Target {
  /** The client to use as it is: the one set on the widget or handed down for this very target. */
  readonly client: KontaktClient | undefined;
}

/**
 * Where a widget with these `endpoint` and `department` attributes sends to under `settings`: each
 * attribute the widget leaves out is the provider's (or that of the provider's client, when it
 * names none itself). `undefined` when either is missing or the two are not valid.
 */
export function settingsTarget(
  endpoint: string | undefined,
  department: string | undefined,
  settings: KontaktSettings | undefined,
): Target | undefined {
  const client = settings?.client;
  const where = endpoint || settings?.endpoint || client?.endpoint;
  const which = department || settings?.department || client?.department;
  // Both must be named: an empty endpoint would resolve to the page itself.
  return where && which ? toTarget(where, which) : undefined;
}

/**
 * Where a widget that can be given a client talks to: the client set on it, as it is (for its
 * own endpoint and department); else `settingsTarget`, with the provider's client when that
 * client talks to exactly that endpoint and department (a widget with another department makes a
 * client of its own).
 */
export function widgetTarget(
  widget: ConfigurableWidget,
  settings: KontaktSettings | undefined,
): SettingsTarget | undefined {
  const { client } = widget;
  return client
    ? withClient(settingsTarget(undefined, undefined, { client }), client)
    : withClient(settingsTarget(widget.endpoint, widget.department, settings), settings?.client);
}

function withClient(
  target: Target | undefined,
  client: KontaktClient | undefined,
): SettingsTarget | undefined {
  const same = client && toTarget(client.endpoint, client.department)?.key === target?.key;
  return target && { ...target, client: same ? client : undefined };
}

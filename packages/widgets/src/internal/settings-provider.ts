import type { ContextCallback } from '@lit/context';
import type { KontaktSettings, ProviderAnnouncement, SettingsRequest } from './settings.js';
import { askForSettings, settingsContext } from './settings.js';

/** A widget that asked with `subscribe`, and how it stops hearing of changes. */
interface Subscriber {
  readonly consumer: Element;
  readonly unsubscribe: () => void;
}

/**
 * Answers the widgets' requests for settings (`SettingsController`) that reach `root` — a
 * `<kc-provider>`, or the document for `configure()` — with the Context Community Protocol, and
 * tells its subscribers of every change. When a provider starts inside it later, the widgets
 * inside that one are handed over to it (they ask again, and the nearer one answers), as
 * `@lit/context`'s `ContextProvider` does.
 */
export class SettingsProvider {
  readonly #root: EventTarget;
  #value: KontaktSettings | undefined;
  readonly #subscribers = new Map<ContextCallback<KontaktSettings | undefined>, Subscriber>();

  constructor(root: EventTarget) {
    this.#root = root;
  }

  /** The settings handed down; setting them tells every subscribed widget. */
  get value(): KontaktSettings | undefined {
    return this.#value;
  }

  set value(value: KontaktSettings | undefined) {
    this.#value = value;
    for (const [callback, { unsubscribe }] of this.#subscribers) callback(value, unsubscribe);
  }

  /** Starts answering, and announces itself so that widgets nobody answered yet ask again. */
  attach(): void {
    this.#root.addEventListener('context-request', this.#onRequest);
    this.#root.addEventListener('context-provider', this.#onProvider);
    this.#root.dispatchEvent(
      Object.assign(new Event('context-provider', { bubbles: true, composed: true }), {
        context: settingsContext,
      }),
    );
  }

  /** Stops answering; widgets that stay subscribed keep the last settings until they ask again. */
  detach(): void {
    this.#root.removeEventListener('context-request', this.#onRequest);
    this.#root.removeEventListener('context-provider', this.#onProvider);
    this.#subscribers.clear();
  }

  readonly #onRequest = (event: Event): void => {
    const request = event as SettingsRequest;
    // A <kc-provider> asks the providers around it for what it leaves out: not itself.
    if (request.context !== settingsContext || request.contextTarget === this.#root) return;
    // The nearest provider answers (with what it takes from those around it for what it leaves
    // out); those further out never hear of this request.
    event.stopPropagation();
    const { callback, contextTarget: consumer } = request;
    if (!request.subscribe) {
      callback(this.#value);
      return;
    }
    const unsubscribe = () => this.#subscribers.delete(callback);
    this.#subscribers.set(callback, { consumer, unsubscribe });
    callback(this.#value, unsubscribe);
  };

  /** A provider started inside this one: the widgets inside it are its now. */
  readonly #onProvider = (event: Event): void => {
    const provider = event.composedPath()[0];
    if ((event as ProviderAnnouncement).context !== settingsContext || provider === this.#root) {
      return;
    }
    // A copy: a widget handed over may subscribe here again (the new provider asks this one for
    // what it leaves out), and must not be met twice.
    if (!(provider instanceof Node)) return;
    for (const [callback, { consumer }] of [...this.#subscribers]) {
      if (consumer === provider || !containsComposed(provider, consumer)) continue;
      this.#subscribers.delete(callback);
      askForSettings(consumer, callback);
    }
  };
}

/** Whether `node` is `ancestor` or inside it, shadow roots included. */
function containsComposed(ancestor: Node, node: Node): boolean {
  for (let at: Node | null = node; at; ) {
    if (at === ancestor) return true;
    at = at.parentNode ?? (at instanceof ShadowRoot ? at.host : null);
  }
  return false;
}

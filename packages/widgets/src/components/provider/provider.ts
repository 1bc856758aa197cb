import type { KontaktClient } from '@kontakt/core';
import type { ReactiveController } from '@lit/reactive-element';
import { defineOnce } from '../../internal/registration.js';
import type { KontaktSettings } from '../../internal/settings.js';
import { SettingsController } from '../../internal/settings.js';
import { SettingsProvider } from '../../internal/settings-provider.js';
import { isUsableSetting } from '../../internal/target.js';
import { VERSION } from '../../internal/version.js';

/**
 * `HTMLElement`, or a stand-in where there is no DOM (Node: the React wrappers' tests), so that
 * importing the provider there does not throw.
 */
const DomElement = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/** Lays the provider out as if it were not there: its children are the page's own layout. */
let hostStyle: CSSStyleSheet | undefined;

/**
 * Configures every kontakt widget inside it, so a page with several widgets names the contact
 * center once: `<kc-provider endpoint="https://kontakt.example.se" department="gata">` around a
 * contact form, a notice and a chat. A widget's own `endpoint` and `department` attributes win,
 * each on its own (a provider may name the endpoint only and leave the department to each
 * widget). Providers nest the same way: what one leaves out comes from the provider around it
 * (or `configure()`), so a page-wide provider can name the endpoint and one around a section the
 * department. Widgets inside shadow roots are
 * reached too, and the order in which scripts load does not matter: widgets that started before
 * the provider was defined take its settings when it starts.
 *
 * It renders nothing of its own and takes no box (`display: contents`): its children are laid
 * out as if it were not there. Uses the Context Community Protocol (`context-request`, key
 * `kontakt/settings`), so a `@lit/context` provider of the same key configures the widgets too.
 *
 * @summary Names the contact center and department once for every kontakt widget inside it.
 * @since 0.4.0
 * @tag kc-provider
 *
 * @slot - The widgets it configures, and anything else of the page.
 */
export class KcProvider extends DomElement {
  /** The `@kontakt/widgets` version this class comes from; compared when a tag is registered twice. */
  static readonly version: string = VERSION;
  static readonly observedAttributes = ['endpoint', 'department'];

  /**
   * Registers the element under `tag`: a no-op when the same version is registered, a warning
   * (and nothing thrown) when another version is.
   */
  static define(
    tag = 'kc-provider',
    registry: CustomElementRegistry | undefined = globalThis.customElements,
  ): void {
    // biome-ignore lint/complexity/noThisInStatic: a subclass registers itself, as Lit's define does.
    if (registry) defineOnce(this, tag, registry);
  }

  readonly #provider = new SettingsProvider(this);
  /** What the providers around this one (or `configure()`) hand down, for what it leaves out. */
  readonly #around = new SettingsController(this);
  #client: KontaktClient | undefined;

  /**
   * The contact center's base URL for the widgets inside, e.g. `https://kontakt.example.se`.
   * @attr endpoint
   */
  get endpoint(): string | undefined {
    return this.getAttribute('endpoint') ?? undefined;
  }

  set endpoint(value: string | undefined) {
    this.#reflect('endpoint', value);
  }

  /**
   * The department of the widgets inside that name none themselves (e.g. `gata`).
   * @attr department
   */
  get department(): string | undefined {
    return this.getAttribute('department') ?? undefined;
  }

  set department(value: string | undefined) {
    this.#reflect('department', value);
  }

  /**
   * A client made with `createClient` from `@kontakt/core` (set from JavaScript), used by the
   * widgets inside that talk to its endpoint and department.
   */
  get client(): KontaktClient | undefined {
    return this.#client;
  }

  set client(value: KontaktClient | undefined) {
    this.#client = value;
    this.#handDown();
  }

  /** The settings the widgets inside get now. */
  get settings(): KontaktSettings | undefined {
    return this.#provider.value;
  }

  connectedCallback(): void {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      if (!hostStyle) {
        hostStyle = new CSSStyleSheet();
        hostStyle.replaceSync(':host{display:contents}');
      }
      root.adoptedStyleSheets = [hostStyle];
      root.append(document.createElement('slot'));
    }
    // What it leaves out comes from around it, so that is asked first; then it starts answering.
    this.#around.hostConnected();
    this.#handDown();
    this.#provider.attach();
  }

  disconnectedCallback(): void {
    this.#around.hostDisconnected();
    this.#provider.detach();
  }

  /**
   * Part of the controller host interface its settings controller needs; it calls that one
   * itself, when connected and disconnected.
   * @internal
   */
  addController(_controller: ReactiveController): void {}

  /**
   * Part of the controller host interface: the settings around it changed.
   * @internal
   */
  requestUpdate(): void {
    if (this.isConnected) this.#handDown();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    // The widgets inside can only say they are not configured: the page's developer is told why
    // here, where the mistake is.
    if (value !== null && !isUsableSetting(name as 'endpoint' | 'department', value)) {
      console.warn(
        `[kontakt] <kc-provider ${name}="${value}">: not ${name === 'endpoint' ? 'an http(s) URL' : 'a department id'}, so no widget inside can use it.`,
      );
    }
    this.#handDown();
  }

  /** Each setting it names itself (an empty attribute names none), else the one around it. */
  #handDown(): void {
    const around = this.#around.settings;
    this.#provider.value = Object.freeze({
      endpoint: this.endpoint || around?.endpoint,
      department: this.department || around?.department,
      client: this.#client ?? around?.client,
    });
  }

  #reflect(name: string, value: string | undefined): void {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }
}

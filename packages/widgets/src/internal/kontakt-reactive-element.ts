import type { ReactiveController } from '@lit/reactive-element';
import { defineOnce, setExclusiveState, toggleState } from './registration.js';
import { VERSION } from './version.js';

/** How a reactive property is declared in `static properties` (the part of Lit's options used). */
export interface ReactivePropertyOptions {
  /** The attribute's name, or `false` for none; by default the property's name in lower case. */
  readonly attribute?: string | boolean;
  /** Whether a change is written back to the attribute. */
  readonly reflect?: boolean;
  /** How the attribute is read: as a string (the default), a number, or present / absent. */
  readonly type?: typeof Number | typeof Boolean;
}

/**
 * A style in `static styles`: a `CSSStyleSheet`, or what makes one when asked: Lit's `CSSResult`
 * (from `css`), or an object of one's own, so that a widget need not load Lit's `css` tag.
 */
export type ElementStyle =
  | CSSStyleSheet
  | { readonly cssText: string; readonly styleSheet?: CSSStyleSheet | undefined };
/** One style or a list of them, nested as deep as one likes. */
export type ElementStyles = ElementStyle | readonly ElementStyles[];

/** The properties that changed since the last update, with their values before. */
export type PropertyValues = Map<PropertyKey, unknown>;

/** Per class: attribute name → [property, options]. */
const attributesOf = new WeakMap<object, Map<string, [string, ReactivePropertyOptions]>>();

function fromAttribute(value: string | null, type: ReactivePropertyOptions['type']): unknown {
  if (type === Boolean) return value !== null;
  if (type === Number) return value === null ? null : Number(value);
  return value;
}

/**
 * `HTMLElement`, or a stand-in where there is no DOM (Node: the React wrappers' tests, server
 * rendering), so that importing a widget there does not throw, as with Lit's own elements.
 */
const DomElement = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * The base of the kontakt widgets that render with DOM APIs (`<kc-notice>`, the chat launcher),
 * whose whole budget is a few KB: reactive properties with their attributes, batched updates,
 * `static styles` in a shadow root and controllers that follow connection, in well under 1 KB
 * instead of Lit's `ReactiveElement` (3 KB), which those widgets would load for this alone. Its
 * API is the part of `ReactiveElement`'s they use (`static properties` with `attribute`, `reflect`
 * and `type`, `requestUpdate`, `update` / `updated` with the changed properties, `hasUpdated`,
 * `updateComplete`, `addController` for `hostConnected` / `hostDisconnected`, `renderRoot`), so
 * they read like the Lit widgets. Registration and custom states are the same as
 * `KontaktElement`'s. Render with `createElement` and `textContent`, never `innerHTML`: then no
 * Trusted Types policy is needed either.
 */
export class KontaktReactiveElement extends DomElement {
  /** The `@kontakt/widgets` version this class comes from; compared when a tag is registered twice. */
  static readonly version: string = VERSION;
  /** The widget's reactive properties. */
  static properties: Readonly<Record<string, ReactivePropertyOptions>> = {};
  /** The widget's styles, adopted by its shadow root. */
  static styles: ElementStyles | undefined;

  // biome-ignore-start lint/complexity/noThisInStatic: `this` is the widget class (a subclass)
  /** The styles as adopted (`static styles` flattened). */
  static get elementStyles(): ElementStyle[] {
    return ([this.styles ?? []] as unknown[]).flat(Infinity) as ElementStyle[];
  }

  /** Read by the browser when the tag is defined: the properties' accessors are made then. */
  static get observedAttributes(): string[] {
    return [...this.finalize().keys()];
  }

  /**
   * Registers the element under `tag`: a no-op when the same version is registered, a warning
   * (and nothing thrown) when another version is.
   */
  static define(
    tag: string,
    registry: CustomElementRegistry | undefined = globalThis.customElements,
  ): void {
    // Where there is no registry (Node, without Lit's shims loaded) there is nothing to register.
    if (registry) defineOnce(this, tag, registry);
  }

  /** Makes each property's accessor (once per class) and maps attributes to properties. */
  private static finalize(): Map<string, [string, ReactivePropertyOptions]> {
    let attributes = attributesOf.get(this);
    if (attributes) return attributes;
    attributes = new Map();
    attributesOf.set(this, attributes);
    for (const [name, options] of Object.entries(this.properties)) {
      const { attribute = true } = options;
      if (attribute !== false) {
        attributes.set(attribute === true ? name.toLowerCase() : attribute, [name, options]);
      }
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        get(this: KontaktReactiveElement) {
          return this.#values.get(name);
        },
        set(this: KontaktReactiveElement, value: unknown) {
          const old = this.#values.get(name);
          this.#values.set(name, value);
          // As Lit: a change is a different value (NaN is not a change from NaN: only NaN is
          // not equal to itself).
          // biome-ignore lint/suspicious/noSelfCompare: the shortest test for NaN, on every page.
          if (old !== value && (old === old || value === value)) {
            this.requestUpdate(name, old);
          }
        },
      });
    }
    return attributes;
  }
  // biome-ignore-end lint/complexity/noThisInStatic: -

  /** Gives access to custom states (`:state(shown)`); created once per element. */
  protected readonly internals: ElementInternals = this.attachInternals();
  /** The shadow root, made at the first connection. */
  renderRoot!: HTMLElement | DocumentFragment;
  /** Whether the element has updated once. */
  hasUpdated = false;

  readonly #values = new Map<string, unknown>();
  #changed: PropertyValues = new Map();
  readonly #controllers = new Set<ReactiveController>();
  #pending = false;
  #updating: Promise<void> = Promise.resolve();
  /** The property being written to its attribute: its attribute callback is not a change. */
  #reflecting: string | undefined;
  /** Resolved at the first connection: updates wait for it (as `ReactiveElement`'s do). */
  #connectedOnce!: () => void;
  readonly #enabled = new Promise<void>((resolve) => {
    this.#connectedOnce = resolve;
  });

  /** Properties set on the element before its class was defined, taken at the first update. */
  #saved: Map<string, unknown> | undefined;

  constructor() {
    super();
    const self = this as unknown as Record<string, unknown>;
    for (const name of Object.keys(
      (this.constructor as typeof KontaktReactiveElement).properties,
    )) {
      if (!Object.hasOwn(this, name)) continue;
      this.#saved ??= new Map();
      this.#saved.set(name, self[name]);
      delete self[name];
    }
    this.requestUpdate();
  }

  /** Resolves once the element has no update pending. */
  get updateComplete(): Promise<boolean> {
    return this.#updating.then(() => (this.#pending ? this.updateComplete : true));
  }

  connectedCallback(): void {
    if (!this.renderRoot) this.renderRoot = this.createRenderRoot();
    this.#connectedOnce();
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const [name, options] =
      (this.constructor as typeof KontaktReactiveElement).finalize().get(attribute) ?? [];
    if (!name || !options || this.#reflecting === name) return;
    (this as unknown as Record<string, unknown>)[name] = fromAttribute(value, options.type);
  }

  /** Adds a controller; it hears when the element is connected and disconnected. */
  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  /** Asks for an update in a microtask (one for every change until then). */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, old);
    if (this.#pending) return;
    this.#pending = true;
    this.#updating = this.#enabled.then(() => this.#performUpdate());
  }

  /** The shadow root with the widget's styles. */
  protected createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    // Constructable sheets came to every browser before the custom states these widgets use, so
    // Lit's fallback to <style> elements (adoptStyles) is not needed.
    // A CSSStyleSheet has no `styleSheet`: it is adopted as it is.
    root.adoptedStyleSheets = (this.constructor as typeof KontaktReactiveElement).elementStyles.map(
      (style) => (style as { styleSheet?: CSSStyleSheet }).styleSheet ?? (style as CSSStyleSheet),
    );
    return root;
  }

  /** Writes the reflected properties that changed to their attributes; widgets render after it. */
  protected update(changed: PropertyValues): void {
    const attributes = (this.constructor as typeof KontaktReactiveElement).finalize();
    for (const [attribute, [name, options]] of attributes) {
      if (!options.reflect || !changed.has(name)) continue;
      const value = (this as unknown as Record<string, unknown>)[name];
      this.#reflecting = name;
      if (value == null || value === false) this.removeAttribute(attribute);
      else this.setAttribute(attribute, value === true ? '' : String(value));
      this.#reflecting = undefined;
    }
  }

  /** After each update; changes made here ask for another. */
  protected updated(_changed: PropertyValues): void {}

  /** Turns one custom state on or off, so pages can style `kc-x:state(name)`. */
  protected setState(name: string, on: boolean): void {
    toggleState(this.internals.states, name, on);
  }

  /** Makes `name` the only one of `names` that is on. */
  protected setExclusiveState(names: readonly string[], name: string | undefined): void {
    setExclusiveState(this.internals.states, names, name);
  }

  #performUpdate(): void {
    if (!this.#pending) return;
    // After the class's own initial values, as with Lit: what the page set wins.
    for (const [name, value] of this.#saved ?? [])
      (this as unknown as Record<string, unknown>)[name] = value;
    this.#saved = undefined;
    const changed = this.#changed;
    this.#changed = new Map();
    try {
      this.update(changed);
    } finally {
      this.#pending = false;
      this.hasUpdated = true;
    }
    this.updated(changed);
  }
}

import { ReactiveElement } from '@lit/reactive-element';
import { defineOnce, setExclusiveState, toggleState } from './registration.js';
import { VERSION } from './version.js';

/**
 * The base of the kontakt widgets that render with DOM APIs on Lit's `ReactiveElement` (reactive
 * properties, controllers, `static styles`) instead of `LitElement`'s templates: about 3 KB
 * instead of 7, for widgets whose whole budget is a few KB (`<kc-notice>`: 8 KB). Registration
 * and custom states are the same as `KontaktElement`'s. Render with `createElement` and
 * `textContent`, never `innerHTML`: then no Trusted Types policy is needed either.
 */
export class KontaktReactiveElement extends ReactiveElement {
  /** The `@kontakt/widgets` version this class comes from; compared when a tag is registered twice. */
  static readonly version: string = VERSION;

  /**
   * Registers the element under `tag`: a no-op when the same version is registered, a warning
   * (and nothing thrown) when another version is.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the widget class being registered
    defineOnce(this, tag, registry);
  }

  /** Gives access to custom states (`:state(shown)`); created once per element. */
  protected readonly internals: ElementInternals = this.attachInternals();

  /** Turns one custom state on or off, so pages can style `kc-x:state(name)`. */
  protected setState(name: string, on: boolean): void {
    toggleState(this.internals.states, name, on);
  }

  /** Makes `name` the only one of `names` that is on. */
  protected setExclusiveState(names: readonly string[], name: string | undefined): void {
    setExclusiveState(this.internals.states, names, name);
  }
}

import { LitElement } from 'lit';
import { defineOnce, setExclusiveState, toggleState } from './registration.js';
import { VERSION } from './version.js';

/**
 * The base of the kontakt widgets built on `LitElement` (templates): guarded registration and
 * custom states. Kept small on purpose; behaviour that only some widgets need lives in
 * controllers. Widgets that must stay smaller than Lit's templates build on
 * `KontaktReactiveElement` instead, which shares the same registration.
 */
export class KontaktElement extends LitElement {
  /** The `@kontakt/widgets` version this class comes from; compared when a tag is registered twice. */
  static readonly version: string = VERSION;

  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /**
   * Registers the element under `tag`: a no-op when the same version is registered, a warning
   * (and nothing thrown) when another version is.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the widget class being registered
    defineOnce(this, tag, registry);
  }

  /** Gives access to custom states (`:state(submitting)`); created once per element. */
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

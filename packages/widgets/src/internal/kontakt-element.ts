import { LitElement } from 'lit';
import { VERSION } from './version.js';

/**
 * The base of every kontakt widget: guarded registration and custom states. Kept small on purpose;
 * behaviour that only some widgets need lives in controllers.
 */
export class KontaktElement extends LitElement {
  /** The `@kontakt/widgets` version this class comes from; compared when a tag is registered twice. */
  static readonly version: string = VERSION;

  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /**
   * Registers the element under `tag`. Host pages often load an embed twice (two CMS blocks, a
   * script tag and a bundle): registering the same version again does nothing, and another version
   * keeps the first one and warns, instead of throwing and breaking the page.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the widget class being registered
    defineOnce(this, tag, registry);
  }

  /** Gives access to custom states (`:state(submitting)`); created once per element. */
  protected readonly internals: ElementInternals = this.attachInternals();

  /** Turns one custom state on or off, so pages can style `kc-x:state(name)`. */
  protected setState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }

  /** Makes `name` the only one of `names` that is on. */
  protected setExclusiveState(names: readonly string[], name: string | undefined): void {
    for (const each of names) this.setState(each, each === name);
  }
}

function defineOnce(
  element: typeof KontaktElement,
  tag: string,
  registry: CustomElementRegistry,
): void {
  const existing = registry.get(tag) as
    | (CustomElementConstructor & { version?: string })
    | undefined;
  if (!existing) {
    registry.define(tag, element);
    return;
  }
  if (existing === element || existing.version === element.version) return;
  console.warn(
    `[kontakt] <${tag}> is already registered by @kontakt/widgets ${existing.version ?? '(unknown version)'}; ` +
      `version ${element.version} was not registered. Load the widgets once per page.`,
  );
}

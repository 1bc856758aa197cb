import { LitElement } from 'lit';
import { LocalizeController } from './lang.js';

/**
 * The base of the console's elements: guarded registration and the element's language. Kept
 * small; what only some views need lives in their own modules.
 */
export class ConsoleElement extends LitElement {
  /** Registers the element under `tag`, once: views are defined when first loaded. */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the element class being registered
    if (!registry.get(tag)) registry.define(tag, this);
  }

  protected readonly l10n = new LocalizeController(this);
}

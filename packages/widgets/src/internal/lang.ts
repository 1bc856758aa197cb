import type { Locale } from '@kontakt/core';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The element's language: its own `lang`, else the nearest ancestor's (crossing shadow roots, so a
 * widget inside another component follows that component's page), else `<html lang>`.
 */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang')?.trim();
      if (lang) return lang;
    }
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return element.ownerDocument.documentElement.lang.trim();
}

/**
 * The texts a widget speaks: a locale, or Swedish in its simplified form, easy-read Swedish
 * (*lättläst*), which a page asks for with the registered variant subtag `simple` (RFC 5646):
 * `lang="sv-simple"`.
 */
export type TextsLocale = Locale | 'sv-simple';

/**
 * The first of `tag`'s subtags if it is one of `locales`, else Swedish: `en-GB` → `en`,
 * `de` → `sv`. For words that are plain in every form of a language (`<kc-notice>`'s few).
 */
export function pickLanguage<L extends string>(tag: string, locales: readonly L[]): L | 'sv' {
  const primary = tag.toLowerCase().split('-')[0] ?? '';
  return (locales as readonly string[]).includes(primary) ? (primary as L) : 'sv';
}

/**
 * Which of `locales` `tag` asks for: its language's simplified form when `tag` has the variant
 * `simple` and the widget has those texts (`sv-simple`, `sv-SE-simple` → `sv-simple`; also the
 * private-use `sv-x-simple` pages used before the variant was registered), else as
 * `pickLanguage` does.
 */
export function pickLocale<L extends string>(tag: string, locales: readonly L[]): L | 'sv' {
  const lower = tag.toLowerCase();
  const primary = lower.split('-')[0];
  const simple = `${primary}-simple`;
  const known = locales as readonly string[];
  // pickLanguage's last line again rather than a call to it, which the minifier would inline with
  // more code: these bytes are in every widget's first render.
  if (/-simple(-|$)/.test(lower) && known.includes(simple)) return simple as L;
  return known.includes(primary ?? '') ? (primary as L) : 'sv';
}

/** The language of a widget's texts, for what is not the widget's own words (dates, topics). */
export const languageOf = (texts: TextsLocale): Locale => texts.slice(0, 2) as Locale;

/**
 * Follows the `lang` that applies to an element (see `resolveLang`): on the element and every
 * ancestor, in the document and each enclosing shadow root. Calls `onChange` when the element is
 * connected and whenever that `lang` changes, so each widget speaks its own language and nothing
 * global is installed. Light on purpose: widgets with their few words inline use it as it is;
 * `LocalizeController` builds translations loaded on demand on it.
 */
export class LangController implements ReactiveController {
  /** The `lang` tag that applies to the element now (`''` when none is set anywhere). */
  tag = '';
  readonly #host: Host;
  readonly #onChange: () => void;
  readonly #observer: MutationObserver;

  constructor(host: Host, onChange: () => void = () => host.requestUpdate()) {
    this.#host = host;
    this.#onChange = onChange;
    this.#observer = new MutationObserver(() => this.#refresh(false));
    host.addController(this);
  }

  hostConnected(): void {
    // Moved elsewhere, the language may differ; the first time, the host learns it.
    this.#refresh(true);
    this.#observe();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #refresh(always: boolean): void {
    const tag = resolveLang(this.#host);
    if (tag === this.tag && !always) return;
    this.tag = tag;
    this.#onChange();
  }

  #observe(): void {
    this.#observer.disconnect();
    const options: MutationObserverInit = {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    };
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    let root = this.#host.getRootNode();
    while (root instanceof ShadowRoot) {
      this.#observer.observe(root, options);
      root = root.host.getRootNode();
    }
    if (root instanceof Document) this.#observer.observe(root.documentElement, options);
  }
}

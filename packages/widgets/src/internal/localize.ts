import type { Locale } from '@kontakt/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KontaktTranslation, Translations } from '../i18n/translation.js';

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

/** Translations already loaded, shared by every element of this copy of the widgets. */
const loaded = new WeakMap<() => Promise<KontaktTranslation>, KontaktTranslation>();

/**
 * Per-element localisation: each widget reads its own language and re-renders when it changes, so
 * two widgets on one page can speak two languages and nothing global is installed.
 *
 * Translations other than Swedish may be loaded on demand. Until the first language an element
 * asks for has arrived, `ready` is false and the element shows only its loading state, so nothing
 * is ever read out in the wrong language. When `lang` changes later, the element keeps speaking
 * the language it has (correctly marked with `lang`) until the new one has loaded.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: Host;
  private readonly translations: Translations;
  private readonly observer: MutationObserver;
  /** The `lang` tag that applies to the element now. */
  private tag = '';
  /** What the element speaks: the texts, their locale and the tag they were asked for with. */
  private shown: { locale: Locale; tag: string; t: KontaktTranslation } | undefined;

  constructor(host: Host, translations: Translations) {
    this.host = host;
    this.translations = translations;
    this.observer = new MutationObserver(() => this.refresh());
    host.addController(this);
  }

  /** The locale `lang` asks for: the first of its subtags that the widget ships, else Swedish. */
  get requested(): Locale {
    const primary = this.tag.toLowerCase().split('-')[0] ?? '';
    return primary in this.translations ? (primary as Locale) : 'sv';
  }

  /** True once the element has texts to show (the language it asked for first, or Swedish). */
  get ready(): boolean {
    return this.shown !== undefined;
  }

  /** The locale of the texts in `t`. */
  get locale(): Locale {
    return this.shown?.locale ?? 'sv';
  }

  /**
   * The BCP 47 tag to format dates and numbers with: the page's own tag when it names the shown
   * locale (`sv-FI` keeps its region), else the locale.
   */
  get formatLocale(): string {
    const tag = this.shown?.tag ?? '';
    return tag.toLowerCase().split('-')[0] === this.locale &&
      Intl.DateTimeFormat.supportedLocalesOf(tag).length
      ? tag
      : this.locale;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.t.dir;
  }

  /** The texts to show now. */
  get t(): KontaktTranslation {
    return this.shown?.t ?? this.translations.sv;
  }

  /** Formats a date (or ISO string) for the current locale. */
  formatDate(value: Date | string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.formatLocale, options).format(new Date(value));
  }

  hostConnected(): void {
    this.refresh();
    this.observe();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  /** Watches `lang` on the element and every ancestor, in the document and each enclosing shadow root. */
  private observe(): void {
    this.observer.disconnect();
    const options: MutationObserverInit = {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    };
    let root = this.host.getRootNode();
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    while (root instanceof ShadowRoot) {
      this.observer.observe(root, options);
      root = root.host.getRootNode();
    }
    if (root instanceof Document) this.observer.observe(root.documentElement, options);
  }

  private refresh(): void {
    this.tag = resolveLang(this.host);
    const locale = this.requested;
    if (this.shown?.locale === locale && this.shown.tag === this.tag) return;
    const source = this.translations[locale] ?? this.translations.sv;
    const texts = typeof source === 'function' ? loaded.get(source) : source;
    if (texts) {
      this.show(locale, texts);
      return;
    }
    if (typeof source !== 'function') return;
    source().then(
      (arrived) => {
        loaded.set(source, arrived);
        // `lang` may have changed again while this loaded.
        if (this.requested === locale) this.show(locale, arrived);
      },
      () => {
        // The language could not be loaded (offline, a blocked chunk): Swedish, marked as such,
        // beats a form that never appears. Already speaking something, keep it.
        if (!this.shown) this.show('sv', this.translations.sv);
      },
    );
  }

  private show(locale: Locale, t: KontaktTranslation): void {
    this.shown = { locale, tag: this.tag, t };
    this.host.requestUpdate();
  }
}

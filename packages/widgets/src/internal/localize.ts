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

/**
 * Per-element localisation: each widget reads its own language and re-renders when it changes, so
 * two widgets on one page can speak two languages and nothing global is installed.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: Host;
  private readonly translations: Translations;
  private readonly observer: MutationObserver;
  private current = '';

  constructor(host: Host, translations: Translations) {
    this.host = host;
    this.translations = translations;
    this.observer = new MutationObserver(() => this.refresh());
    host.addController(this);
  }

  /** The locale in use: the first of `lang`'s subtags that the widget ships, else Swedish. */
  get locale(): Locale {
    const primary = this.current.toLowerCase().split('-')[0] ?? '';
    return primary in this.translations ? (primary as Locale) : 'sv';
  }

  /**
   * The BCP 47 tag to format dates and numbers with: the page's own tag when it names the shipped
   * locale (`sv-FI` keeps its region), else the locale.
   */
  get formatLocale(): string {
    const tag = this.current;
    return tag.toLowerCase().split('-')[0] === this.locale &&
      Intl.DateTimeFormat.supportedLocalesOf(tag).length
      ? tag
      : this.locale;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.t.dir;
  }

  /** The texts in the current locale. */
  get t(): KontaktTranslation {
    return this.translations[this.locale] ?? this.translations.sv;
  }

  /** Formats a date (or ISO string) for the current locale. */
  formatDate(value: Date | string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.formatLocale, options).format(new Date(value));
  }

  hostConnected(): void {
    this.current = resolveLang(this.host);
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
    const next = resolveLang(this.host);
    if (next === this.current) return;
    this.current = next;
    this.host.requestUpdate();
  }
}

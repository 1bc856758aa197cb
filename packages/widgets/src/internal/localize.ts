import type { Locale } from '@kontakt/core';
import type { ReactiveControllerHost } from 'lit';
import type { FirstTranslation, KontaktTranslation, Translations } from '../i18n/translation.js';
import type { TextsLocale } from './lang.js';
import { LangController, languageOf, pickLocale, resolveLang } from './lang.js';

type Host = ReactiveControllerHost & HTMLElement;

// Kept importable from here: the contact form and its tests read the language this way.
export { resolveLang };

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
export class LocalizeController {
  readonly #host: Host;
  readonly #translations: Translations;
  /** Follows the `lang` that applies to the element. */
  readonly #lang: LangController;
  /** What the element speaks: the texts, their locale and the tag they were asked for with. */
  #shown: { locale: TextsLocale; tag: string; t: FirstTranslation } | undefined;

  constructor(host: Host, translations: Translations) {
    this.#host = host;
    this.#translations = translations;
    this.#lang = new LangController(host, () => this.#refresh());
  }

  /** The `lang` tag that applies to the element now. */
  get #tag(): string {
    return this.#lang.tag;
  }

  /** The texts `lang` asks for (see `pickLocale`): easy-read Swedish among them. */
  get #requestedTexts(): TextsLocale {
    return pickLocale(this.#tag, Object.keys(this.#translations) as TextsLocale[]);
  }

  /** The locale `lang` asks for: the first of its subtags that the widget ships, else Swedish. */
  get requested(): Locale {
    return languageOf(this.#requestedTexts);
  }

  /** True once the element has texts to show (the language it asked for first, or Swedish). */
  get ready(): boolean {
    return this.#shown !== undefined;
  }

  /** The locale of the texts in `t` (Swedish for easy-read Swedish). */
  get locale(): Locale {
    return languageOf(this.#shown?.locale ?? 'sv');
  }

  /**
   * The BCP 47 tag to format dates and numbers with: the page's own tag when it names the shown
   * locale (`sv-FI` keeps its region), else the locale.
   */
  get formatLocale(): string {
    const tag = this.#shown?.tag ?? '';
    return tag.toLowerCase().split('-')[0] === this.locale &&
      Intl.DateTimeFormat.supportedLocalesOf(tag).length
      ? tag
      : this.locale;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.t.dir;
  }

  /**
   * The texts to show now. Swedish has only its first texts inline: a widget takes the contact
   * form's later ones from what shows them (see `FirstTranslation`).
   */
  get t(): FirstTranslation {
    return this.#shown?.t ?? this.#translations.sv;
  }

  /** Formats a date (or ISO string) for the current locale. */
  formatDate(value: Date | string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.formatLocale, options).format(new Date(value));
  }

  #refresh(): void {
    const locale = this.#requestedTexts;
    if (this.#shown?.locale === locale && this.#shown.tag === this.#tag) return;
    const source = this.#translations[locale] ?? this.#translations.sv;
    const texts = typeof source === 'function' ? loaded.get(source) : source;
    if (texts) {
      this.#show(locale, texts);
      return;
    }
    if (typeof source !== 'function') return;
    source().then(
      (arrived) => {
        loaded.set(source, arrived);
        // `lang` may have changed again while this loaded.
        if (this.#requestedTexts === locale) this.#show(locale, arrived);
      },
      () => {
        // The language could not be loaded (offline, a blocked chunk): Swedish, marked as such,
        // beats a form that never appears. Already speaking something, keep it.
        if (!this.#shown) this.#show('sv', this.#translations.sv);
      },
    );
  }

  #show(locale: TextsLocale, t: FirstTranslation): void {
    this.#shown = { locale, tag: this.#tag, t };
    this.#host.requestUpdate();
  }
}

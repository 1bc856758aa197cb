import type { Locale } from '@kontakt/core';
import type { ReactiveControllerHost } from 'lit';
import type { TextsLocale } from '../../internal/lang.js';
import { LangController, languageOf, pickLocale } from '../../internal/lang.js';
import type { TrackerTexts } from './status-tracker.texts.js';
import { TRACKER_TEXTS } from './status-tracker.texts.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Languages already loaded, shared by every tracker of this copy of the widgets. */
const loaded = new Map<TextsLocale, TrackerTexts>([['sv', TRACKER_TEXTS.sv]]);
/** Every text the tracker ships: its locales and easy-read Swedish. */
const SHIPPED = Object.keys(TRACKER_TEXTS) as TextsLocale[];

/**
 * The tracker's texts in the language that applies to it (`lang` on it, an ancestor or `<html>`),
 * as `LocalizeController` does for the contact form's shared translation: Swedish at once, another
 * language once its chunk has arrived. Until then `ready` is false, so nothing is read out in the
 * wrong language; a language that cannot load falls back to Swedish, marked as such.
 */
export class TrackerLocalize {
  readonly #host: Host;
  readonly #lang: LangController;
  #shown: { locale: TextsLocale; tag: string; t: TrackerTexts } | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#lang = new LangController(host, () => this.#refresh());
  }

  /** The texts `lang` asks for (see `pickLocale`). */
  get #requestedTexts(): TextsLocale {
    return pickLocale(this.#lang.tag, SHIPPED);
  }

  get requested(): Locale {
    return languageOf(this.#requestedTexts);
  }

  get ready(): boolean {
    return this.#shown !== undefined;
  }

  /** The locale of the texts in `t` (Swedish for easy-read Swedish). */
  get locale(): Locale {
    return languageOf(this.#shown?.locale ?? 'sv');
  }

  get t(): TrackerTexts {
    return this.#shown?.t ?? TRACKER_TEXTS.sv;
  }

  /** The tag to format dates with: the page's own when it names the shown locale (`sv-FI`). */
  get formatLocale(): string {
    const tag = this.#shown?.tag ?? '';
    return tag.toLowerCase().split('-')[0] === this.locale &&
      Intl.DateTimeFormat.supportedLocalesOf(tag).length
      ? tag
      : this.locale;
  }

  #refresh(): void {
    const locale = this.#requestedTexts;
    const tag = this.#lang.tag;
    if (this.#shown?.locale === locale && this.#shown.tag === tag) return;
    const texts = loaded.get(locale);
    if (texts) {
      this.#show(locale, texts);
      return;
    }
    const load = TRACKER_TEXTS[locale as Exclude<TextsLocale, 'sv'>];
    load().then(
      (arrived) => {
        loaded.set(locale, arrived);
        if (this.#requestedTexts === locale) this.#show(locale, arrived);
      },
      () => {
        if (!this.#shown) this.#show('sv', TRACKER_TEXTS.sv);
      },
    );
  }

  #show(locale: TextsLocale, t: TrackerTexts): void {
    this.#shown = { locale, tag: this.#lang.tag, t };
    this.#host.requestUpdate();
  }
}

import type { Locale, NoticeSeverity } from '@kontakt/core';

/**
 * The few words of `<kc-notice>` itself (the notices' own titles and texts come from the server in
 * every locale). Swedish is inline; each other language is a chunk of its own (a few hundred
 * bytes), loaded when a page in it shows the notice, so a Swedish page carries none of them.
 */
export interface NoticeTexts {
  dir: 'ltr' | 'rtl';
  /** The accessible name of the region that holds the notices. */
  region: string;
  /** The visible label of a notice's hide button (its accessible name adds the title). */
  hide: string;
  /** Shown before each title, so severity is never told by colour alone. */
  severity: Record<NoticeSeverity, string>;
  /** Read out before a notice that appears while the page is open. */
  announceNew: string;
  /** Read out before a notice that was changed while the page is open. */
  announceChanged: string;
  /** Read out once the person has hidden a notice. */
  hidden: string;
}

/** Swedish, the municipality's own language and the fallback. */
export const sv: NoticeTexts = {
  dir: 'ltr',
  region: 'Aktuella meddelanden',
  hide: 'Dölj',
  severity: { info: 'Information', warning: 'Varning', danger: 'Viktigt meddelande' },
  announceNew: 'Nytt meddelande:',
  announceChanged: 'Ändrat meddelande:',
  hidden: 'Meddelandet är dolt.',
};

/** The other languages, each loaded on first use. */
const LATER: Record<Exclude<Locale, 'sv'>, () => Promise<{ texts: NoticeTexts }>> = {
  en: () => import('./notice.texts.en.js'),
  fi: () => import('./notice.texts.fi.js'),
  ar: () => import('./notice.texts.ar.js'),
};

/** The texts each language has, once here. */
const known: Partial<Record<Locale, NoticeTexts>> = { sv };
/** Each language's load, once asked for. */
const asked: Partial<Record<Locale, Promise<void>>> = {};

/**
 * The texts in `locale` when they are here; otherwise `undefined`, and `then` is called once they
 * are (Swedish's, when they cannot be loaded: offline, or the chunk is blocked).
 */
export function noticeTexts(locale: Locale, then: () => void): NoticeTexts | undefined {
  if (!known[locale]) {
    asked[locale] ??= LATER[locale as Exclude<Locale, 'sv'>]().then(
      (module) => {
        known[locale] = module.texts;
      },
      () => {
        known[locale] = sv;
      },
    );
    void asked[locale].then(then);
  }
  return known[locale];
}

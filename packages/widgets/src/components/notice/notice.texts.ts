import type { Locale, NoticeSeverity } from '@kontakt/core';

/**
 * The few words of `<kc-notice>` itself (the notices' own titles and texts come from the server in
 * every locale). All four languages are inline: together they are smaller than the request that
 * would load one of them.
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

export const NOTICE_TEXTS: Record<Locale, NoticeTexts> = {
  sv: {
    dir: 'ltr',
    region: 'Aktuella meddelanden',
    hide: 'Dölj',
    severity: { info: 'Information', warning: 'Varning', danger: 'Viktigt meddelande' },
    announceNew: 'Nytt meddelande:',
    announceChanged: 'Ändrat meddelande:',
    hidden: 'Meddelandet är dolt.',
  },
  en: {
    dir: 'ltr',
    region: 'Current notices',
    hide: 'Hide',
    severity: { info: 'Information', warning: 'Warning', danger: 'Important message' },
    announceNew: 'New notice:',
    announceChanged: 'Updated notice:',
    hidden: 'The notice is hidden.',
  },
  fi: {
    dir: 'ltr',
    region: 'Ajankohtaiset tiedotteet',
    hide: 'Piilota',
    severity: { info: 'Tiedote', warning: 'Varoitus', danger: 'Tärkeä tiedote' },
    announceNew: 'Uusi tiedote:',
    announceChanged: 'Päivitetty tiedote:',
    hidden: 'Tiedote on piilotettu.',
  },
  ar: {
    dir: 'rtl',
    region: 'إشعارات حالية',
    hide: 'إخفاء',
    severity: { info: 'معلومات', warning: 'تحذير', danger: 'رسالة مهمة' },
    announceNew: 'إشعار جديد:',
    announceChanged: 'إشعار محدَّث:',
    hidden: 'تم إخفاء الإشعار.',
  },
};

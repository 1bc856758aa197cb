import type { Locale } from '@kontakt/core/schemas';
import type { ConsoleLocale } from '../i18n/texts.js';

/**
 * The letter view's words in the console's language. Kept beside the view (not in the console's
 * i18n) so they load with its chunk, not with the sign-in page; the heading is the i18n's
 * (`letter.heading`), as the shell shows it.
 */
export interface LetterViewTexts {
  print: string;
  back: string;
  /** How to print it so the address shows in the envelope's window. */
  howTo: string;
  /** The sheet's name, read out in place of its layout. */
  sheet: string;
  notFound: string;
  noLetterhead: string;
  noAddress: string;
}

export const LETTER_VIEW_TEXTS: Readonly<Record<ConsoleLocale, LetterViewTexts>> = {
  sv: {
    print: 'Skriv ut',
    back: 'Tillbaka till ärendet',
    howTo:
      'Skriv ut på A4 i stående format, utan sidhuvud och sidfot, och vik brevet så att adressen syns i ett fönsterkuvert (C5 eller E65, fönster till vänster).',
    sheet: 'Brevet',
    notFound: 'Ärendet har inget svar med brev med det numret.',
    noLetterhead:
      'Ingen avsändare är inställd, så brevet saknar avsändaradress. En administratör lägger till den i serverns inställningar (letterhead).',
    noAddress:
      'Ärendet har ingen postadress. Fönstret är tomt: skriv adressen på kuvertet för hand.',
  },
  en: {
    print: 'Print',
    back: 'Back to the case',
    howTo:
      'Print on A4 in portrait, without headers and footers, and fold the letter so that the address shows in a window envelope (C5 or E65, window on the left).',
    sheet: 'The letter',
    notFound: 'The case has no answer by letter with that number.',
    noLetterhead:
      'No sender is set, so the letter has no return address. An administrator adds it in the server settings (letterhead).',
    noAddress:
      'The case has no postal address. The window is empty: write the address on the envelope by hand.',
  },
};

/** The fixed words of a printed letter, in the language the citizen asked to be answered in. */
export interface LetterTexts {
  date: string;
  reference: string;
  regards: string;
  phone: string;
  email: string;
  web: string;
}

/**
 * Per answer language (`message.answerLanguage`): the person who asked for Arabic gets a letter
 * whose date, case line and greeting are in Arabic, laid out right to left.
 */
export const LETTER_TEXTS: Readonly<Record<Locale, LetterTexts>> = {
  sv: {
    date: 'Datum',
    reference: 'Ärende',
    regards: 'Med vänliga hälsningar',
    phone: 'Telefon',
    email: 'E-post',
    web: 'Webb',
  },
  en: {
    date: 'Date',
    reference: 'Case',
    regards: 'Kind regards',
    phone: 'Phone',
    email: 'E-mail',
    web: 'Web',
  },
  fi: {
    date: 'Päivämäärä',
    reference: 'Asianumero',
    regards: 'Ystävällisin terveisin',
    phone: 'Puhelin',
    email: 'Sähköposti',
    web: 'Verkkosivut',
  },
  ar: {
    date: 'التاريخ',
    reference: 'رقم الطلب',
    regards: 'مع أطيب التحيات',
    phone: 'الهاتف',
    email: 'البريد الإلكتروني',
    web: 'الموقع الإلكتروني',
  },
};

/**
 * The word before the return address in the envelope's window. Always Swedish: it is for the
 * post, which returns a letter it cannot deliver to the address after it.
 */
export const RETURN_ADDRESS_LABEL = 'Avs.';

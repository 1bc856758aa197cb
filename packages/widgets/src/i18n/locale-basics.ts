import type { Locale } from '@kontakt/core';

/** What a locale needs before its translation has loaded. */
export interface LocaleBasics {
  /** The language's own name, for language pickers (every option is shown whatever the locale). */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /** Said while the form (and the language) loads, so even that is in the person's language. */
  readonly loading: string;
}

/**
 * Kept in the main bundle for every locale; equal to the same texts in each translation (a test
 * checks). The translations import nothing from here: a locale's chunk must not pull in the rest.
 */
export const LOCALE_BASICS: Readonly<Record<Locale, LocaleBasics>> = {
  sv: { name: 'Svenska', dir: 'ltr', loading: 'Hämtar formuläret …' },
  en: { name: 'English', dir: 'ltr', loading: 'Loading the form …' },
  fi: { name: 'Suomi', dir: 'ltr', loading: 'Lomaketta haetaan …' },
  ar: { name: 'العربية', dir: 'rtl', loading: 'جارٍ تحميل النموذج …' },
};

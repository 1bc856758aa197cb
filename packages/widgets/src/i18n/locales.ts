import { svFirst } from './sv.first.js';
import type { KontaktTranslation, Translations } from './translation.js';

// In a module of its own so a widget that needs only these (the fault report) does not load `sv`.
export type { LocaleBasics } from './locale-basics.js';
export { LOCALE_BASICS } from './locale-basics.js';

/**
 * The widgets' translations: Swedish inline (the default, so a Swedish page loads nothing more
 * to show a form; the contact form's later texts come with its submit path), the others loaded
 * when an element first needs them, easy-read Swedish (`lang="sv-simple"`) too.
 */
export const translations: Translations = {
  sv: svFirst,
  en: (): Promise<KontaktTranslation> => import('./en.js').then((module) => module.en),
  fi: (): Promise<KontaktTranslation> => import('./fi.js').then((module) => module.fi),
  ar: (): Promise<KontaktTranslation> => import('./ar.js').then((module) => module.ar),
  'sv-simple': (): Promise<KontaktTranslation> =>
    import('./sv-simple.js').then((module) => module.svSimple),
};

import type { NoticeSeverity } from '@kontakt/core/schemas';
import { plural } from '../i18n/plural.js';
import type { ConsoleLocale } from '../i18n/texts.js';

/*
 * The notices view's own words, in a module of their own: they come with the view's chunk, so the
 * sign-in page does not carry them. Its heading (the navigation's) and the field errors the other
 * forms show too stay in `ConsoleTexts.notices`.
 */

/** The notices view's words in one language. */
export interface NoticesTexts {
  none: string;
  current: string;
  publish: string;
  change: string;
  save: string;
  cancel: string;
  withdraw: string;
  withdrawn: string;
  published: (title: string) => string;
  changed: (title: string) => string;
  withdrawnNotice: (title: string) => string;
  severity: string;
  severities: Record<NoticeSeverity, string>;
  departments: string;
  allDepartments: string;
  departmentsHint: string;
  title: (language: string) => string;
  text: (language: string) => string;
  languages: Record<'sv' | 'en' | 'fi' | 'ar', string>;
  startsAt: string;
  endsAt: string;
  endsHint: string;
  until: string;
  fixErrors: (count: number) => string;
}

/** The notices view's words in every language the console speaks. */
export const NOTICES_TEXTS: Record<ConsoleLocale, NoticesTexts> = {
  sv: {
    none: 'Inga meddelanden är publicerade.',
    current: 'Publicerade meddelanden',
    publish: 'Publicera meddelande',
    change: 'Ändra',
    save: 'Spara ändringen',
    cancel: 'Avbryt',
    withdraw: 'Dra tillbaka',
    withdrawn: 'Tillbakadraget',
    published: (title) => `Meddelandet ”${title}” är publicerat.`,
    changed: (title) => `Meddelandet ”${title}” är ändrat.`,
    withdrawnNotice: (title) => `Meddelandet ”${title}” är tillbakadraget.`,
    severity: 'Typ',
    severities: { info: 'Information', warning: 'Varning', danger: 'Viktigt meddelande' },
    departments: 'Visas för förvaltningar',
    allDepartments: 'Alla förvaltningar',
    departmentsHint: 'Förvaltningarnas id, åtskilda med kommatecken, eller tomt för alla.',
    title: (language) => `Rubrik på ${language}`,
    text: (language) => `Text på ${language}`,
    languages: { sv: 'svenska', en: 'engelska', fi: 'finska', ar: 'arabiska' },
    startsAt: 'Visas från',
    endsAt: 'Visas till',
    endsHint: 'Tomt: tills meddelandet dras tillbaka.',
    until: 'tills vidare',
    fixErrors: (count) => `${count} ${plural(count, 'fält behöver', 'fält behöver')} rättas.`,
  },
  en: {
    none: 'No notices are published.',
    current: 'Published notices',
    publish: 'Publish notice',
    change: 'Change',
    save: 'Save the change',
    cancel: 'Cancel',
    withdraw: 'Withdraw',
    withdrawn: 'Withdrawn',
    published: (title) => `The notice “${title}” is published.`,
    changed: (title) => `The notice “${title}” is changed.`,
    withdrawnNotice: (title) => `The notice “${title}” is withdrawn.`,
    severity: 'Kind',
    severities: { info: 'Information', warning: 'Warning', danger: 'Important notice' },
    departments: 'Shown for departments',
    allDepartments: 'All departments',
    departmentsHint: "The departments' ids, separated by commas, or empty for all.",
    title: (language) => `Title in ${language}`,
    text: (language) => `Text in ${language}`,
    languages: { sv: 'Swedish', en: 'English', fi: 'Finnish', ar: 'Arabic' },
    startsAt: 'Shown from',
    endsAt: 'Shown until',
    endsHint: 'Empty: until the notice is withdrawn.',
    until: 'until further notice',
    fixErrors: (count) => `${count} ${plural(count, 'field needs', 'fields need')} correcting.`,
  },
};

import type { Locale } from '@kontakt/core';
import { LOCALE_BASICS } from '../../i18n/locale-basics.js';
import type { TextsLocale } from '../../internal/lang.js';

/** The steps of a fault report, in the order they are taken. */
export const STEPS = [
  'category',
  'questions',
  'location',
  'nearby',
  'photos',
  'description',
  'contact',
  'review',
] as const;
export type Step = (typeof STEPS)[number];

/** Why a photo could not be used or sent; `preparePhoto`'s refusals and the upload's failures. */
export type PhotoProblem =
  | 'heic_unsupported'
  | 'not_an_image'
  | 'too_large'
  | 'decode_failed'
  | 'too_many'
  | 'upload_failed';

/** Why the device position could not be read. */
export type PositionProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** Why sending failed, one text per kind (as the contact form's). */
export type FailureKind = 'rateLimited' | 'misconfigured' | 'unreachable' | 'unexpected';

/**
 * Every text `<kc-fault-report>` shows, in one locale. Counts and values are functions so each
 * language puts them where its grammar wants them. Swedish is in the first-render chunk; the other
 * languages are chunks of their own (`fault-report.texts.<locale>.ts`), loaded when `lang` asks.
 */
export interface FaultTexts {
  readonly dir: 'ltr' | 'rtl';
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly formLabel: string;
  /** The step indicator: "Steg 2 av 7: Plats". */
  readonly stepOf: (n: number, total: number, name: string) => string;
  readonly steps: Readonly<Record<Step, string>>;
  readonly next: string;
  readonly back: string;
  /** The next button while changing an answer from the review. */
  readonly backToReview: string;
  readonly required: string;
  readonly optional: string;
  readonly category: {
    readonly legend: string;
    readonly search: string;
    readonly searchHint: string;
    readonly matches: (n: number) => string;
    readonly noMatch: string;
    readonly loading: string;
    readonly otherGroup: string;
  };
  readonly questions: {
    readonly intro: string;
  };
  readonly location: {
    readonly intro: string;
    readonly withoutMap: string;
    readonly address: string;
    readonly addressHint: string;
    readonly search: string;
    readonly searching: string;
    readonly results: (n: number) => string;
    readonly noResults: string;
    readonly searchFailed: string;
    readonly resultsLabel: string;
    readonly position: string;
    readonly locating: string;
    readonly positionProblems: Readonly<Record<PositionProblem, string>>;
    readonly positionFound: (accuracy: number) => string;
    readonly mapHeading: string;
    readonly openMap: string;
    readonly mapLoading: string;
    readonly mapFailed: string;
    readonly mapCenter: string;
    readonly zoomIn: string;
    readonly zoomOut: string;
    readonly pin: string;
    readonly mapLabel: string;
    readonly mapInstructions: string;
    readonly chosenPoint: (lat: string, lon: string) => string;
    readonly chosenPlace: (label: string) => string;
    readonly chosenPosition: (lat: string, lon: string) => string;
    /** After a chosen point or position: the place the department's geocoder names there. */
    readonly near: (place: string) => string;
    readonly nothingChosen: string;
  };
  readonly nearby: {
    readonly checking: string;
    readonly intro: (n: number) => string;
    readonly found: (n: number) => string;
    readonly report: (distance: number) => string;
    readonly reported: (date: string) => string;
    readonly status: string;
    readonly follow: string;
    readonly followEmail: string;
    readonly followEmailHint: string;
    readonly somethingElse: string;
    readonly following: string;
    readonly followedHeading: string;
    readonly followedText: string;
    readonly followFailed: string;
  };
  readonly photos: {
    readonly intro: (max: number) => string;
    readonly add: string;
    readonly addHint: string;
    readonly alt: (n: number, total: number) => string;
    readonly remove: (n: number, total: number) => string;
    readonly preparing: string;
    readonly uploading: (percent: number) => string;
    readonly uploaded: string;
    readonly added: (n: number, total: number) => string;
    readonly removed: string;
    readonly problems: Readonly<Record<PhotoProblem, string>>;
    readonly tooMany: (max: number) => string;
  };
  readonly description: {
    readonly label: string;
    readonly hint: string;
    readonly count: (length: number, max: number) => string;
    readonly personalIdentityNumber: string;
  };
  readonly contact: {
    readonly legend: string;
    readonly anonymous: string;
    readonly withContact: string;
    readonly anonymousHint: string;
    readonly name: string;
    readonly email: string;
    readonly emailHint: string;
    readonly phone: string;
  };
  readonly review: {
    readonly intro: string;
    readonly change: string;
    /** The accessible name of a change link: "Ändra plats". */
    readonly changeWhat: (what: string) => string;
    readonly category: string;
    readonly location: string;
    readonly photos: string;
    readonly photoCount: (n: number) => string;
    readonly description: string;
    readonly contact: string;
    readonly anonymous: string;
    readonly notAnswered: string;
    readonly publicRecord: string;
    readonly submit: string;
    readonly submitting: string;
  };
  readonly receipt: {
    readonly heading: string;
    readonly reference: string;
    readonly expected: (date: string) => string;
    readonly tracker: string;
    readonly keep: string;
    readonly newReport: string;
  };
  readonly offline: {
    readonly heading: string;
    readonly text: string;
    readonly sendNow: string;
  };
  readonly errors: {
    readonly summary: (n: number) => string;
    readonly category: string;
    readonly answer: (question: string) => string;
    readonly location: string;
    readonly description: string;
    readonly tooLong: (max: number) => string;
    readonly email: string;
    readonly phone: string;
    readonly number: string;
    readonly contact: string;
    readonly photos: string;
    readonly other: string;
  };
  readonly failures: Readonly<Record<FailureKind, string>>;
  readonly failedHeading: string;
  readonly draftRestored: string;
  readonly startOver: string;
  readonly sending: string;
  readonly sentLater: string;
}

/**
 * The texts the report's frame and its first step show. Swedish ones are in the first-render
 * chunk; the rest of Swedish (`LaterTexts`) comes with the later steps (`fault-report.texts.sv.ts`).
 */
export type FirstTexts = Pick<
  FaultTexts,
  | 'dir'
  | 'loading'
  | 'loadFailed'
  | 'retry'
  | 'formLabel'
  | 'stepOf'
  | 'steps'
  | 'next'
  | 'back'
  | 'backToReview'
  | 'required'
  | 'optional'
  | 'category'
  | 'failures'
  | 'failedHeading'
  | 'draftRestored'
  | 'startOver'
>;

/** The texts only the later steps, the receipt and the announcements of sending use. */
export type LaterTexts = Omit<FaultTexts, keyof FirstTexts>;

/** Swedish, what the first step shows: inline, so a Swedish page loads no other text first. */
export const svFirst: FirstTexts = {
  dir: 'ltr',
  loading: 'Hämtar felanmälan …',
  loadFailed: 'Felanmälan kunde inte hämtas just nu.',
  retry: 'Försök igen',
  formLabel: 'Felanmälan',
  stepOf: (n, total, name) => `Steg ${n} av ${total}: ${name}`,
  steps: {
    category: 'Vad gäller felet?',
    questions: 'Om felet',
    location: 'Var är felet?',
    nearby: 'Redan anmält i närheten',
    photos: 'Foton',
    description: 'Beskriv felet',
    contact: 'Kontaktuppgifter',
    review: 'Kontrollera dina svar',
  },
  next: 'Fortsätt',
  back: 'Tillbaka',
  backToReview: 'Spara och gå till sammanfattningen',
  required: '(obligatorisk)',
  optional: '(frivillig)',
  category: {
    legend: 'Välj det som passar bäst',
    search: 'Sök bland felen',
    searchHint: 'Till exempel lampa, hål eller klotter.',
    matches: (n) => (n === 1 ? '1 sorts fel passar.' : `${n} sorters fel passar.`),
    noMatch:
      'Inget passar sökningen, så hela listan visas. Försök med ett annat ord eller välj i listan.',
    loading: 'Hämtar de sorters fel du kan anmäla …',
    otherGroup: 'Övrigt',
  },
  failures: {
    rateLimited: 'Du har skickat många anmälningar på kort tid. Vänta en stund och försök igen.',
    misconfigured:
      'Felanmälan är inte rätt inställd på den här sidan. Ring kommunens kontaktcenter i stället.',
    unreachable:
      'Det går inte att nå kommunen just nu. Det du skrivit finns kvar. Försök igen om en stund.',
    unexpected: 'Något gick fel hos oss. Det du skrivit finns kvar. Försök igen om en stund.',
  },
  failedHeading: 'Anmälan kunde inte skickas',
  draftRestored: 'Vi har fyllt i det du skrev tidigare.',
  startOver: 'Börja om',
};

/** The loading text in every locale (before a language's texts have arrived). */
export const loadingText = (locale: Locale): string => LOCALE_BASICS[locale].loading;

/**
 * The other languages, loaded when an element's `lang` asks for one, and easy-read Swedish
 * (`lang="sv-simple"`).
 */
export const LATER: Readonly<Record<Exclude<TextsLocale, 'sv'>, () => Promise<FaultTexts>>> = {
  en: () => import('./fault-report.texts.en.js').then((m) => m.en),
  fi: () => import('./fault-report.texts.fi.js').then((m) => m.fi),
  ar: () => import('./fault-report.texts.ar.js').then((m) => m.ar),
  'sv-simple': () => import('./fault-report.texts.sv-simple.js').then((m) => m.svSimple),
};

/** Every text the report ships: Swedish inline and those in `LATER`. */
export const SHIPPED = ['sv', ...Object.keys(LATER)] as TextsLocale[];

import type { CaseStatus } from '@kontakt/core';
import type { StatusWords } from '@kontakt/core/schemas';
import type { TextsLocale } from '../../internal/lang.js';
import type { MessageTexts } from './status-tracker.message-texts.js';

/**
 * The words of `<kc-status-tracker>` itself, one object per locale. The statuses' own words come
 * from the contract (`caseStatusWords`), so the tracker, the mails and Open311 say the same thing.
 * Swedish is inline (the default); the other languages are chunks loaded when an element's `lang`
 * asks for one (`TRACKER_TEXTS`).
 */
export interface TrackerTexts {
  readonly dir: 'ltr' | 'rtl';
  /**
   * The message form's words. Not in Swedish's inline texts: those come with a case
   * (`SV_MESSAGE_TEXTS`, in the later chunk), so the first frame does not carry them.
   */
  readonly message?: MessageTexts;
  /**
   * The statuses' words, where this text's readers need them said otherwise than the contract's
   * (`caseStatusWords`): easy-read Swedish says them more simply. Without it, the contract's.
   */
  readonly statuses?: Readonly<Record<CaseStatus, StatusWords>>;
  /** Said while the element's language and the case load. */
  readonly loading: string;
  readonly formHeading: string;
  readonly formIntro: string;
  readonly reference: string;
  readonly referenceHint: string;
  readonly email: string;
  readonly emailHint: string;
  readonly submit: string;
  readonly submitting: string;
  readonly errorSummary: (count: number) => string;
  readonly referenceMissing: string;
  readonly referenceInvalid: string;
  readonly emailMissing: string;
  readonly emailInvalid: string;
  /** One answer for an unknown reference and a wrong e-mail or token: it never says which. */
  readonly notFound: string;
  readonly notFoundHeading: string;
  /** `retryAt`: a time of day, or `undefined` when the server did not say. */
  readonly rateLimited: (retryAt: string | undefined) => string;
  readonly unreachable: string;
  readonly unexpected: string;
  readonly failedHeading: string;
  readonly retry: string;
  /** The heading over a case, with its reference. */
  readonly caseHeading: string;
  readonly status: string;
  readonly expectedBy: (date: string) => string;
  readonly kind: string;
  readonly kinds: { readonly fault: string; readonly question: string };
  readonly category: string;
  readonly photosLabel: string;
  readonly photos: (count: number) => string;
  readonly timelineHeading: string;
  readonly timelineOrder: string;
  readonly forwardedTo: (department: string) => string;
  readonly duplicateOf: string;
  readonly followInstead: string;
  readonly following: string;
  readonly followFailed: string;
  /** Politely announced when the case changes while shown. */
  readonly changed: (status: string) => string;
  /** Shown (politely) once a dropped connection has lasted a while. */
  readonly reconnecting: string;
  readonly reconnected: string;
  /** Shown when following stops for good (the access has ended): the page can be reloaded. */
  readonly watchEnded: string;
  readonly anotherCase: string;
  readonly noPersonalData: string;
}

/** Swedish, the default and fallback. */
export const sv: TrackerTexts = {
  dir: 'ltr',
  loading: 'Hämtar ärendet …',
  formHeading: 'Följ ditt ärende',
  formIntro:
    'Skriv ärendenumret från kvittot och den e-postadress du angav när du skickade ärendet.',
  reference: 'Ärendenummer',
  referenceHint: 'Till exempel KC-7F3K-9QXM',
  email: 'E-postadress',
  emailHint: 'Den adress du skrev när du skickade ärendet.',
  submit: 'Visa ärendet',
  submitting: 'Söker …',
  errorSummary: (count) =>
    count === 1
      ? 'Rätta 1 uppgift för att fortsätta'
      : `Rätta ${count} uppgifter för att fortsätta`,
  referenceMissing: 'Skriv ärendenumret.',
  referenceInvalid:
    'Skriv ärendenumret som det står på kvittot: KC och åtta tecken, till exempel KC-7F3K-9QXM.',
  emailMissing: 'Skriv din e-postadress.',
  emailInvalid: 'Skriv e-postadressen som namn@exempel.se.',
  notFoundHeading: 'Vi hittar inget ärende',
  notFound:
    'Vi hittar inget ärende med de uppgifterna. Kontrollera ärendenumret och e-postadressen och försök igen.',
  rateLimited: (at) =>
    at
      ? `Du har försökt många gånger på kort tid. Försök igen efter klockan ${at}.`
      : 'Du har försökt många gånger på kort tid. Vänta en stund och försök igen.',
  unreachable: 'Vi kunde inte nå kontaktcenter. Kontrollera din anslutning och försök igen.',
  unexpected: 'Något gick fel hos oss. Försök igen om en stund.',
  failedHeading: 'Ärendet kunde inte visas',
  retry: 'Försök igen',
  caseHeading: 'Ärende',
  status: 'Status',
  expectedBy: (date) => `Du får svar senast ${date}.`,
  kind: 'Typ av ärende',
  kinds: { fault: 'Felanmälan', question: 'Fråga till kontaktcenter' },
  category: 'Ämne',
  photosLabel: 'Bilder',
  photos: (count) => (count === 1 ? '1 bild bifogad' : `${count} bilder bifogade`),
  timelineHeading: 'Vad har hänt',
  timelineOrder: 'Det senaste står först.',
  forwardedTo: (department) => `Skickat till ${department}.`,
  duplicateOf: 'Samma sak är redan anmäld i ärende',
  followInstead: 'Följ den anmälan i stället',
  following: 'Du följer nu den anmälan.',
  followFailed: 'Det gick inte att följa den anmälan just nu. Försök igen om en stund.',
  changed: (status) => `Ärendet har uppdaterats: ${status}.`,
  reconnecting:
    'Vi har tappat kontakten och försöker igen. Det som visas kanske inte är det senaste.',
  reconnected: 'Kontakten är tillbaka.',
  watchEnded: 'Ärendet uppdateras inte längre här. Ladda om sidan för att se det senaste.',
  anotherCase: 'Visa ett annat ärende',
  noPersonalData: 'Här visas aldrig personuppgifter eller det du skrev, bara hur ärendet går.',
};

/**
 * Swedish inline, the others loaded when an element first speaks them: easy-read Swedish too
 * (`lang="sv-simple"`), which also says the statuses more simply (`statuses`).
 */
export const TRACKER_TEXTS: { readonly sv: TrackerTexts } & Readonly<
  Record<Exclude<TextsLocale, 'sv'>, () => Promise<TrackerTexts>>
> = {
  sv,
  en: () => import('./status-tracker.texts.en.js').then((module) => module.en),
  fi: () => import('./status-tracker.texts.fi.js').then((module) => module.fi),
  ar: () => import('./status-tracker.texts.ar.js').then((module) => module.ar),
  'sv-simple': () =>
    import('./status-tracker.texts.sv-simple.js').then((module) => module.svSimple),
};

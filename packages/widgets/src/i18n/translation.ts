import type { AnswerChannel, Need } from '@kontakt/core';
import type { TextsLocale } from '../internal/lang.js';
import type { PhotoRefusal } from '../internal/photos/prepare-photo.js';

/** Fields of the contact form that can carry an error, keyed as in `ContactMessageSchema`. */
export type ContactFormField =
  | 'topic'
  | 'message'
  | 'answerChannel'
  | 'answerLanguage'
  | 'needs'
  | 'interpreterLanguage'
  | 'name'
  | 'email'
  | 'phone'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'photos';

/** A field's error, one text per kind of rule; which one a code means is decided in messages.ts. */
export interface FieldErrorTexts {
  /** "Required" said for the fields that have their own words, e.g. "Write your question." */
  readonly required: Partial<Readonly<Record<ContactFormField, string>>>;
  /** "Required" for any other field. */
  readonly requiredField: string;
  readonly phoneForCallBack: string;
  readonly emailForAnswer: string;
  /** A letter needs a name to address it to. */
  readonly nameForLetter: string;
  /** A letter needs an address (a client that sent none; the form always sends one). */
  readonly addressForLetter: string;
  readonly invalidPostalCode: string;
  readonly contactForVisit: string;
  readonly tooLong: (maximum: number | string) => string;
  readonly invalidEmail: string;
  readonly invalidPhone: string;
  readonly unknownTopic: string;
  readonly invalidOption: string;
  /** More photos than the department takes. */
  readonly tooManyPhotos: (maximum: number | string) => string;
  /** A photo the server no longer has (uploaded over a day ago, or used already). */
  readonly unknownPhoto: string;
  /** Any code this version does not know (a newer server's). */
  readonly other: string;
}

/** Why a message could not be sent, one text per kind of failure. */
export interface FailureTexts {
  readonly rateLimited: string;
  /** The widget is set up wrong on this page: not the person's to fix. */
  readonly misconfigured: string;
  readonly payloadTooLarge: string;
  /** Kept offline so long that the outbox gave up. */
  readonly expired: string;
  readonly unreachable: string;
  readonly validation: string;
  /** Anything else (a server error, a bug). */
  readonly unexpected: string;
}

/**
 * A photo field's words: the contact form's photos, and those with the sender's answer in the
 * status tracker (for a department that takes photos with messages).
 */
export interface PhotoFieldTexts {
  /** The field's legend. */
  readonly legend: string;
  /** How many, what for, and what is done to them before they are sent. */
  readonly hint: (max: number) => string;
  /** The button that opens the file picker (the camera too, on phones). */
  readonly add: string;
  /** Shown instead of the button once the list is full. */
  readonly full: (max: number) => string;
  /** A photo's alternative text in the list. */
  readonly alt: (n: number, total: number) => string;
  readonly remove: (n: number, total: number) => string;
  readonly preparing: string;
  readonly added: (n: number, total: number) => string;
  readonly removed: string;
  /** Said while the photos are uploaded, before the message is sent. */
  readonly uploading: (percent: number) => string;
  readonly problems: Readonly<Record<PhotoRefusal, string>>;
}

/** Where a letter with the answer goes (for the answer channel `letter`). */
export interface ContactFormAddressTexts {
  /** The group's legend; the name field (`contactForm.name`) is its first. */
  readonly legend: string;
  /** The street line, with number and flat. */
  readonly street: string;
  /** A c/o line or a flat number belongs on the street line too. */
  readonly streetHint: string;
  readonly postalCode: string;
  readonly city: string;
}

/**
 * Every text a kontakt widget shows, for one locale. Numbers and counts are functions so each
 * language can put them where its grammar wants them (plurals included).
 */
export interface KontaktTranslation {
  /** The locale's own name, e.g. "Svenska", shown in language pickers. */
  readonly languageName: string;
  readonly dir: 'ltr' | 'rtl';
  readonly common: {
    readonly loading: string;
    readonly loadFailed: string;
    readonly retry: string;
    readonly optional: string;
  };
  readonly contactForm: {
    readonly formLabel: string;
    readonly topic: string;
    readonly chooseTopic: string;
    /** The topic list's only choice while the department's topics are on their way. */
    readonly loadingTopics: string;
    readonly message: string;
    readonly messageHint: string;
    readonly characterCount: (used: number, max: number) => string;
    readonly charactersLeft: (left: number) => string;
    readonly charactersTooMany: (over: number) => string;
    readonly answerChannel: string;
    readonly channels: Readonly<Record<AnswerChannel, string>>;
    readonly email: string;
    readonly emailHint: string;
    readonly phone: string;
    readonly phoneHint: string;
    readonly visitHint: string;
    readonly name: string;
    readonly answerLanguage: string;
    readonly needsLegend: string;
    readonly needs: Readonly<Record<Need, string>>;
    readonly interpreterLanguage: string;
    readonly interpreterLanguageHint: string;
    readonly publicRecord: string;
    readonly personalIdentityNumberWarning: string;
    readonly submit: string;
    readonly submitting: string;
    readonly errorSummary: (count: number) => string;
    /** Texts for field errors; `fieldErrorText` picks one for a field and a contract code. */
    readonly fieldErrors: FieldErrorTexts;
    readonly offlineHeading: string;
    readonly offlineText: string;
    readonly sendNow: string;
    readonly failedHeading: string;
    /** Why sending failed; `failureText` picks one for an error code. */
    readonly failures: FailureTexts;
    readonly receiptHeading: string;
    readonly receiptReference: string;
    readonly receiptAnswerBy: (date: string) => string;
    readonly receiptKeep: string;
    /** The receipt's link to the status tracker (shown when the form has `tracker-url`). */
    readonly receiptTrack: string;
    readonly newMessage: string;
    /** Said (politely) when a draft from before a reload was filled in. */
    readonly draftRestored: string;
    readonly clearForm: string;
    readonly formCleared: string;
    readonly photos: PhotoFieldTexts;
    readonly postalAddress: ContactFormAddressTexts;
  };
}

/**
 * The contact form's texts that show only once it has been used: its checks' errors, why sending
 * failed, the personal identity number warning, the receipt and the offline panel. Swedish has them in
 * `sv.later.ts`, loaded with the form's submit path; the other languages carry them as usual.
 */
export type ContactFormLaterText =
  | 'personalIdentityNumberWarning'
  | 'errorSummary'
  | 'fieldErrors'
  | 'failures'
  | 'offlineHeading'
  | 'offlineText'
  | 'sendNow'
  | 'receiptHeading'
  | 'receiptReference'
  | 'receiptAnswerBy'
  | 'receiptKeep'
  | 'receiptTrack'
  | 'newMessage'
  | 'postalAddress';

/** The texts of `ContactFormLaterText`. */
export type ContactFormLaterTexts = Pick<KontaktTranslation['contactForm'], ContactFormLaterText>;

/**
 * What a widget can show before it is used: every text but the contact form's later ones and its
 * photos' (Swedish has those in `sv.photos.ts`, loaded with the photos field).
 */
export interface FirstTranslation extends Omit<KontaktTranslation, 'contactForm'> {
  readonly contactForm: Omit<KontaktTranslation['contactForm'], ContactFormLaterText | 'photos'>;
}

/**
 * A locale's texts, or a function that loads them (typically a dynamic `import()`, so a page
 * downloads only the languages its widgets speak).
 */
export type TranslationSource = FirstTranslation | (() => Promise<KontaktTranslation>);

/**
 * Translations for the locales a widget ships, Swedish inline and required (it is the fallback);
 * inline, Swedish is its first texts (the later ones load with what shows them). `sv-simple` is
 * easy-read Swedish, for a page (or an element) with `lang="sv-simple"`.
 */
export type Translations = { readonly sv: FirstTranslation } & Partial<
  Readonly<Record<TextsLocale, TranslationSource>>
>;

import type { Locale } from '@kontakt/core';
import { LOCALE_BASICS } from '../../i18n/locales.js';

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

/** Swedish: inline, so a Swedish page loads no other text. */
export const sv: FaultTexts = {
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
    noMatch: 'Inget passar sökningen. Försök med ett annat ord eller välj Övrigt.',
    loading: 'Hämtar de sorters fel du kan anmäla …',
    otherGroup: 'Övrigt',
  },
  questions: { intro: 'Några frågor om felet.' },
  location: {
    intro:
      'Skriv en adress eller beskriv platsen, använd din position, eller välj platsen på en karta.',
    withoutMap: 'Ange platsen utan karta',
    address: 'Adress eller plats',
    addressHint: 'Till exempel Storgatan 12 eller vid lekplatsen i Pildammsparken.',
    search: 'Sök adressen',
    searching: 'Söker …',
    results: (n) => (n === 1 ? '1 plats hittades.' : `${n} platser hittades.`),
    noResults: 'Ingen plats hittades. Det du skrev räcker ändå som beskrivning av platsen.',
    searchFailed:
      'Sökningen fungerar inte just nu. Det du skrev räcker som beskrivning av platsen.',
    resultsLabel: 'Platser som matchar',
    position: 'Använd min position',
    locating: 'Hämtar din position …',
    positionProblems: {
      denied:
        'Webbplatsen får inte läsa din position. Skriv adressen i stället, eller tillåt positionen i webbläsarens inställningar.',
      unavailable: 'Din position kunde inte bestämmas. Skriv adressen i stället.',
      timeout: 'Det tog för lång tid att hitta din position. Försök igen eller skriv adressen.',
      unsupported: 'Den här webbläsaren kan inte ge din position. Skriv adressen i stället.',
    },
    positionFound: (accuracy) => `Din position är vald, ungefär ${accuracy} meter noggrant.`,
    mapHeading: 'Eller välj platsen på en karta',
    openMap: 'Visa karta',
    mapLoading: 'Hämtar kartan …',
    mapFailed: 'Kartan kunde inte visas. Ange platsen utan karta i stället.',
    mapCenter: 'Sätt nålen mitt i kartan',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    pin: 'Nål vid felet',
    mapLabel: 'Karta för att välja platsen',
    mapInstructions:
      'Klicka eller tryck där felet är. Med tangentbordet: gå till kartan, flytta nålen med piltangenterna och tryck Enter för att sätta nålen mitt i kartan.',
    chosenPoint: (lat, lon) => `Vald punkt på kartan: ${lat}, ${lon}.`,
    chosenPlace: (label) => `Vald plats: ${label}.`,
    chosenPosition: (lat, lon) => `Vald position: ${lat}, ${lon}.`,
    nothingChosen: 'Ingen plats vald än.',
  },
  nearby: {
    checking: 'Letar efter anmälningar i närheten …',
    intro: (n) =>
      n === 1
        ? 'Någon har redan anmält ett fel av samma slag i närheten. Gäller det samma sak kan du följa den anmälan i stället för att göra en ny.'
        : `Det finns ${n} öppna anmälningar av samma slag i närheten. Gäller din något av dem kan du följa det i stället för att göra en ny.`,
    found: (n) => (n === 1 ? '1 anmälan i närheten.' : `${n} anmälningar i närheten.`),
    report: (distance) => `${distance} meter härifrån`,
    reported: (date) => `Anmäld ${date}`,
    status: 'Status',
    follow: 'Följ den här i stället',
    followEmail: 'E-post för besked om ärendet',
    followEmailHint: 'Frivilligt. Utan e-post följer du ärendet med länken du får.',
    somethingElse: 'Min anmälan gäller något annat',
    following: 'Du följer ärendet …',
    followedHeading: 'Du följer nu ärendet',
    followedText: 'Du behöver inte göra någon ny anmälan. Med länken ser du hur det går.',
    followFailed:
      'Det gick inte att följa ärendet just nu. Försök igen, eller gör en egen anmälan.',
  },
  photos: {
    intro: (max) =>
      `Du kan lägga till ${max === 1 ? 'ett foto' : `upp till ${max} foton`}. Foton är frivilliga men hjälper oss att hitta och förstå felet.`,
    add: 'Ta eller välj foto',
    addHint: 'Fotot görs mindre och platsuppgifter i filen tas bort innan det skickas.',
    alt: (n, total) => `Foto ${n} av ${total}`,
    remove: (n, total) => `Ta bort foto ${n} av ${total}`,
    preparing: 'Förbereder fotot …',
    uploading: (percent) => `Laddar upp: ${percent} %`,
    uploaded: 'Uppladdat',
    added: (n, total) => `Foto ${n} av ${total} har lagts till.`,
    removed: 'Fotot är borttaget.',
    problems: {
      heic_unsupported:
        'Fotot är i formatet HEIC, som inte kan användas här. Välj ett annat foto, eller ställ in kameran på ”Mest kompatibel” (JPEG).',
      too_large: 'Fotot är för stort för att skickas. Välj ett mindre foto.',
      decode_failed: 'Filen kunde inte läsas som ett foto. Välj en JPEG-, PNG- eller WebP-bild.',
      not_an_image: 'Den sortens fil kan inte skickas. Välj en JPEG-, PNG- eller WebP-bild.',
      too_many: 'Du har redan lagt till så många foton som går.',
      upload_failed: 'Fotot kunde inte laddas upp. Försök igen.',
    },
    tooMany: (max) => `Du kan lägga till högst ${max} foton.`,
  },
  description: {
    label: 'Beskriv felet',
    hint: 'Vad är fel, och sedan när? Skriv inte personnummer eller uppgifter om din hälsa.',
    count: (length, max) => `${length} av ${max} tecken`,
    personalIdentityNumber:
      'Det ser ut som att du har skrivit ett personnummer. Ta bort det om det inte behövs – anmälan blir en allmän handling.',
  },
  contact: {
    legend: 'Hur vill du anmäla?',
    anonymous: 'Anonymt, utan kontaktuppgifter',
    withContact: 'Med mina kontaktuppgifter',
    anonymousHint:
      'Du kan anmäla anonymt. Du följer då ärendet med länken på kvittot, men vi kan inte fråga dig något eller meddela dig.',
    name: 'Namn',
    email: 'E-post',
    emailHint: 'Du får ett meddelande när ärendet ändras.',
    phone: 'Telefon',
  },
  review: {
    intro: 'Kontrollera att allt stämmer innan du skickar.',
    change: 'Ändra',
    changeWhat: (what) => `Ändra ${what.toLowerCase()}`,
    category: 'Sorts fel',
    location: 'Plats',
    photos: 'Foton',
    photoCount: (n) => (n === 0 ? 'Inga foton' : n === 1 ? '1 foto' : `${n} foton`),
    description: 'Beskrivning',
    contact: 'Kontaktuppgifter',
    anonymous: 'Anonym anmälan',
    notAnswered: 'Inte besvarat',
    publicRecord:
      'Det du skickar till kommunen blir som regel en allmän handling som vem som helst kan begära att få läsa. Skriv inte personnummer eller känsliga uppgifter om det inte behövs.',
    submit: 'Skicka felanmälan',
    submitting: 'Skickar …',
  },
  receipt: {
    heading: 'Tack! Vi har tagit emot din felanmälan',
    reference: 'Ditt ärendenummer',
    expected: (date) => `Vi räknar med att ha besked senast ${date}.`,
    tracker: 'Följ ärendet',
    keep: 'Spara länken eller ärendenumret. Med länken ser du hur det går, även om du anmälde anonymt.',
    newReport: 'Gör en ny felanmälan',
  },
  offline: {
    heading: 'Din felanmälan är sparad',
    text: 'Du verkar vara utan internet. Anmälan och dina foton är sparade i den här webbläsaren och skickas automatiskt när anslutningen är tillbaka.',
    sendNow: 'Försök skicka nu',
  },
  errors: {
    summary: (n) =>
      n === 1 ? 'Rätta 1 sak innan du går vidare' : `Rätta ${n} saker innan du går vidare`,
    category: 'Välj vad felet gäller.',
    answer: (question) => `Svara på frågan: ${question}`,
    location:
      'Ange var felet är: en adress, en beskrivning av platsen, din position eller en punkt på kartan.',
    description: 'Beskriv felet.',
    tooLong: (max) => `Texten får vara högst ${max} tecken.`,
    email: 'Skriv en e-postadress som namn@exempel.se.',
    phone: 'Skriv ett telefonnummer med siffror, till exempel 040-34 10 00.',
    number: 'Skriv ett tal.',
    contact: 'Skriv en e-postadress eller ett telefonnummer, eller välj att anmäla anonymt.',
    photos: 'Ett foto kunde inte användas. Ta bort det eller försök igen.',
    other: 'Kontrollera svaret.',
  },
  failures: {
    rateLimited: 'Du har skickat många anmälningar på kort tid. Vänta en stund och försök igen.',
    misconfigured:
      'Felanmälan är inte rätt inställd på den här sidan. Ring kommunens kontaktcenter i stället.',
    unreachable:
      'Vi når inte kommunen just nu. Det du skrivit finns kvar. Försök igen om en stund.',
    unexpected: 'Något gick fel hos oss. Det du skrivit finns kvar. Försök igen om en stund.',
  },
  failedHeading: 'Anmälan kunde inte skickas',
  draftRestored: 'Vi har fyllt i det du skrev tidigare.',
  startOver: 'Börja om',
  sending: 'Skickar felanmälan …',
  sentLater: 'Din sparade felanmälan är nu skickad.',
};

/** The loading text in every locale (before a language's texts have arrived). */
export const loadingText = (locale: Locale): string => LOCALE_BASICS[locale].loading;

/** The other languages, loaded when an element's `lang` asks for one. */
export const LATER: Readonly<Record<Exclude<Locale, 'sv'>, () => Promise<FaultTexts>>> = {
  en: () => import('./fault-report.texts.en.js').then((m) => m.en),
  fi: () => import('./fault-report.texts.fi.js').then((m) => m.fi),
  ar: () => import('./fault-report.texts.ar.js').then((m) => m.ar),
};

import type { ConsoleLocale } from '../i18n/texts.js';

/**
 * The fault section's words. Kept beside it (not in the console's i18n) so they load with the case
 * view's fault chunk, not with the sign-in page. Its photos' words are every photo list's
 * (`photos/photo-list.ts`).
 */
export interface FaultTexts {
  heading: string;
  category: string;
  answers: string;
  noAnswers: string;
  /** A multiple-choice answer's keys joined. */
  list: (items: string[]) => string;
  place: string;
  address: string;
  coordinates: string;
  /** `55.60560, 13.00180` with the accuracy when known. */
  point: (lat: string, lon: string) => string;
  accuracy: (meters: string) => string;
  /** The place the department's geocoder names at the point (for a point without an address). */
  nearest: string;
  /** After the nearest place's name: how far it is from the point. */
  nearestDistance: (meters: string) => string;
  noPlace: string;
  mapLabel: string;
  mapHelp: string;
  pinLabel: string;
  zoomIn: string;
  zoomOut: string;
  mapFailed: string;
  reporter: string;
  anonymous: string;
  duplicateOf: string;
  duplicate: {
    heading: string;
    reference: string;
    referenceHint: string;
    suggestions: string;
    noSuggestions: string;
    /** After the linked reference: how far, and when it was reported. */
    suggestion: (meters: number, date: string) => string;
    use: (reference: string) => string;
    confirm: (reference: string) => string;
    confirmYes: string;
    cancel: string;
    submit: string;
    done: (reference: string) => string;
    invalid: string;
    self: string;
    unknown: string;
  };
}

const sv: FaultTexts = {
  heading: 'Felanmälan',
  category: 'Kategori',
  answers: 'Svar på frågorna',
  noAnswers: 'Inga svar på extra frågor.',
  list: (items) => items.join(', '),
  place: 'Plats',
  address: 'Adress eller plats',
  coordinates: 'Koordinater (WGS84)',
  point: (lat, lon) => `${lat}, ${lon}`,
  accuracy: (meters) => `noggrannhet ± ${meters} m`,
  nearest: 'Närmaste kända plats',
  nearestDistance: (meters) => `${meters} m från punkten`,
  noPlace: 'Ingen plats angiven.',
  mapLabel: 'Karta över platsen',
  mapHelp:
    'Kartan visar platsen med en nål. Flytta kartan med piltangenterna och zooma med plus och minus. Platsen står också i text ovan.',
  pinLabel: 'Den anmälda platsen',
  zoomIn: 'Zooma in',
  zoomOut: 'Zooma ut',
  mapFailed: 'Kartan kunde inte visas. Platsen står i text ovan.',
  reporter: 'Anmälare',
  anonymous: 'Anonym anmälan – inga kontaktuppgifter.',
  duplicateOf: 'Dubblett av',
  duplicate: {
    heading: 'Markera som dubblett',
    reference: 'Ärendenummer för ärendet det är en dubblett av',
    referenceHint: 'Till exempel KC-7F3K-9QXM.',
    suggestions: 'Öppna felanmälningar i samma kategori i närheten',
    noSuggestions: 'Inga öppna felanmälningar i samma kategori i närheten.',
    suggestion: (meters, date) => `, ${meters} m bort, anmäld ${date}`,
    use: (reference) => `Välj ${reference}`,
    confirm: (reference) =>
      `Markera det här ärendet som dubblett av ${reference}? Anmälaren får följa det ärendet i stället.`,
    confirmYes: 'Ja, markera som dubblett',
    cancel: 'Avbryt',
    submit: 'Markera som dubblett',
    done: (reference) => `Markerat som dubblett av ${reference}.`,
    invalid: 'Skriv ett ärendenummer som KC-7F3K-9QXM.',
    self: 'Ett ärende kan inte vara dubblett av sig självt.',
    unknown: 'Det finns inget ärende med det numret som du kan se.',
  },
};

const en: FaultTexts = {
  heading: 'Fault report',
  category: 'Category',
  answers: 'Answers to the questions',
  noAnswers: 'No answers to extra questions.',
  list: (items) => items.join(', '),
  place: 'Place',
  address: 'Address or place',
  coordinates: 'Coordinates (WGS84)',
  point: (lat, lon) => `${lat}, ${lon}`,
  accuracy: (meters) => `accuracy ± ${meters} m`,
  nearest: 'Nearest known place',
  nearestDistance: (meters) => `${meters} m from the point`,
  noPlace: 'No place given.',
  mapLabel: 'Map of the place',
  mapHelp:
    'The map shows the place with a pin. Move the map with the arrow keys and zoom with plus and minus. The place is also given in text above.',
  pinLabel: 'The reported place',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  mapFailed: 'The map could not be shown. The place is given in text above.',
  reporter: 'Reported by',
  anonymous: 'Anonymous report – no contact details.',
  duplicateOf: 'Duplicate of',
  duplicate: {
    heading: 'Mark as duplicate',
    reference: 'Reference of the case this one duplicates',
    referenceHint: 'For example KC-7F3K-9QXM.',
    suggestions: 'Open fault reports of the same category nearby',
    noSuggestions: 'No open fault reports of the same category nearby.',
    suggestion: (meters, date) => `, ${meters} m away, reported ${date}`,
    use: (reference) => `Choose ${reference}`,
    confirm: (reference) =>
      `Mark this case as a duplicate of ${reference}? The reporter will follow that case instead.`,
    confirmYes: 'Yes, mark as duplicate',
    cancel: 'Cancel',
    submit: 'Mark as duplicate',
    done: (reference) => `Marked as a duplicate of ${reference}.`,
    invalid: 'Enter a reference like KC-7F3K-9QXM.',
    self: 'A case cannot be a duplicate of itself.',
    unknown: 'There is no case with that reference that you can see.',
  },
};

/** The fault section's words per console language. */
export const FAULT_TEXTS: Record<ConsoleLocale, FaultTexts> = { sv, en };

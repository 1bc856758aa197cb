import type { Locale } from '@kontakt/core';
import { localize } from '@kontakt/core';
import type { FaultCatalog, FaultCategory } from '@kontakt/core/schemas';
import type { Step } from './fault-report.texts.js';
import { STEPS } from './fault-report.texts.js';

/** The contract's limit on a description (`FAULT_DESCRIPTION_MAX_LENGTH`; the schema index is zod). */
export const DESCRIPTION_MAX_LENGTH = 4000;

/** How the place was given: typed (with or without a geocoder match), the device, or the map. */
export type LocationSource = '' | 'address' | 'geocoder' | 'position' | 'map';

/** What the person has answered, as plain data (it is the draft, kept in `sessionStorage`). */
export interface FaultValues {
  category: string;
  /** Per question code: text, or the keys chosen for a multiple-choice question. */
  answers: Record<string, string | string[]>;
  /** The address, the geocoder's label, or the person's description of the place. */
  address: string;
  source: LocationSource;
  lat: number | undefined;
  lon: number | undefined;
  /** Metres, when the point came from the device. */
  accuracy: number | undefined;
  description: string;
  /** `''` until chosen. */
  anonymous: '' | 'yes' | 'no';
  name: string;
  email: string;
  phone: string;
  /** Ids of the photos kept for this draft (their bytes are in IndexedDB). */
  photos: string[];
  /** The step the person is on, so a reload returns there. */
  step: Step;
  /** The person came from the review to change one answer. */
  reviewing: boolean;
  /** Nearby reports were shown and the person chose to report anyway, for this point. */
  nearbyDismissed: string;
}

export const emptyValues = (): FaultValues => ({
  category: '',
  answers: {},
  address: '',
  source: '',
  lat: undefined,
  lon: undefined,
  accuracy: undefined,
  description: '',
  anonymous: '',
  name: '',
  email: '',
  phone: '',
  photos: [],
  step: 'category',
  reviewing: false,
  nearbyDismissed: '',
});

/** True once the person has answered anything (before that, nothing is stored). */
export function isStarted(values: FaultValues): boolean {
  return Boolean(values.category || values.address || values.description || values.photos.length);
}

/**
 * Values read back from a stored draft. Storage is input like any other: only what the form
 * could hold is taken, anything else dropped. `undefined` when nothing usable is left.
 */
export function valuesFromDraft(data: unknown): FaultValues | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const draft = data as Record<string, unknown>;
  const values = emptyValues();
  for (const key of ['category', 'address', 'description', 'name', 'email', 'phone'] as const) {
    if (typeof draft[key] === 'string') values[key] = draft[key] as string;
  }
  for (const key of ['lat', 'lon', 'accuracy'] as const) {
    if (typeof draft[key] === 'number' && Number.isFinite(draft[key])) values[key] = draft[key];
  }
  const sources = ['address', 'geocoder', 'position', 'map'] as const;
  values.source = sources.find((s) => s === draft.source) ?? '';
  values.anonymous = draft.anonymous === 'yes' || draft.anonymous === 'no' ? draft.anonymous : '';
  values.step = STEPS.find((s) => s === draft.step) ?? 'category';
  values.reviewing = draft.reviewing === true;
  values.nearbyDismissed = typeof draft.nearbyDismissed === 'string' ? draft.nearbyDismissed : '';
  if (Array.isArray(draft.photos)) {
    values.photos = draft.photos.filter((p): p is string => typeof p === 'string').slice(0, 10);
  }
  if (typeof draft.answers === 'object' && draft.answers !== null) {
    for (const [code, answer] of Object.entries(draft.answers)) {
      if (typeof answer === 'string') values.answers[code] = answer;
      else if (Array.isArray(answer))
        values.answers[code] = answer.filter((a): a is string => typeof a === 'string');
    }
  }
  return isStarted(values) ? values : undefined;
}

export const hasPoint = (values: FaultValues): boolean =>
  values.lat !== undefined && values.lon !== undefined;

/** The questions a category asks (informational attributes are shown, not asked). */
export const questionsOf = (category: FaultCategory | undefined) => category?.attributes ?? [];

/** The steps this report goes through, given the catalog and what is answered so far. */
export function stepsFor(
  catalog: FaultCatalog | undefined,
  values: FaultValues,
  nearbyCount: number,
): Step[] {
  const category = catalog?.categories.find((c) => c.id === values.category);
  return STEPS.filter((step) => {
    if (step === 'questions') return questionsOf(category).length > 0;
    if (step === 'nearby') return nearbyCount > 0;
    if (step === 'photos') return (catalog?.photos.maxCount ?? 3) > 0;
    return true;
  });
}

/** A point rounded for showing (about a metre), in the page's digits. */
export const coordinate = (value: number): string => value.toFixed(5);

/** The key of a point, to tell whether nearby reports were already looked at for it. */
export const pointKey = (values: FaultValues): string =>
  hasPoint(values) ? `${values.category}:${values.lat?.toFixed(4)},${values.lon?.toFixed(4)}` : '';

/**
 * The point chosen on the map or by the device, to about ten metres (`''` for none or for a
 * place typed or found by name, which is said in words already): what the geocoder is asked to
 * name (see `FaultFlow.namePoint`).
 */
export const placeKey = (values: FaultValues): string =>
  hasPoint(values) && (values.source === 'map' || values.source === 'position')
    ? `${values.lat?.toFixed(4)},${values.lon?.toFixed(4)}`
    : '';

/** Categories whose name, group or keywords contain every word typed (case and accents folded). */
export function searchCategories(
  catalog: FaultCatalog,
  query: string,
  locale: Locale,
): FaultCategory[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return catalog.categories;
  return catalog.categories.filter((category) => {
    const group = catalog.groups.find((g) => g.id === category.group);
    const haystack = fold(
      [
        localize(category.name, locale),
        category.name.sv,
        group ? localize(group.name, locale) : '',
        ...category.keywords,
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

const fold = (text: string): string =>
  text
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

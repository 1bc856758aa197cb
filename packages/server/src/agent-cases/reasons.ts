import type { ContactReason } from '@kontakt/core/agent';
import { ContactReasonSchema } from '@kontakt/core/agent';
import * as z from 'zod/mini';
import { checkSection } from '../config-error.js';

/**
 * The reasons for contact a case is tagged with, from the avoidable-demand work of Swedish
 * municipalities (*onödig efterfrågan*): the first five are contacts better information or
 * e-services would have made unnecessary. A configuration's `reasons` replaces the list.
 */
export const DEFAULT_REASONS: readonly ContactReason[] = [
  {
    id: 'hittade-inte-information',
    name: {
      sv: 'Hittade inte informationen på webben',
      en: 'Could not find the information on the web',
    },
    avoidable: true,
  },
  {
    id: 'forstod-inte-informationen',
    name: {
      sv: 'Förstod inte informationen eller beslutet',
      en: 'Did not understand the information or the decision',
    },
    avoidable: true,
  },
  {
    id: 'e-tjansten-fungerade-inte',
    name: { sv: 'E-tjänsten fungerade inte', en: 'The e-service did not work' },
    avoidable: true,
  },
  {
    id: 'status-pa-arende',
    name: {
      sv: 'Ville veta hur det går med ett ärende',
      en: 'Wanted to know the status of a case',
    },
    avoidable: true,
  },
  {
    id: 'hjalp-med-e-tjanst',
    name: { sv: 'Behövde hjälp att använda en e-tjänst', en: 'Needed help to use an e-service' },
    avoidable: true,
  },
  { id: 'klagomal', name: { sv: 'Klagomål', en: 'Complaint' }, avoidable: false },
  { id: 'felanmalan', name: { sv: 'Felanmälan', en: 'Fault report' }, avoidable: false },
  {
    id: 'specialistfraga',
    name: { sv: 'Fråga som behöver en specialist', en: 'Question needing a specialist' },
    avoidable: false,
  },
  { id: 'ovrigt', name: { sv: 'Övrigt', en: 'Other' }, avoidable: false },
];

/** A configured list of reasons: at least one, no id twice. */
export const ReasonsSchema = z.array(ContactReasonSchema).check(
  z.minLength(1, 'required'),
  z.refine(
    (reasons) => new Set(reasons.map((reason) => reason.id)).size === reasons.length,
    'duplicate',
  ),
);

/** Checks a configuration's `reasons`; a bad one throws `ConfigError` naming it. */
export function parseReasons(input: unknown, source = 'reasons'): ContactReason[] {
  return checkSection(ReasonsSchema, input, 'reasons', source);
}

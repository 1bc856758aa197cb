import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from './case.js';
import { CASE_STATUS_WORDS, caseStatusWords } from './status-labels.js';
import { LOCALES } from './vocabulary.js';

describe('the citizen’s status words', () => {
  it('has a label and a one-sentence meaning for every status in every locale', () => {
    for (const locale of LOCALES) {
      for (const status of CASE_STATUSES) {
        const words = CASE_STATUS_WORDS[locale][status];
        expect(words.label.trim(), `${locale} ${status}`).not.toBe('');
        expect(words.meaning.trim(), `${locale} ${status}`).not.toBe('');
        expect(words.label.length).toBeLessThanOrEqual(30);
      }
      // Two statuses never read the same to the citizen.
      const labels = CASE_STATUSES.map((status) => CASE_STATUS_WORDS[locale][status].label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('falls back to Swedish for a locale kontakt does not ship', () => {
    expect(caseStatusWords('resolved', 'de')).toEqual(CASE_STATUS_WORDS.sv.resolved);
    expect(caseStatusWords('duplicate', 'en').label).toBe('Already reported');
  });
});

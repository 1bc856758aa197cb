// The fault report's words in every language it ships: counts said in each language's grammar.
import { expect } from '@open-wc/testing';
import { LATER } from './fault-report.texts.js';
import { sv } from './fault-report.texts.sv.js';

/** How each language says "at most one photo" and "at most three photos". */
const AT_MOST = {
  sv: ['högst ett foto', 'högst 3 foton'],
  en: ['at most one photo', 'at most 3 photos'],
  fi: ['enintään yhden kuvan', 'enintään 3 kuvaa'],
  ar: ['صورة واحدة', '3 صور'],
  'sv-simple': ['högst 1 bild', 'högst 3 bilder'],
} as const;

describe('<kc-fault-report> texts', () => {
  for (const [locale, [one, three]] of Object.entries(AT_MOST)) {
    it(`${locale}: says one photo in the singular and several in the plural`, async () => {
      const texts = locale === 'sv' ? sv : await LATER[locale as keyof typeof LATER]();
      expect(texts.photos.tooMany(1)).to.contain(one);
      expect(texts.photos.tooMany(3)).to.contain(three);
    });
  }
});

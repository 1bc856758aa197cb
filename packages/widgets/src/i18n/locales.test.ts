import { LOCALES } from '@kontakt/core';
import { expect } from '@open-wc/testing';
import type { TextsLocale } from '../internal/lang.js';
import { LOCALE_BASICS, translations } from './locales.js';
import { svFirst } from './sv.first.js';
import { sv } from './sv.js';
import { svLater } from './sv.later.js';
import { svPhotos } from './sv.photos.js';
import type { KontaktTranslation } from './translation.js';

const SHIPPED: readonly TextsLocale[] = [...LOCALES, 'sv-simple'];

async function load(locale: TextsLocale): Promise<KontaktTranslation> {
  const source = translations[locale];
  if (!source) throw new Error(`no ${locale} translation`);
  // Swedish is inline with its first texts; the contact form's later ones load with its submit
  // path, its photos' with the photos field.
  if (typeof source === 'function') return source();
  return { ...source, contactForm: { ...source.contactForm, ...svLater, photos: svPhotos } };
}

/** Every key path of a translation, functions included as leaves. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${prefix}.${key}`));
}

describe('translations', () => {
  it('ship every locale and easy-read Swedish, Swedish inline and the others loaded on demand', () => {
    expect(Object.keys(translations)).to.have.members([...LOCALES, 'sv-simple']);
    expect(translations.sv).to.equal(svFirst);
    for (const locale of SHIPPED.filter((l) => l !== 'sv')) {
      expect(translations[locale], locale).to.be.a('function');
    }
  });

  it('say one photo in the singular and several in the plural, in every language', async () => {
    const atMost = {
      sv: ['högst en bild', 'högst 3 bilder'],
      en: ['at most one picture', 'at most 3 pictures'],
      fi: ['enintään yhden kuvan', 'enintään 3 kuvaa'],
      ar: ['صورة واحدة', '3 صور'],
      'sv-simple': ['högst 1 bild', 'högst 3 bilder'],
    } as const;
    for (const [locale, [one, three]] of Object.entries(atMost)) {
      const { tooManyPhotos } = (await load(locale as TextsLocale)).contactForm.fieldErrors;
      // The maximum comes as a number, or as a field error's parameter from the server.
      expect(tooManyPhotos(1), locale).to.contain(one);
      expect(tooManyPhotos('1'), locale).to.contain(one);
      expect(tooManyPhotos(3), locale).to.contain(three);
    }
  });

  it('sv-simple: has every text Swedish has, in its own words, Swedish basics before it loads', async () => {
    const t = await load('sv-simple');
    expect(shape(t)).to.have.members(shape(sv));
    // Until it has loaded, the form says Swedish's loading text, marked Swedish, left to right.
    expect(LOCALE_BASICS.sv).to.include({ dir: t.dir, loading: t.common.loading });
    expect(t.languageName).to.equal('Lättläst svenska');
    expect(t.contactForm.messageHint).not.to.equal(sv.contactForm.messageHint);
    expect(t.contactForm.publicRecord).not.to.equal(sv.contactForm.publicRecord);
    expect(t.contactForm.fieldErrors.tooLong(5000)).to.contain('5000');
    expect(t.contactForm.photos.hint(3)).to.contain('3');
  });

  for (const locale of LOCALES) {
    it(`${locale}: has every text Swedish has, and the basics shown before it loads`, async () => {
      const t = await load(locale);
      expect(shape(t)).to.have.members(shape(sv));
      expect(LOCALE_BASICS[locale]).to.deep.equal({
        name: t.languageName,
        dir: t.dir,
        loading: t.common.loading,
      });
    });
  }
});

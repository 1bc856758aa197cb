import { LOCALES } from '@kontakt/core';
import { expect } from '@open-wc/testing';
import { LOCALE_BASICS, translations } from './locales.js';
import { svFirst } from './sv.first.js';
import { sv } from './sv.js';
import { svLater } from './sv.later.js';
import { svPhotos } from './sv.photos.js';
import type { KontaktTranslation } from './translation.js';

async function load(locale: (typeof LOCALES)[number]): Promise<KontaktTranslation> {
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
  it('ship every locale, Swedish inline and the others loaded on demand', () => {
    expect(Object.keys(translations)).to.have.members([...LOCALES]);
    expect(translations.sv).to.equal(svFirst);
    for (const locale of LOCALES.filter((l) => l !== 'sv')) {
      expect(translations[locale], locale).to.be.a('function');
    }
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

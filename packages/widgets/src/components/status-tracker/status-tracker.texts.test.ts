// Every language of the tracker's own words: loaded on demand, complete, and its own.
import { expect } from '@open-wc/testing';
import { SV_PHOTO_TEXTS } from './status-tracker.message-photos.js';
import { SV_MESSAGE_TEXTS } from './status-tracker.message-texts.js';
import type { TrackerTexts } from './status-tracker.texts.js';
import { TRACKER_TEXTS } from './status-tracker.texts.js';

const words = (texts: TrackerTexts): string[] =>
  Object.values(texts).flatMap((value: unknown) =>
    typeof value === 'function'
      ? [String(value(2)), String(value(1)), String(value(undefined))]
      : typeof value === 'object' && value
        ? Object.values(value).map(String)
        : [String(value)],
  );

describe('<kc-status-tracker> texts', () => {
  for (const locale of ['en', 'fi', 'ar'] as const) {
    it(`${locale} loads on demand, says everything Swedish says, in its own words`, async () => {
      const texts = await TRACKER_TEXTS[locale]();
      // The message form's words come with the language (Swedish's with a case).
      const { message, ...own } = texts;
      expect(Object.keys(own).sort()).to.deep.equal(Object.keys(TRACKER_TEXTS.sv).sort());
      // The answer's photos' words too (Swedish's come with the photos' code).
      const { photos, ...form } = message ?? SV_MESSAGE_TEXTS;
      expect(Object.keys(form).sort()).to.deep.equal(Object.keys(SV_MESSAGE_TEXTS).sort());
      expect(Object.keys(photos ?? {}).sort()).to.deep.equal(Object.keys(SV_PHOTO_TEXTS).sort());
      expect(Object.keys(photos?.problems ?? {}).sort()).to.deep.equal(
        Object.keys(SV_PHOTO_TEXTS.problems).sort(),
      );
      expect(photos?.hint(3)).to.contain('3');
      expect(photos?.add).not.to.equal(SV_PHOTO_TEXTS.add);
      expect(message?.tooLong(5000)).to.contain('5000');
      expect(message?.send).not.to.equal(SV_MESSAGE_TEXTS.send);
      expect(texts.dir).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      for (const word of words(texts)) expect(word.trim(), locale).not.to.equal('');
      expect(texts.notFound).not.to.equal(TRACKER_TEXTS.sv.notFound);
      expect(texts.rateLimited('14:05')).to.contain('14:05');
      expect(texts.photos(3)).to.contain('3');
    });
  }

  it('gives one answer for every wrong guess: no text names which part was wrong', () => {
    // The not-found text speaks of both parts together, in every language.
    expect(TRACKER_TEXTS.sv.notFound).to.contain('ärendenumret och e-postadressen');
  });
});

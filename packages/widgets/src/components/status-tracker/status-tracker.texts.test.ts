// Every language of the tracker's own words: loaded on demand, complete, and its own.
import { CASE_STATUS_WORDS, CASE_STATUSES } from '@kontakt/core/schemas';
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

  it('easy-read Swedish loads on demand, says everything Swedish says, and every status simply', async () => {
    const texts = await TRACKER_TEXTS['sv-simple']();
    const { message, statuses, ...own } = texts;
    expect(Object.keys(own).sort()).to.deep.equal(Object.keys(TRACKER_TEXTS.sv).sort());
    const { photos, ...form } = message ?? SV_MESSAGE_TEXTS;
    expect(Object.keys(form).sort()).to.deep.equal(Object.keys(SV_MESSAGE_TEXTS).sort());
    expect(Object.keys(photos ?? {}).sort()).to.deep.equal(Object.keys(SV_PHOTO_TEXTS).sort());
    expect(texts.dir).to.equal('ltr');
    for (const word of words(texts)) expect(word.trim()).not.to.equal('');
    // Its own words where Swedish's are hard, the case number and the address still said together.
    expect(texts.formIntro).not.to.equal(TRACKER_TEXTS.sv.formIntro);
    expect(texts.notFound).to.contain('ärendenumret och e-postadressen');
    expect(texts.rateLimited('14:05')).to.contain('14:05');
    expect(message?.tooLong(5000)).to.contain('5000');
    expect(photos?.hint(3)).to.contain('3');
    // Every status, said otherwise than the contract's words (the mails' and Open311's).
    expect(Object.keys(statuses ?? {}).sort()).to.deep.equal([...CASE_STATUSES].sort());
    for (const status of CASE_STATUSES) {
      expect(statuses?.[status].label.trim(), status).not.to.equal('');
      expect(statuses?.[status].meaning.trim(), status).not.to.equal('');
    }
    expect(statuses?.forwarded.meaning).not.to.equal(CASE_STATUS_WORDS.sv.forwarded.meaning);
    expect(statuses?.forwarded.meaning).not.to.contain('förvaltning');
  });

  it('gives one answer for every wrong guess: no text names which part was wrong', () => {
    // The not-found text speaks of both parts together, in every language.
    expect(TRACKER_TEXTS.sv.notFound).to.contain('ärendenumret och e-postadressen');
  });
});

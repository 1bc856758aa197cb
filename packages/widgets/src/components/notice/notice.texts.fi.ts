import type { NoticeTexts } from './notice.texts.js';

/** `<kc-notice>`'s words in Finnish: a chunk of its own, loaded by `noticeTexts`. */
export const texts: NoticeTexts = {
  dir: 'ltr',
  region: 'Ajankohtaiset tiedotteet',
  hide: 'Piilota',
  severity: { info: 'Tiedote', warning: 'Varoitus', danger: 'Tärkeä tiedote' },
  announceNew: 'Uusi tiedote:',
  announceChanged: 'Päivitetty tiedote:',
  hidden: 'Tiedote on piilotettu.',
};

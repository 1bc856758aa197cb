import type { NoticeTexts } from './notice.texts.js';

/** `<kc-notice>`'s words in English: a chunk of its own, loaded by `noticeTexts`. */
export const texts: NoticeTexts = {
  dir: 'ltr',
  region: 'Current notices',
  hide: 'Hide',
  severity: { info: 'Information', warning: 'Warning', danger: 'Important message' },
  announceNew: 'New notice:',
  announceChanged: 'Updated notice:',
  hidden: 'The notice is hidden.',
};

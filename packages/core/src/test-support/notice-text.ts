import type { NoticeText } from '../schemas/notice.js';

/** A notice text in every locale (a notice needs all four), each marked with its locale. */
export const noticeText = (word: string): NoticeText => ({
  sv: `${word} sv`,
  en: `${word} en`,
  fi: `${word} fi`,
  ar: `${word} ar`,
});

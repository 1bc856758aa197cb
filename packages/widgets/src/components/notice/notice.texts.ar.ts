import type { NoticeTexts } from './notice.texts.js';

/** `<kc-notice>`'s words in Arabic: a chunk of its own, loaded by `noticeTexts`. */
export const texts: NoticeTexts = {
  dir: 'rtl',
  region: 'إشعارات حالية',
  hide: 'إخفاء',
  severity: { info: 'معلومات', warning: 'تحذير', danger: 'رسالة مهمة' },
  announceNew: 'إشعار جديد:',
  announceChanged: 'إشعار محدَّث:',
  hidden: 'تم إخفاء الإشعار.',
};

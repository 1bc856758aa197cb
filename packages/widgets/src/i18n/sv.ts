import { svFirst } from './sv.first.js';
import { svLater } from './sv.later.js';
import { svPhotos } from './sv.photos.js';
import type { KontaktTranslation } from './translation.js';

/** Every Swedish text: the first ones (`sv.first.ts`), the contact form's later ones and its photos'. */
export const sv: KontaktTranslation = {
  ...svFirst,
  contactForm: { ...svFirst.contactForm, ...svLater, photos: svPhotos },
};

import { svFirst } from './sv.first.js';
import { svLater } from './sv.later.js';
import type { KontaktTranslation } from './translation.js';

/** Every Swedish text: the first ones (`sv.first.ts`) and the contact form's later ones. */
export const sv: KontaktTranslation = {
  ...svFirst,
  contactForm: { ...svFirst.contactForm, ...svLater },
};

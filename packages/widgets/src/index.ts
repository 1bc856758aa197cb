/**
 * kontakt widgets: classes, events, translations and base pieces. Importing this registers nothing;
 * import `@kontakt/widgets/define/<widget>` (or call `KcContactForm.define(tag)`) to register.
 *
 * @module @kontakt/widgets
 */
export { KcContactForm } from './components/contact-form/contact-form.js';
export { KcErrorEvent } from './events/error.js';
export { KcSubmitEvent } from './events/submit.js';
export { KcSubmittedEvent } from './events/submitted.js';
export { ar } from './i18n/ar.js';
export { en } from './i18n/en.js';
export { fi } from './i18n/fi.js';
export { failureText, fieldErrorText } from './i18n/messages.js';
export { sv } from './i18n/sv.js';
export type {
  ContactFormField,
  FailureTexts,
  FieldErrorTexts,
  KontaktTranslation,
  TranslationSource,
  Translations,
} from './i18n/translation.js';
export { ClientController, type ClientSource, clientContext } from './internal/client.js';
export {
  DraftController,
  type DraftControllerOptions,
  draftKey,
} from './internal/draft-controller.js';
export { KontaktElement } from './internal/kontakt-element.js';
export { LocalizeController, resolveLang } from './internal/localize.js';
export { VERSION } from './internal/version.js';

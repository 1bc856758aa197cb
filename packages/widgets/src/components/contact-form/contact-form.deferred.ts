/**
 * What `<kc-contact-form>` loads once a person starts to use it (first focus, press or input, or
 * submit), so that none of it costs the page's first frames: the client (ky), the contract's
 * schemas (zod) for validation, the submit path with the outbox (IndexedDB), and the check that
 * warns about a personal identity number, the address for an answer by letter; for a department that takes photos, the photos field
 * comes as a chunk of its own (`loadPhotos`). See the widgets' README, "First render, then the rest".
 */
// Only messages are sent from here: the client without the SDK's other resources.
export { containsPersonalIdentityNumber, createMessageClient as createClient } from '@kontakt/core';
export { KcSubmitEvent } from '../../events/submit.js';
export { SubmissionController } from '../../internal/submission-controller.js';
export { addressFields } from './contact-form.address.js';
export { toErrorMap } from './contact-form.error-map.js';
export {
  errorSummary,
  errorText,
  laterTexts,
  offlineView,
  receiptView,
} from './contact-form.outcome.js';
export { outcomeStyles as lateStyles } from './contact-form.outcome-styles.js';
export {
  clearPhotos,
  photosField,
  photosToSend,
  sendingLabel,
} from './contact-form.photos-loader.js';
export {
  failureText,
  messageSender,
  onSubmissionChange,
  showErrors,
} from './contact-form.sending.js';
export { validate } from './contact-form.validation.js';

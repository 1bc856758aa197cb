/**
 * What the tracker loads once it is used (or opened from a link): the client, the checks of what
 * a person typed, and the templates of a case (none can show before a lookup). Re-exports only; see components/README.md.
 */
export { createClient, EmailSchema, normalizeCaseReference } from '@kontakt/core';
export { caseView, statusWords } from './status-tracker.case-view.js';
export {
  answerClientFor,
  CaseMessageController,
  messageDraftKey,
} from './status-tracker.message.js';
export { SV_MESSAGE_TEXTS } from './status-tracker.message-texts.js';

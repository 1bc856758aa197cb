/**
 * kontakt widgets: the element classes, their events and types. Importing this registers nothing;
 * import `@kontakt/widgets/define/<widget>` (or call `KcContactForm.define(tag)`) to register.
 * Controllers, the base element and translations are internal: widgets are configured through
 * their attributes, properties, CSS parts and tokens, or for several at once with a
 * `<kc-provider>` around them or `configure()`.
 *
 * @module @kontakt/widgets
 */

export { KcChatEndedEvent, KcChatPanelEvent } from './components/chat-bubble/chat-bubble.events.js';
export {
  type ChatBubblePlacement,
  KcChatBubble,
} from './components/chat-bubble/chat-bubble.js';
export { KcContactForm } from './components/contact-form/contact-form.js';
export { KcFaultReport } from './components/fault-report/fault-report.js';
export { KcNotice, type NoticeSource } from './components/notice/notice.js';
export { KcProvider } from './components/provider/provider.js';
export { KcStatusTracker } from './components/status-tracker/status-tracker.js';
export { configure } from './configure.js';
export { KcErrorEvent } from './events/error.js';
export { KcNoticeChangeEvent } from './events/notice-change.js';
export { KcStatusChangeEvent } from './events/status-change.js';
export { KcSubmitEvent } from './events/submit.js';
export { KcSubmittedEvent } from './events/submitted.js';
export type { ContactFormField } from './i18n/translation.js';
export type { KontaktSettings } from './internal/settings.js';
export { VERSION } from './internal/version.js';

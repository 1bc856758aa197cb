/**
 * Typed React wrappers for the kontakt web components.
 *
 * @module @kontakt/react
 */
export { ChatBubble, chatBubbleEvents } from './chat-bubble.js';
export { ContactForm, contactFormEvents } from './contact-form.js';
export { FaultReport, faultReportEvents } from './fault-report.js';
export { Notice, noticeEvents } from './notice.js';
export { Provider } from './provider.js';
export { StatusTracker, statusTrackerEvents } from './status-tracker.js';

/**
 * What `<kc-fault-report>` loads once a person starts to use it (first focus, press or input),
 * so none of it costs the page's first frames: the client (ky), the contract's schemas (zod),
 * the submit path with the outbox, and the personal identity number check. The map (Leaflet) and
 * photo processing are chunks of their own, loaded only at their steps. See the widgets' README,
 * "First render, then the rest".
 */
export { containsPersonalIdentityNumber, createClient } from '@kontakt/core';
export { SubmissionController } from '../../internal/submission-controller.js';
export { validateReport } from './fault-report.validation.js';

/*
 * Forwarding fault reports to a department's own Open311 GeoReport v2 system: queued with the
 * report (`queueForwards`), filed by a leased forwarder, and polled for status changes that reach
 * the citizen like any other update.
 */
export { type ForwardedCase, OPEN311_FORWARD_STREAM, queueForwards } from './queue.js';
export {
  type ForwardOptions,
  type ForwardSettings,
  forwardSettingsOf,
  keepForwarding,
  parseForwarding,
  setForwarding,
} from './settings.js';
export { startOpen311Forwarding } from './start.js';
export { createOpen311ForwardTables, type Open311ForwardTables } from './tables.js';

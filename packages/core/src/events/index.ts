/**
 * `@kontakt/core/events`: Server-Sent Events over `fetch`, free of ky and zod, for live views
 * whose first render must stay small (`<kc-notice>`). Per-resource helpers open an `EventStream`
 * (events and an async iterator) or, where every byte counts (notices), extend the `EventReader`
 * it is built on, and parse the `data` with their own schema.
 *
 * @module @kontakt/core/events
 */
export type { ReconnectOptions } from './backoff.js';
export { EventStreamErrorEvent } from './error-event.js';
export {
  EventReader,
  type EventReaderOptions,
  EventStream,
  type EventStreamEventMap,
  type EventStreamOptions,
  type EventStreamState,
} from './event-stream.js';
export { NOTICES_CURRENT_EVENT } from './notices-current.js';
export {
  type EventStreamMessage,
  EventStreamParser,
  type EventStreamParserCallbacks,
} from './parser.js';
export { LAST_EVENT_ID_PARAM, RECONNECT_EVENT } from './protocol.js';

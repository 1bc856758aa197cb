/*
 * Server-Sent Events: one helper for every stream, over the event log's `EventFeed`.
 */
export type { Cursor, EventFeed, StoredEvent, Unsubscribe } from './feed.js';
export {
  createSseHub,
  EVENT_STREAM_HEADERS,
  type InitialEvent,
  type RespondOptions,
  type SseHub,
  type SseHubOptions,
} from './hub.js';
export { readLastEventId } from './last-event-id.js';
export { createMemoryFeed, type MemoryFeed } from './memory-feed.js';
export { createNotifier, type Notifier } from './notifier.js';
export {
  type EventStreamDescription,
  eventStreamParameters,
  eventStreamResponse,
} from './openapi.js';

/*
 * What the kontakt server and this reader agree on beyond the `text/event-stream` format itself.
 * Kept in its own module so the server can import it without the reader.
 */

/**
 * The event type the server sends right before it ends a stream on purpose (it is shutting down,
 * or this client fell too far behind): reconnect, with `Last-Event-ID`, to this or another
 * instance. `EventStream` handles it itself and never hands it to listeners.
 *
 * @since 0.3.0
 */
export const RECONNECT_EVENT = 'kontakt.reconnect';

/**
 * The query parameter a client may send its last event id in instead of the `Last-Event-ID`
 * header (a cross-origin request with that header needs a CORS preflight).
 *
 * @since 0.3.0
 */
export const LAST_EVENT_ID_PARAM = 'lastEventId';

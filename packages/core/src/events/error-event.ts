import type { KontaktError } from '../errors/KontaktError.js';

/**
 * An `EventStream` lost or could not open its connection. When `willRetry` is true it is
 * reconnecting (`readyState` is `'connecting'`): show that the live view may be behind, not an
 * error. When false the stream is closed for good (`readyState` is `'closed'`) and `error` says
 * why: the server refused it (a `4xx`), sent `204 No Content` (nothing more to stream), or
 * answered with something that is not an event stream.
 *
 * @since 0.3.0
 */
export class EventStreamErrorEvent extends Event {
  constructor(
    /** A `NetworkError` while retrying; a `KontaktError` with the status when final. */
    readonly error: KontaktError,
    /** True when the stream will reconnect by itself. */
    readonly willRetry: boolean,
  ) {
    super('error');
  }
}

// Apart from protocol.ts, so that only what reads the notices carries it.
/**
 * The event a department's notices stream begins with when asked to (`GET
 * /v1/notices/stream?department=…&current=1`) and started without a last event id: `data` is
 * `{ notices }`, every notice that has not ended (later ones included), replacing whatever the
 * client held. It carries no `id`: the stream's next event is the first change after them. So one
 * request gives a page its notices and keeps them live, with no list request before it.
 *
 * @since 0.3.0
 */
export const NOTICES_CURRENT_EVENT = 'notices.current';

/*
 * How an event stream is written down in the OpenAPI document. OpenAPI 3.1 has no word for a
 * stream of items; the convention tools (Speakeasy, Scalar) read is a `text/event-stream` body
 * whose `schema` describes one event. Each event's `data` is a string of JSON, described with
 * JSON Schema's `contentMediaType` and `contentSchema`, as OpenAPI 3.2's own SSE example does.
 */
import { LAST_EVENT_ID_PARAM, RECONNECT_EVENT } from '@kontakt/core/events';
import { EVENT_STREAM_HEADERS } from './hub.js';

type JsonObject = Record<string, unknown>;

/** A stream as the document shows it. */
export interface EventStreamDescription {
  /** What the stream carries and when it ends. */
  description: string;
  /** Each event type it sends, with what it means and the JSON Schema of its data. */
  events: Record<string, { description: string; data: JsonObject }>;
}

/** The two ways a client says where it resumes. */
export function eventStreamParameters(): JsonObject[] {
  return [
    {
      name: 'Last-Event-ID',
      in: 'header',
      required: false,
      description:
        'The `id` of the last event the client received: the stream resumes after it. ' +
        '`EventSource` sends it by itself when it reconnects.',
      schema: { type: 'string', pattern: '^[0-9]{1,16}$' },
    },
    {
      name: LAST_EVENT_ID_PARAM,
      in: 'query',
      required: false,
      description:
        'The same as `Last-Event-ID`, for clients that cannot send headers or want to spare a ' +
        'CORS preflight; the header wins when both are sent.',
      schema: { type: 'string', pattern: '^[0-9]{1,16}$' },
    },
  ];
}

/** The `200` response of an event stream: its headers and every event type it can send. */
export function eventStreamResponse(stream: EventStreamDescription): JsonObject {
  const events = Object.entries(stream.events).map(([type, event]) =>
    eventSchema(type, event.description, event.data, true),
  );
  events.push(
    eventSchema(
      RECONNECT_EVENT,
      'The server ends the stream (it is shutting down, or the client fell behind): reconnect ' +
        'with `Last-Event-ID`. Carries no `id`.',
      {
        type: 'object',
        properties: { reason: { type: 'string', enum: ['shutdown', 'too_slow', 'recheck'] } },
        required: ['reason'],
      },
      false,
    ),
  );
  return {
    description:
      `${stream.description} Server-Sent Events: each event has an \`id\` (resume after it ` +
      'with `Last-Event-ID`), an `event` type and one line of JSON `data`. The stream starts ' +
      'with a `retry:` hint and sends a comment line as a heartbeat when it is quiet.',
    headers: {
      'Cache-Control': {
        description: `\`${EVENT_STREAM_HEADERS['Cache-Control']}\`.`,
        schema: { type: 'string' },
      },
      'X-Accel-Buffering': {
        description: '`no`: proxies must pass events on at once.',
        schema: { type: 'string' },
      },
    },
    content: {
      'text/event-stream': { schema: { description: 'One event of the stream.', oneOf: events } },
    },
  };
}

function eventSchema(type: string, description: string, data: JsonObject, withId: boolean) {
  return {
    title: type,
    description,
    type: 'object',
    properties: {
      ...(withId ? { id: { type: 'string', pattern: '^[0-9]+$' } } : {}),
      event: { type: 'string', const: type },
      data: { type: 'string', contentMediaType: 'application/json', contentSchema: data },
    },
    required: withId ? ['id', 'event', 'data'] : ['event', 'data'],
  };
}

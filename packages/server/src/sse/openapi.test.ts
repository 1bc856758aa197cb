import { RECONNECT_EVENT } from '@kontakt/core/events';
import { describe, expect, it } from 'vitest';
import { eventStreamParameters, eventStreamResponse } from './openapi.js';

describe('eventStreamResponse', () => {
  it('describes a text/event-stream body with every event type, the reconnect event included', () => {
    const response = eventStreamResponse({
      description: 'The notices of a department.',
      events: {
        'notice.published': { description: 'A new notice.', data: { type: 'object' } },
      },
    }) as {
      description: string;
      content: Record<
        string,
        { schema: { oneOf: { title: string; properties: Record<string, unknown> }[] } }
      >;
    };
    const events = response.content['text/event-stream']?.schema.oneOf ?? [];
    expect(events.map((event) => event.title)).toEqual(['notice.published', RECONNECT_EVENT]);
    expect(events[0]?.properties.data).toEqual({
      type: 'string',
      contentMediaType: 'application/json',
      contentSchema: { type: 'object' },
    });
    expect(response.description).toContain('The notices of a department.');
  });

  it('documents both ways to resume', () => {
    expect(eventStreamParameters().map((parameter) => [parameter.in, parameter.name])).toEqual([
      ['header', 'Last-Event-ID'],
      ['query', 'lastEventId'],
    ]);
  });
});

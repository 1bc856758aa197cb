// client.callbacks against the real reference server: the slots offered, asking to be called in
// one or as soon as possible, idempotent retries, and the server's refusals as typed errors.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import type { KontaktError } from '../errors/KontaktError.js';
import type { ValidationError } from '../errors/ValidationError.js';
import { isValidationError } from '../errors/ValidationError.js';
import { ReceiptSchema } from '../schemas/index.js';
import { afterThisTest, cleanUp, server } from '../test-support/real-servers.js';

const PAGE = 'https://skola.example.se/skolskjuts';
// Thursday 3 December 2026, 09:10 in Stockholm.
const now = new Date('2026-12-03T08:10:00Z');

afterEach(cleanUp);

const start = () =>
  server({ now: () => now, callback: { slotMinutes: 60, callsPerSlot: 1, daysAhead: 2 } });

const clientFor = (endpoint: string, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({
    endpoint,
    department: 'skola',
    pageUrl: () => PAGE,
    retry: { limit: 1, delay: () => 10 },
    outbox: false,
    ...extra,
  });

describe('client.callbacks', () => {
  it('offers the slots within opening hours and books one as a case', async () => {
    const api = await start();
    const client = clientFor(api.url);
    const { department, timeZone, slots } = await client.callbacks.slots();
    expect({ department, timeZone }).toEqual({ department: 'skola', timeZone: 'Europe/Stockholm' });
    expect(slots[0]).toEqual({
      start: '2026-12-03T09:00:00.000Z',
      end: '2026-12-03T10:00:00.000Z',
      available: true,
    });
    const slot = slots[1]?.start ?? '';
    const receipt = await client.callbacks.request(
      { locale: 'sv', phone: '070-123 45 67', name: 'Sara Svensson', when: { slot } },
      { widget: 'kc-chat-bubble' },
    );
    expect(ReceiptSchema.parse(receipt).expectedAnswerBy).toBe(slots[1]?.end);
    const row = await api.database.inspect((db) =>
      db
        .selectFrom('cases')
        .select(['channel', 'department', 'page_url', 'widget'])
        .where('reference', '=', receipt.reference)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({
      channel: 'phone',
      department: 'skola',
      page_url: PAGE,
      widget: 'kc-chat-bubble',
    });
    const after = await client.callbacks.slots();
    expect(after.slots.find((s) => s.start === slot)?.available).toBe(false);

    const taken = await client.callbacks
      .request({ locale: 'sv', phone: '040-34 10 00', when: { slot } })
      .catch((error: KontaktError) => error);
    expect(taken).toMatchObject({ code: 'callback_slot_unavailable', status: 409 });
  });

  it('checks the phone number before sending, and names a slot the server does not offer', async () => {
    const api = await start();
    let requests = 0;
    const client = clientFor(api.url, {
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    const bad = await client.callbacks
      .request({ locale: 'sv', phone: 'ring mig', when: { asap: true } })
      .catch((error: ValidationError) => error);
    expect(isValidationError(bad)).toBe(true);
    expect((bad as ValidationError).fieldErrors).toEqual([
      expect.objectContaining({ field: 'phone', code: 'invalid_phone' }),
    ]);
    expect(requests).toBe(0);

    const saturday = await client.callbacks
      .request({ locale: 'sv', phone: '070-123 45 67', when: { slot: '2026-12-05T09:00:00Z' } })
      .catch((error: ValidationError) => error);
    expect((saturday as ValidationError).fieldErrors).toEqual([
      expect.objectContaining({ field: 'when.slot', code: 'outside_opening_hours' }),
    ]);
  });

  it('ends the chat the person was waiting in and links the request to it', async () => {
    const api = await start();
    const client = clientFor(api.url);
    const following = new AbortController();
    afterThisTest(async () => following.abort());
    const chat = await client.chat.start(
      { locale: 'sv', message: 'Hej! Kan ni ringa mig om skolskjuts?' },
      { signal: following.signal },
    );
    const receipt = await client.callbacks.request(
      { locale: 'sv', phone: '070-123 45 67', when: { asap: true } },
      { chat },
    );
    const linked = await api.database.inspect((db) =>
      db
        .selectFrom('callback_requests')
        .select('chat_session')
        .where('case_reference', '=', receipt.reference)
        .executeTakeFirstOrThrow(),
    );
    expect(linked.chat_session).toBe(chat.id);
    const session = await fetch(`${api.url}/v1/chat/sessions/${chat.id}`, {
      headers: { Authorization: `Bearer ${chat.token}` },
    });
    expect(((await session.json()) as { status: string }).status).toBe('ended');

    const stranger = await client.callbacks
      .request(
        { locale: 'sv', phone: '070-123 45 67', when: { asap: true } },
        { chat: { id: chat.id, token: 'x'.repeat(43) } },
      )
      .catch((error: KontaktError) => error);
    expect(stranger).toMatchObject({ code: 'chat_not_found', status: 404 });
  });

  it('is idempotent: the same key again gets the first receipt, and one case', async () => {
    const api = await start();
    const client = clientFor(api.url);
    const ask = { locale: 'sv', phone: '070-123 45 67', when: { asap: true } } as const;
    const first = await client.callbacks.request(ask, { idempotencyKey: 'cb-retry-0001' });
    const again = await client.callbacks.request(ask, { idempotencyKey: 'cb-retry-0001' });
    expect(again).toEqual(first);
    expect(await api.countCases()).toBe(1);
  });

  it('retries a lost answer under the same key without a second case', async () => {
    const api = await start();
    let posts = 0;
    const client = clientFor(api.url, {
      // The first POST reaches the server, but its answer is lost on the way back.
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const response = await fetch(request);
        if (request.method === 'POST' && posts++ === 0) return new Response('', { status: 503 });
        return response;
      },
    });
    const receipt = await client.callbacks.request({
      locale: 'sv',
      phone: '070-123 45 67',
      when: { asap: true },
    });
    expect(posts).toBe(2);
    expect(ReceiptSchema.parse(receipt).reference).toMatch(/^KC-/);
    expect(await api.countCases()).toBe(1);
  });
});

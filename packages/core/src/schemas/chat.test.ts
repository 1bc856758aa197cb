import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AgentChatSchema } from '../agent/chat-schemas.js';
import { CallbackRequestSchema, ChatSendSchema, ChatStartSchema } from './chat.js';
import { toFieldErrors } from './field-errors.js';

const origin = {
  department: 'gata',
  pageUrl: 'https://malmo.example/gata/kontakt',
  widget: 'kc-chat-bubble',
};

function errorsOf(schema: z.ZodMiniType, value: unknown) {
  const result = z.safeParse(schema, value);
  return result.success
    ? []
    : toFieldErrors(result.error.issues).map((e) => `${e.field}:${e.code}`);
}

describe('ChatStartSchema', () => {
  it('starts with or without a first message and a name', () => {
    expect(errorsOf(ChatStartSchema, { department: 'gata', locale: 'sv', origin })).toEqual([]);
    expect(
      errorsOf(ChatStartSchema, {
        department: 'gata',
        locale: 'ar',
        origin,
        name: 'Amal',
        message: 'Hej!',
        clientMessageId: crypto.randomUUID(),
      }),
    ).toEqual([]);
  });

  it('names each wrong field with a stable code', () => {
    expect(
      errorsOf(ChatStartSchema, {
        department: 'gata',
        locale: 'de',
        origin,
        message: '   ',
        name: 'x'.repeat(201),
      }),
    ).toEqual(['locale:invalid_option', 'name:too_long', 'message:required']);
  });
});

describe('ChatSendSchema', () => {
  it('needs a UUID client message id and 1–2,000 characters of text', () => {
    const id = crypto.randomUUID();
    expect(errorsOf(ChatSendSchema, { clientMessageId: id, text: 'Tack' })).toEqual([]);
    expect(errorsOf(ChatSendSchema, { clientMessageId: 'one', text: 'x'.repeat(2001) })).toEqual([
      'clientMessageId:invalid_format',
      'text:too_long',
    ]);
  });
});

describe('CallbackRequestSchema', () => {
  const request = { department: 'gata', locale: 'sv', origin, phone: '040-34 10 00' };

  it('takes "as soon as possible" or a slot, and a valid phone number', () => {
    expect(errorsOf(CallbackRequestSchema, { ...request, when: { asap: true } })).toEqual([]);
    expect(
      errorsOf(CallbackRequestSchema, { ...request, when: { slot: '2026-12-04T09:00:00+01:00' } }),
    ).toEqual([]);
    expect(
      errorsOf(CallbackRequestSchema, { ...request, phone: 'ring mig', when: { asap: true } }),
    ).toEqual(['phone:invalid_phone']);
  });
});

describe('AgentChatSchema', () => {
  it('is a summary with its messages', () => {
    const chat = {
      id: 'chat_AAAAAAAAAAAAAAAAAAAAAA',
      department: 'gata',
      status: 'active',
      locale: 'sv',
      origin,
      startedAt: '2026-12-03T09:00:00Z',
      unread: 0,
      messages: [
        { id: '1', role: 'citizen', text: 'Hej', state: 'read', sentAt: '2026-12-03T09:00:01Z' },
      ],
    };
    expect(errorsOf(AgentChatSchema, chat)).toEqual([]);
  });
});

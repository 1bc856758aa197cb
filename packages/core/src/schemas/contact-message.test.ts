import { describe, expect, it } from 'vitest';
import { ContactMessageSchema } from './contact-message.js';
import { toFieldErrors } from './field-errors.js';

const codes = (input: unknown) => {
  const result = ContactMessageSchema.safeParse(input);
  return result.success
    ? []
    : toFieldErrors(result.error.issues).map((e) => `${e.field}:${e.code}`);
};

describe('ContactMessageSchema', () => {
  it('accepts an e-mail question and fills in Swedish and no needs', () => {
    const parsed = ContactMessageSchema.parse({
      topic: 'parkering',
      message: '  Hur söker jag boendeparkering?  ',
      answerChannel: 'email',
      email: 'anna@example.se',
    });
    expect(parsed).toMatchObject({
      message: 'Hur söker jag boendeparkering?',
      answerLanguage: 'sv',
      needs: [],
    });
  });

  it('reports every missing field at once, with stable codes', () => {
    expect(codes({ topic: '', message: '   ' })).toEqual([
      'topic:required',
      'message:required',
      'answerChannel:required',
    ]);
  });

  it('tells a missing field from one of the wrong type', () => {
    expect(codes({ topic: 5, message: ['hej'], answerChannel: 'fax' })).toEqual([
      'topic:invalid_type',
      'message:invalid_type',
      'answerChannel:invalid_option',
    ]);
  });

  it('asks for the contact detail the chosen channel needs', () => {
    const base = { topic: 'a', message: 'hej' };
    expect(codes({ ...base, answerChannel: 'email' })).toEqual(['email:required_for_channel']);
    expect(codes({ ...base, answerChannel: 'phone' })).toEqual(['phone:required_for_channel']);
    expect(codes({ ...base, answerChannel: 'visit' })).toEqual(['phone:required_for_visit']);
    expect(codes({ ...base, answerChannel: 'visit', email: 'a@b.se' })).toEqual([]);
  });

  it('rejects a malformed e-mail, phone and an interpreter without a language', () => {
    expect(
      codes({
        topic: 'a',
        message: 'hej',
        answerChannel: 'phone',
        phone: '12',
        email: 'not-an-address',
        needs: ['interpreter'],
      }),
    ).toEqual(['email:invalid_email', 'phone:invalid_phone', 'interpreterLanguage:required']);
  });

  it('gives the limit with a too long message', () => {
    const result = ContactMessageSchema.safeParse({
      topic: 'a',
      message: 'x'.repeat(5001),
      answerChannel: 'visit',
      phone: '040-34 10 00',
    });
    expect(result.success || toFieldErrors(result.error.issues)).toEqual([
      { field: 'message', pointer: '/message', code: 'too_long', params: { maximum: 5000 } },
    ]);
  });
});

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

  it('asks a letter for a name and a postal address, and checks each part of the address', () => {
    const base = { topic: 'a', message: 'hej', answerChannel: 'letter' };
    expect(codes(base)).toEqual([
      'name:required_for_channel',
      'postalAddress:required_for_channel',
    ]);
    expect(
      codes({ ...base, name: 'Karin Holm', postalAddress: { street: ' ', postalCode: '021 22' } }),
    ).toEqual([
      'postalAddress.street:required',
      'postalAddress.postalCode:invalid_postal_code',
      'postalAddress.city:required',
    ]);
    for (const postalCode of ['2112', '211 222', '21 122', 'SE-211 22', '']) {
      const address = { street: 'Storgatan 1', postalCode, city: 'Malmö' };
      expect(codes({ ...base, name: 'Karin Holm', postalAddress: address })).toEqual([
        'postalAddress.postalCode:invalid_postal_code',
      ]);
    }
    const long = { street: 'x'.repeat(121), postalCode: '21122', city: 'y'.repeat(61) };
    expect(codes({ ...base, name: 'Karin Holm', postalAddress: long })).toEqual([
      'postalAddress.street:too_long',
      'postalAddress.city:too_long',
    ]);
  });

  it('gives the postcode back as the post writes it, with the space after the third digit', () => {
    const parsed = ContactMessageSchema.parse({
      topic: 'a',
      message: 'hej',
      answerChannel: 'letter',
      name: 'Karin Holm',
      postalAddress: {
        street: ' c/o Holm, Storgatan 1 lgh 1102 ',
        postalCode: ' 21122',
        city: 'Malmö',
      },
    });
    expect(parsed.postalAddress).toEqual({
      street: 'c/o Holm, Storgatan 1 lgh 1102',
      postalCode: '211 22',
      city: 'Malmö',
    });
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

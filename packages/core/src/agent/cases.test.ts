import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../schemas/field-errors.js';
import {
  AgentCaseMessageSchema,
  AgentCaseSummarySchema,
  AgentTimelineEntrySchema,
  RegisterCaseInputSchema,
  StatusInputSchema,
  StatusPeriodSchema,
} from './cases.js';

const call = {
  channel: 'phone',
  department: 'gata',
  topic: 'parkering',
  notes: 'Frågade om boendeparkering; har ingen e-post.',
};

const codes = (input: unknown) => {
  const result = RegisterCaseInputSchema.safeParse(input);
  return result.success
    ? []
    : toFieldErrors(result.error.issues).map((e) => `${e.pointer}:${e.code}`);
};

describe('RegisterCaseInputSchema', () => {
  it('asks a call answered by letter for a name and a postal address, as a citizen is asked', () => {
    expect(codes({ ...call, answerChannel: 'letter' })).toEqual([
      '/name:required_for_channel',
      '/postalAddress:required_for_channel',
    ]);
    expect(
      codes({
        ...call,
        answerChannel: 'letter',
        name: 'Karin Holm',
        postalAddress: { street: 'Storgatan 1', postalCode: '2112', city: ' ' },
      }),
    ).toEqual(['/postalAddress/postalCode:invalid_postal_code', '/postalAddress/city:required']);
  });

  it('takes a letter with its address, the postcode as the post writes it', () => {
    const parsed = RegisterCaseInputSchema.parse({
      ...call,
      answerChannel: 'letter',
      name: 'Karin Holm',
      postalAddress: { street: ' Storgatan 1 lgh 1102', postalCode: '21122', city: 'Malmö' },
    });
    expect(parsed.postalAddress).toEqual({
      street: 'Storgatan 1 lgh 1102',
      postalCode: '211 22',
      city: 'Malmö',
    });
  });

  it('asks a call answered by e-mail for the address, as a citizen is asked', () => {
    expect(codes({ ...call, answerChannel: 'email' })).toEqual(['/email:required_for_channel']);
    expect(codes({ ...call, answerChannel: 'email', email: 'karin@example.se' })).toEqual([]);
  });

  it('still registers a call with no contact details at all, answered by phone', () => {
    expect(codes(call)).toEqual([]);
    expect(RegisterCaseInputSchema.parse(call).answerChannel).toBe('phone');
  });
});

describe('AgentCaseMessageSchema', () => {
  const message = {
    text: 'hej',
    answerChannel: 'letter',
    answerLanguage: 'sv',
    needs: [],
    interpreterLanguage: null,
    name: 'Karin Holm',
    email: null,
    phone: null,
  };

  it("gives a letter case's address as the server stored it", () => {
    const address = { street: 'Storgatan 1', postalCode: '211 22', city: 'Malmö' };
    expect(
      AgentCaseMessageSchema.parse({ ...message, postalAddress: address }).postalAddress,
    ).toEqual(address);
  });

  it('reads a case from a server that predates letters as one without an address', () => {
    expect(AgentCaseMessageSchema.parse({ ...message, answerChannel: 'email' }).postalAddress).toBe(
      null,
    );
  });
});

describe('AgentTimelineEntrySchema', () => {
  const later = {
    kind: 'message_in',
    seq: 4,
    at: '2026-03-02T09:15:00.000Z',
    actor: null,
    channel: 'web_form',
    text: 'Här är bilden.',
  };

  it("gives a later message's photos in order", () => {
    const photos = ['q3hVb0kqY1r6nT9fQ2xZ4w', 'Zm9vYmFyYmF6cXV4MTIzNA'];
    expect(AgentTimelineEntrySchema.parse({ ...later, photos })).toMatchObject({ photos });
  });

  it('reads an entry from a server that predates these photos as one without any', () => {
    expect(AgentTimelineEntrySchema.parse(later)).toMatchObject({ photos: [] });
  });
});

describe('StatusInputSchema', () => {
  const errors = (input: unknown) => {
    const result = StatusInputSchema.safeParse(input);
    return result.success
      ? []
      : toFieldErrors(result.error.issues).map((e) => `${e.pointer}:${e.code}`);
  };

  it('takes a date to resume with parked or waiting for the citizen only', () => {
    const resumeAt = '2026-12-14T07:00:00.000Z';
    expect(errors({ status: 'parked', resumeAt })).toEqual([]);
    expect(errors({ status: 'waiting_for_citizen', resumeAt })).toEqual([]);
    expect(StatusInputSchema.parse({ status: 'parked', resumeAt })).toEqual({
      status: 'parked',
      visibility: 'internal',
      resumeAt,
    });
    expect(errors({ status: 'in_progress', resumeAt })).toEqual(['/resumeAt:only_when_paused']);
    expect(errors({ status: 'parked', resumeAt: 'på måndag' })).toEqual([
      '/resumeAt:invalid_format',
    ]);
    expect(errors({ status: 'parked' })).toEqual([]);
  });

  it('takes how a case was resolved with resolved or closed only, from the list', () => {
    expect(errors({ status: 'resolved', closingReason: 'resolved_by_contact_center' })).toEqual([]);
    expect(errors({ status: 'closed', closingReason: 'referred_to_self_service' })).toEqual([]);
    expect(errors({ status: 'in_progress', closingReason: 'call_transferred' })).toEqual([
      '/closingReason:only_when_finished',
    ]);
    expect(errors({ status: 'closed', closingReason: 'solved' })).toEqual([
      '/closingReason:invalid_option',
    ]);
  });
});

describe('AgentCaseSummarySchema', () => {
  it('reads a case from a server that does not say when it resumes or how it closed as neither', () => {
    const summary = {
      reference: 'KC-7F3K-9QXM',
      channel: 'phone',
      department: 'gata',
      forwardedTo: null,
      topic: 'parkering',
      status: 'parked',
      assignee: null,
      needs: [],
      interpreterLanguage: null,
      answerChannel: 'phone',
      name: null,
      excerpt: 'Ringer tillbaka.',
      reason: null,
      createdAt: '2026-12-03T08:00:00.000Z',
      updatedAt: '2026-12-03T08:00:00.000Z',
      answerBy: null,
      firstAnsweredAt: null,
      overdue: false,
      version: 2,
    };
    expect(AgentCaseSummarySchema.parse(summary).resumeAt).toBe(null);
    expect(AgentCaseSummarySchema.parse(summary).closingReason).toBe(null);
    expect(AgentCaseSummarySchema.parse(summary).classification).toBe(null);
    const resumeAt = '2026-12-14T07:00:00.000Z';
    expect(AgentCaseSummarySchema.parse({ ...summary, resumeAt }).resumeAt).toBe(resumeAt);
  });
});

describe('StatusPeriodSchema', () => {
  it('takes a period that has ended and the open one, and no status staff do not have', () => {
    const from = '2026-12-03T08:00:00.000Z';
    expect(
      StatusPeriodSchema.parse({ status: 'parked', from, until: '2026-12-04T08:00:00.000Z' }).until,
    ).toBe('2026-12-04T08:00:00.000Z');
    expect(StatusPeriodSchema.parse({ status: 'in_progress', from, until: null }).until).toBe(null);
    expect(StatusPeriodSchema.safeParse({ status: 'Pågående', from, until: null }).success).toBe(
      false,
    );
    expect(StatusPeriodSchema.safeParse({ status: 'parked', from }).success).toBe(false);
  });
});

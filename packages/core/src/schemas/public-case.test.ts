import { describe, expect, it } from 'vitest';
import { CaseAccessSchema, CaseLookupSchema, PublicCaseSchema } from './public-case.js';

const publicCase = {
  reference: 'KC-7F3K-9QXM',
  channel: 'fault_report',
  department: 'gata',
  topic: 'gatubelysning',
  status: 'in_progress',
  createdAt: '2027-03-25T02:00:00Z',
  updatedAt: '2027-03-25T08:00:00Z',
  fault: { category: 'gatubelysning', location: { lat: 55.6035, lon: 13.0011 }, photoCount: 1 },
  timeline: [
    { at: '2027-03-25T02:00:00Z', status: 'received' },
    { at: '2027-03-25T08:00:00Z', status: 'in_progress', note: 'En tekniker är på väg.' },
  ],
};

describe('PublicCaseSchema', () => {
  it('keeps what a citizen may see and drops anything else a server might send', () => {
    const parsed = PublicCaseSchema.parse({
      ...publicCase,
      message: 'Lampan utanför nummer 12 är släckt.',
      email: 'anna.andersson@example.se',
      assignee: { id: 'anna', name: 'Anna' },
    });
    expect(parsed).toEqual(publicCase);
  });

  it('takes a duplicate’s other case as a reference only', () => {
    expect(PublicCaseSchema.safeParse({ ...publicCase, duplicateOf: 'KC-1234-5678' }).success).toBe(
      true,
    );
    expect(PublicCaseSchema.safeParse({ ...publicCase, duplicateOf: 'nonsense' }).success).toBe(
      false,
    );
  });
});

describe('CaseLookupSchema and CaseAccessSchema', () => {
  it('opens a case with a receipt token or an e-mail address, nothing else', () => {
    expect(CaseLookupSchema.safeParse({ token: 'A'.repeat(43) }).success).toBe(true);
    expect(CaseLookupSchema.safeParse({ email: ' anna@example.se ' }).success).toBe(true);
    expect(CaseLookupSchema.safeParse({ token: 'short' }).success).toBe(false);
    expect(CaseLookupSchema.safeParse({}).success).toBe(false);
    expect(
      CaseAccessSchema.safeParse({ case: publicCase, accessToken: 'B'.repeat(43) }).success,
    ).toBe(true);
  });
});

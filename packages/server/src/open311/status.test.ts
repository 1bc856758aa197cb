import { CASE_STATUSES } from '@kontakt/core/schemas';
import { describe, expect, it } from 'vitest';
import { caseStatusesOf, caseStatusFromUpstream, open311Status, statusNotes } from './status.js';

describe('the Open311 status mapping', () => {
  it('calls a case open while something is still owed to the person, else closed', () => {
    expect(Object.fromEntries(CASE_STATUSES.map((s) => [s, open311Status(s)]))).toEqual({
      received: 'open',
      in_progress: 'open',
      waiting_for_citizen: 'open',
      forwarded: 'open',
      resolved: 'closed',
      closed: 'closed',
      duplicate: 'closed',
    });
    expect([...caseStatusesOf('open'), ...caseStatusesOf('closed')].sort()).toEqual(
      [...CASE_STATUSES].sort(),
    );
  });

  it('says the richer status in the citizen’s Swedish words, with the public note', () => {
    expect(statusNotes('waiting_for_citizen')).toBe(
      'Väntar på dig. Vi behöver mer information från dig för att kunna gå vidare.',
    );
    expect(statusNotes('in_progress', '  Vi kommer på tisdag.  ')).toBe(
      'Under behandling. Någon arbetar med ditt ärende. Vi kommer på tisdag.',
    );
    expect(statusNotes('duplicate', null, 'KC-ABCD-EFGH')).toBe(
      'Redan anmält. Samma sak var redan anmäld. Den anmälan hanteras i stället. Se ärende KC-ABCD-EFGH.',
    );
  });

  it('reads an upstream system’s answer back as a change of the case, or none', () => {
    expect(caseStatusFromUpstream({ status: 'open' }, 'forwarded')).toBeUndefined();
    expect(caseStatusFromUpstream({ status: 'open' }, 'resolved')).toBe('in_progress');
    expect(caseStatusFromUpstream({ status: 'closed' }, 'forwarded')).toBe('resolved');
    expect(caseStatusFromUpstream({ status: 'closed' }, 'resolved')).toBeUndefined();
    expect(caseStatusFromUpstream({ status: 'closed' }, 'closed')).toBeUndefined();
    expect(
      caseStatusFromUpstream({ status: 'closed', extendedStatus: 'DUPLICATE' }, 'in_progress'),
    ).toBe('duplicate');
    expect(
      caseStatusFromUpstream(
        { status: 'closed', extendedStatus: 'not_councils_responsibility' },
        'forwarded',
      ),
    ).toBe('closed');
  });
});

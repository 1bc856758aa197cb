import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from './case.js';
import { isFinishedStatus, publicStatus, STAFF_STATUSES } from './staff-status.js';

describe('publicStatus', () => {
  it('maps every staff status to a status the citizen side knows', () => {
    for (const status of STAFF_STATUSES) {
      expect(CASE_STATUSES).toContain(publicStatus(status));
    }
  });

  it('shows assigned, in progress and parked all as in progress', () => {
    expect(publicStatus('assigned')).toBe('in_progress');
    expect(publicStatus('in_progress')).toBe('in_progress');
    expect(publicStatus('parked')).toBe('in_progress');
  });

  it('keeps the statuses the citizen has words for', () => {
    expect(publicStatus('waiting_for_citizen')).toBe('waiting_for_citizen');
    expect(publicStatus('forwarded')).toBe('forwarded');
    expect(publicStatus('duplicate')).toBe('duplicate');
  });
});

describe('isFinishedStatus', () => {
  it('is true only for resolved, closed and duplicate', () => {
    expect(STAFF_STATUSES.filter(isFinishedStatus)).toEqual(['resolved', 'closed', 'duplicate']);
  });
});

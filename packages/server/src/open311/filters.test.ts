import { describe, expect, it } from 'vitest';
import { Open311Error } from './answer.js';
import { requestQueryOf } from './filters.js';
import { serviceIndex } from './services.js';

const services = serviceIndex([
  {
    department: 'gata',
    groups: [],
    categories: [
      { id: 'klotter', name: { sv: 'Klotter' }, keywords: [], attributes: [] },
      { id: 'gatubelysning', name: { sv: 'Gatubelysning' }, keywords: [], attributes: [] },
    ],
  },
]);
const now = new Date('2026-12-03T12:00:00Z');
const query = (text: string) => requestQueryOf(new URLSearchParams(text), services, now);

describe('requestQueryOf', () => {
  it('lists the last 90 days by default, at most 1000', () => {
    expect(query('')).toEqual({
      from: '2026-09-04T12:00:00.000Z',
      to: '2026-12-03T12:00:00.000Z',
      limit: 1000,
      withNotes: false,
    });
  });

  it('reads the date forms clients send: Z, offsets with and without a colon, none, a bare date', () => {
    for (const [start, iso] of [
      ['2026-11-01T08:00:00Z', '2026-11-01T08:00:00.000Z'],
      ['2026-11-01T09:00:00+01:00', '2026-11-01T08:00:00.000Z'],
      ['2026-11-01T09:00:00+0100', '2026-11-01T08:00:00.000Z'],
      ['2026-11-01T08:00:00', '2026-11-01T08:00:00.000Z'],
      ['2026-11-01 08:00', '2026-11-01T08:00:00.000Z'],
      ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ] as const) {
      expect(query(`start_date=${encodeURIComponent(start)}`).from, start).toBe(iso);
    }
  });

  it('takes 90 days after a start_date or before an end_date', () => {
    expect(query('start_date=2026-01-01T00:00:00Z')).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    expect(query('end_date=2026-04-01T00:00:00Z')).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
  });

  it('refuses dates in the wrong order or too far apart', () => {
    expect(() => query('start_date=2026-02-01&end_date=2026-01-01')).toThrow(Open311Error);
    expect(() => query('start_date=2026-01-01&end_date=2026-04-02')).toThrow(/at most 90 days/);
    expect(() => query('start_date=2026-01-01&end_date=2026-04-01')).not.toThrow();
  });

  it('maps service codes and open/closed to the store’s terms; ids override the rest', () => {
    expect(query('service_code=gata.klotter,nobody.x&status=closed,open')).toMatchObject({
      services: [{ department: 'gata', category: 'klotter' }],
      statuses: [
        'resolved',
        'closed',
        'duplicate',
        'received',
        'in_progress',
        'waiting_for_citizen',
        'forwarded',
      ],
    });
    expect(query('service_request_id=KC-A, KC-B,&status=nonsense&extensions=true')).toEqual({
      references: ['KC-A', 'KC-B'],
      limit: 1000,
      withNotes: true,
    });
  });
});

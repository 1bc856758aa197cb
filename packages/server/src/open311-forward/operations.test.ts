import { describe, expect, it } from 'vitest';
import { newCase } from '../test-support/index.js';
import { useTestStore } from '../test-support/store.js';

/*
 * The forward queue's claims and outcomes on the store under test: a queued report is claimed by
 * one forwarder until its lease ends, taken over after a crash, and an outcome recorded only by
 * the claim that holds it; the poll of a category is taken by one instance per interval.
 */

const fixture = useTestStore();

const at = (seconds: number) => new Date(Date.parse('2026-12-03T03:00:00.000Z') + seconds * 1000);

async function queued(reference: string, forward = true): Promise<void> {
  const result = await fixture.store.createCase(
    newCase(reference, {
      channel: 'fault_report',
      topic: 'gatubelysning',
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/',
        widget: 'kc-fault-report',
      },
      message: { topic: 'gatubelysning', message: 'Släckt', answerLanguage: 'sv' },
      createdAt: at(0).toISOString(),
      fault: {
        category: 'gatubelysning',
        lat: 55.6,
        lon: 13,
        answers: { hur: 'slackt' },
        anonymous: true,
        photos: [],
      },
      forwardToOpen311: forward,
    }),
  );
  expect(result.created).toBe(true);
}

describe('the forward queue', () => {
  it('is filled with the report in its transaction, only when the category forwards', async () => {
    await queued('KC-AAAA-0001');
    await queued('KC-AAAA-0002', false);
    expect((await fixture.store.read('findForward', 'KC-AAAA-0001'))?.state).toBe('queued');
    expect(await fixture.store.read('findForward', 'KC-AAAA-0002')).toBeUndefined();
  });

  it('hands a report to one claim until its lease ends, then to another; only the holder finishes', async () => {
    await queued('KC-AAAA-0003');
    const first = await fixture.store.write('claimForwards', 'one', at(1), at(61), 10);
    const mine = first.find((claim) => claim.reference === 'KC-AAAA-0003');
    expect(mine).toMatchObject({
      attempts: 1,
      token: null,
      report: { description: 'Släckt', lat: 55.6, lon: 13, answers: { hur: 'slackt' } },
    });
    expect(mine?.report.email).toBeUndefined();
    // While the lease holds, no one else gets it.
    const during = await fixture.store.write('claimForwards', 'two', at(30), at(90), 10);
    expect(during.map((claim) => claim.reference)).not.toContain('KC-AAAA-0003');
    // 'one' crashed: after its lease, 'two' takes it over, and 'one' can record nothing.
    const after = await fixture.store.write('claimForwards', 'two', at(62), at(122), 10);
    const theirs = after.find((claim) => claim.reference === 'KC-AAAA-0003');
    expect(theirs?.attempts).toBe(2);
    const lost = await fixture.store.write(
      'finishForward',
      'KC-AAAA-0003',
      mine?.leaseOwner ?? '',
      { kind: 'forwarded', serviceRequestId: '17', system: 'Drift' },
      at(63),
    );
    expect(lost).toBeUndefined();
    const done = await fixture.store.write(
      'finishForward',
      'KC-AAAA-0003',
      theirs?.leaseOwner ?? '',
      { kind: 'forwarded', serviceRequestId: '17', system: 'Drift' },
      at(64),
    );
    expect(done).toBe('forwarded');
    const found = await fixture.store.findCase('KC-AAAA-0003');
    expect(found?.status).toBe('forwarded');
    expect(found?.timeline.at(-1)).toMatchObject({
      status: 'forwarded',
      note: 'Skickat vidare till Drift',
    });
    expect(
      await fixture.store.read('openForwards', 'gata', 'gatubelysning', '', 50),
    ).toContainEqual({
      reference: 'KC-AAAA-0003',
      serviceRequestId: '17',
    });
  });

  it('records upstream changes once, and stops polling a closed report', async () => {
    const unchanged = await fixture.store.write(
      'recordUpstream',
      'KC-AAAA-0003',
      { status: 'open', notes: 'Inkommet.' },
      at(70),
    );
    // The first notes heard describe the report as it arrived: remembered, not told.
    expect(unchanged).toBe(false);
    const closed = { status: 'closed' as const, notes: 'Lampan är bytt.' };
    expect(await fixture.store.write('recordUpstream', 'KC-AAAA-0003', closed, at(80))).toBe(true);
    expect(await fixture.store.write('recordUpstream', 'KC-AAAA-0003', closed, at(90))).toBe(false);
    const found = await fixture.store.findCase('KC-AAAA-0003');
    expect(found?.status).toBe('resolved');
    expect(found?.timeline.at(-1)).toMatchObject({ status: 'resolved', note: 'Lampan är bytt.' });
    // Finished then, for the dashboard, without a closing reason (upstream gives none).
    const finished = await fixture.database.inspect((db) =>
      db
        .selectFrom('cases')
        .select(['finished_at', 'closing_reason'])
        .where('reference', '=', 'KC-AAAA-0003')
        .executeTakeFirst(),
    );
    expect(finished).toEqual({ finished_at: at(80).toISOString(), closing_reason: null });
    expect((await fixture.store.read('findForward', 'KC-AAAA-0003'))?.state).toBe('done');
    expect(
      await fixture.store.read('openForwards', 'gata', 'gatubelysning', '', 50),
    ).not.toContainEqual(expect.objectContaining({ reference: 'KC-AAAA-0003' }));
  });

  it('adds upstream notes as public notes, and never reopens what an agent here finished', async () => {
    await queued('KC-AAAA-0004');
    const [claim] = await fixture.store.write('claimForwards', 'one', at(100), at(160), 10);
    expect(claim?.reference).toBe('KC-AAAA-0004');
    await fixture.store.write(
      'finishForward',
      'KC-AAAA-0004',
      claim?.leaseOwner ?? '',
      { kind: 'forwarded', serviceRequestId: '18', system: 'Drift' },
      at(101),
    );
    const open = (notes: string) => ({ status: 'open' as const, notes });
    expect(
      await fixture.store.write('recordUpstream', 'KC-AAAA-0004', open('Inkommet.'), at(110)),
    ).toBe(false);
    expect(
      await fixture.store.write(
        'recordUpstream',
        'KC-AAAA-0004',
        open('Besiktning bokad.'),
        at(120),
      ),
    ).toBe(true);
    let found = await fixture.store.findCase('KC-AAAA-0004');
    expect(found?.status).toBe('forwarded');
    expect(found?.timeline.at(-1)).toMatchObject({
      status: 'forwarded',
      note: 'Besiktning bokad.',
    });
    await fixture.database.inspect((db) =>
      db
        .updateTable('cases')
        .set({ staff_status: 'closed', status: 'closed' })
        .where('reference', '=', 'KC-AAAA-0004')
        .execute(),
    );
    await fixture.store.write(
      'recordUpstream',
      'KC-AAAA-0004',
      open('Väntar på reservdel.'),
      at(130),
    );
    found = await fixture.store.findCase('KC-AAAA-0004');
    expect(found?.status).toBe('closed');
    expect(found?.timeline.at(-1)?.note).toBe('Väntar på reservdel.');
  });

  it('lets one instance take a category’s poll per interval', async () => {
    expect(await fixture.store.write('claimPoll', 'gata.gatubelysning', 'one', at(0), at(60))).toBe(
      true,
    );
    expect(await fixture.store.write('claimPoll', 'gata.gatubelysning', 'two', at(1), at(61))).toBe(
      false,
    );
    expect(
      await fixture.store.write('claimPoll', 'gata.gatubelysning', 'two', at(60), at(120)),
    ).toBe(true);
    expect(
      await fixture.store.write('claimPoll', 'gata.gatubelysning', 'one', at(61), at(121)),
    ).toBe(false);
  });
});

// A shown case follows what the contact center does: an agent's status change, made through the
// real agent API with a signed-in session, appears without a reload and is announced politely,
// without moving focus.
import { expect, waitUntil } from '@open-wc/testing';
import type { KcStatusChangeEvent } from '../../events/status-change.js';
import { restartKontaktServer, stopKontaktServer } from '../../test-support/kontakt-server.js';
import {
  makeCase,
  query,
  renderTracker,
  SLOW,
  server,
  setUpTrackerTests,
  shown,
  signedInAgent,
  text,
} from '../../test-support/status-tracker-fixture.js';
import { TIMING } from './status-tracker.model.js';

// A server of its own: a test stops and restarts it.
setUpTrackerTests({ own: true });

describe('<kc-status-tracker> live', () => {
  it('shows an agent’s status change at once and announces it without moving focus', async () => {
    const receipt = await makeCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    const changes: KcStatusChangeEvent[] = [];
    element.addEventListener('kc-status-change', (event) => changes.push(event));
    // The person is somewhere else on the page.
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Något annat';
    document.body.append(elsewhere);
    elsewhere.focus();

    const agent = await signedInAgent();
    try {
      await agent.cases.take(receipt.reference);
      await agent.cases.setStatus(receipt.reference, {
        status: 'in_progress',
        note: 'En tekniker kommer i morgon.',
        visibility: 'public',
      });
      await waitUntil(
        () => text(element, '[part~="status-label"]') === 'Under behandling',
        'the change did not arrive',
        SLOW,
      );
      await element.updateComplete;
      const live = query(element, '[part~="announcement"]');
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.textContent?.trim()).to.equal('Ärendet har uppdaterats: Under behandling.');
      // Newest first: the public note is at the top of the timeline.
      expect(text(element, '[part~="timeline-entry"]')).to.contain('En tekniker kommer i morgon.');
      expect(document.activeElement).to.equal(elsewhere);
      expect(changes.at(-1)?.publicCase.status).to.equal('in_progress');
      await expect(element).to.be.accessible();
    } finally {
      elsewhere.remove();
      await agent.session.signOut().catch(() => undefined);
    }
  });

  it('says so quietly when the connection stays cut, and again when it is back', async () => {
    const normal = TIMING.reconnectNoticeMs;
    TIMING.reconnectNoticeMs = 1_000;
    try {
      const receipt = await makeCase();
      const element = await renderTracker({
        reference: receipt.reference,
        token: receipt.receiptToken,
      });
      await shown(element);
      await stopKontaktServer(server);
      await waitUntil(() => element.matches(':state(reconnecting)'), 'no notice', SLOW);
      await element.updateComplete;
      expect(text(element, '[part~="announcement"]')).to.contain('Vi har tappat kontakten');
      // Still the case, as last known: nothing disappears while the connection is away.
      expect(text(element, '[part~="status-label"]')).to.equal('Mottaget');
      await expect(element).to.be.accessible();

      await restartKontaktServer(server);
      await waitUntil(
        () => !element.matches(':state(reconnecting)'),
        'the connection did not come back',
        { timeout: 15_000 },
      );
      await element.updateComplete;
      expect(text(element, '[part~="announcement"]')).to.equal('Kontakten är tillbaka.');
    } finally {
      TIMING.reconnectNoticeMs = normal;
    }
  });
});

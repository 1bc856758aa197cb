// An answer that cannot be sent is kept and sent once the contact center can be reached again,
// exactly once: against a server of its own that the test stops and starts again.
import { expect, waitUntil } from '@open-wc/testing';
import { restartKontaktServer, stopKontaktServer } from '../../test-support/kontakt-server.js';
import {
  makeCase,
  query,
  renderTracker,
  server,
  setUpTrackerTests,
  shown,
  signedInAgent,
  text,
} from '../../test-support/status-tracker-fixture.js';

setUpTrackerTests({ own: true });

describe('<kc-status-tracker> answering without a connection', () => {
  it('keeps the answer, says so, and sends it once when the connection is back', async function () {
    this.timeout(60_000);
    const receipt = await makeCase();
    const agent = await signedInAgent();
    await agent.cases.take(receipt.reference);
    await agent.cases.setStatus(receipt.reference, {
      status: 'waiting_for_citizen',
      note: 'Vilket registreringsnummer har bilen?',
      visibility: 'public',
    });
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);

    await stopKontaktServer(server);
    const field = query<HTMLTextAreaElement>(element, '#message-text');
    field.value = 'ABC 123';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(
      () => element.shadowRoot?.querySelector('[part~="alert"][role="alert"]') != null,
      'no alert',
      { timeout: 20_000 },
    );
    expect(text(element, '[part~="alert"]')).to.equal(
      'Det gick inte att nå kontaktcenter. Din text finns kvar och skickas när anslutningen är tillbaka.',
    );
    expect(field.value).to.equal('ABC 123');

    await restartKontaktServer(server);
    // The browser says the network is back (twice, as it may): one message is sent.
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await waitUntil(
      () => text(element, '[part~="announcement"]') === 'Tack! Vi har fått det du skickade.',
      'not sent after the connection came back',
      { timeout: 20_000 },
    );
    const again = await signedInAgent();
    const found = await again.cases.get(receipt.reference);
    expect(
      found.timeline.filter((entry) => entry.kind === 'message_in' && entry.text === 'ABC 123'),
    ).to.have.length(1);
    expect(found.status).to.equal('in_progress');
  });
});

// Opening a case: by the receipt link, by reference + e-mail, and the one answer every wrong
// guess gets. Against a real server with cases made through the real API.
import { expect, waitUntil } from '@open-wc/testing';
import {
  active,
  has,
  makeCase,
  query,
  renderTracker,
  SLOW,
  server,
  setUpTrackerTests,
  shown,
  submit,
  text,
  type,
} from '../../test-support/status-tracker-fixture.js';
import type { KcStatusTracker } from './status-tracker.js';

const shadowText = (element: KcStatusTracker) =>
  element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

async function failed(element: KcStatusTracker, state: string): Promise<void> {
  await waitUntil(
    () => element.matches(`:state(${state})`),
    `not ${state}: ${['opening', 'shown', 'not-found', 'rate-limited', 'offline', 'failed'].filter((each) => element.matches(`:state(${each})`))}`,
    SLOW,
  );
  await element.updateComplete;
}

describe('<kc-status-tracker> by the receipt link', () => {
  setUpTrackerTests();

  it('opens the case at once, keeps the token for this tab and takes it out of the address', async () => {
    const receipt = await makeCase();
    history.replaceState(
      null,
      '',
      `${location.pathname}#reference=${receipt.reference}&token=${receipt.receiptToken}`,
    );
    const element = await renderTracker();
    await shown(element);

    expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
    expect(text(element, '[part~="status-label"]')).to.equal('Mottaget');
    expect(text(element, '[part~="status-meaning"]')).to.contain('Vi har fått ditt ärende');
    expect(text(element, '[part~="expected"]')).to.match(
      /^Du får svar senast \p{L}+dag \d+ \p{L}+ \d{4}\.$/u,
    );
    // The address still names the case (harmless alone), never the token.
    expect(location.hash).to.equal(`#reference=${receipt.reference}`);
    expect(location.href).not.to.contain(receipt.receiptToken);
    expect(
      [...Array(sessionStorage.length).keys()].map((i) =>
        sessionStorage.getItem(sessionStorage.key(i) ?? ''),
      ),
    ).to.include(receipt.receiptToken);
    // Nothing personal and no token is ever shown.
    expect(shadowText(element)).not.to.contain('anna.andersson');
    expect(shadowText(element)).not.to.contain(receipt.receiptToken);
    // A link does not move focus: the page decides where a person starts.
    expect(active(element)).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows the case again after a reload, from the token kept in this tab', async () => {
    const receipt = await makeCase();
    history.replaceState(
      null,
      '',
      `${location.pathname}#reference=${receipt.reference}&token=${receipt.receiptToken}`,
    );
    const first = await renderTracker();
    await shown(first);
    first.remove();

    // The address now holds only the reference, as after a reload.
    const again = await renderTracker();
    await shown(again);
    expect(text(again, '[part~="reference"]')).to.equal(receipt.reference);
  });

  it('forgets a kept token that no longer opens the case, and offers the form with the reference', async () => {
    const receipt = await makeCase();
    const key = `kontakt:status-tracker:${server.url}:${receipt.reference}`;
    sessionStorage.setItem(key, 'B'.repeat(43));
    history.replaceState(null, '', `${location.pathname}#reference=${receipt.reference}`);
    const element = await renderTracker();
    await failed(element, 'not-found');
    expect(sessionStorage.getItem(key)).to.equal(null);
    expect(query<HTMLInputElement>(element, '#reference').value).to.equal(receipt.reference);
  });
});

describe('<kc-status-tracker> by attributes', () => {
  setUpTrackerTests();

  it('opens the case the reference and token attributes name', async () => {
    const receipt = await makeCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    expect(text(element, '[part~="status-label"]')).to.equal('Mottaget');
  });

  it('shows the public timeline as an ordered list of dated entries', async () => {
    const receipt = await makeCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    const list = query(element, 'ol[part~="timeline"]');
    const times = [...list.querySelectorAll('li time')];
    expect(times.length).to.be.greaterThan(0);
    expect(times[0]?.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
    expect(list.getAttribute('aria-labelledby')).to.equal('timeline-heading');
  });

  it('gives a wrong token the same answer as an unknown reference', async () => {
    const receipt = await makeCase();
    const wrong = await renderTracker({ reference: receipt.reference, token: 'A'.repeat(43) });
    await failed(wrong, 'not-found');
    const wrongAnswer = text(wrong, '[part~="alert"]');
    wrong.remove();

    const unknown = await renderTracker({ reference: 'KC-0000-0000', token: 'A'.repeat(43) });
    await failed(unknown, 'not-found');
    expect(text(unknown, '[part~="alert"]')).to.equal(wrongAnswer);
    // The form is there to try the other way in.
    expect(has(unknown, 'form')).to.equal(true);
  });
});

describe('<kc-status-tracker> by reference and e-mail', () => {
  setUpTrackerTests();

  it('opens the case from what a person types, and moves focus to it', async () => {
    const receipt = await makeCase('Karin.Berg@example.se');
    const element = await renderTracker();
    // Lower case, spaces instead of dashes: as people type it from paper.
    type(element, 'reference', receipt.reference.toLowerCase().replace(/-/g, ' '));
    type(element, 'email', ' karin.berg@example.se ');
    await submit(element);
    await shown(element);
    expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
    expect(active(element)?.id).to.equal('case-heading');
    expect(shadowText(element)).not.to.contain('karin.berg');
    await expect(element).to.be.accessible();
  });

  it('says the same for a wrong address as for an unknown reference, as an alert with focus', async () => {
    const receipt = await makeCase('karin.berg@example.se');
    const element = await renderTracker();
    type(element, 'reference', receipt.reference);
    type(element, 'email', 'nagon.annan@example.se');
    await submit(element);
    await failed(element, 'not-found');
    const alert = query(element, '[part~="alert"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(active(element)).to.equal(alert);
    const wrongEmail = alert.innerHTML.replace(/<!--.*?-->/g, '');
    expect(text(element, '[part~="alert"]')).to.contain(
      'Vi hittar inget ärende med de uppgifterna',
    );
    await expect(element).to.be.accessible();

    type(element, 'reference', 'KC-0000-0000');
    type(element, 'email', 'karin.berg@example.se');
    await submit(element);
    await waitUntil(() => element.matches(':state(opening)') === false, 'still opening', SLOW);
    await failed(element, 'not-found');
    expect(query(element, '[part~="alert"]').innerHTML.replace(/<!--.*?-->/g, '')).to.equal(
      wrongEmail,
    );
  });
});

// A server of its own, with the real limit: lookups are limited per client address (a burst of
// five), and the shared server's is generous.
describe('<kc-status-tracker> refusals', () => {
  setUpTrackerTests({ own: true });

  it('tells when to try again after too many attempts', async () => {
    const element = await renderTracker();
    type(element, 'reference', 'KC-0000-0000');
    type(element, 'email', 'karin.berg@example.se');
    // The server allows a few lookups a minute per address: keep guessing until it says stop.
    for (let attempt = 0; attempt < 30 && !element.matches(':state(rate-limited)'); attempt++) {
      await submit(element);
      await waitUntil(() => !element.matches(':state(opening)'), 'still opening', SLOW);
    }
    await failed(element, 'rate-limited');
    expect(text(element, '[part~="alert"]')).to.match(
      /Du har försökt många gånger på kort tid\. Försök igen (efter klockan \d\d[:.]\d\d|om en stund)/,
    );
    expect(query(element, '[part~="alert"]').getAttribute('role')).to.equal('alert');
    await expect(element).to.be.accessible();
  });

  it('says the contact center cannot be reached when the network fails', async () => {
    const element = await renderTracker({ endpoint: 'http://127.0.0.1:9' });
    type(element, 'reference', 'KC-7F3K-9QXM');
    type(element, 'email', 'karin.berg@example.se');
    await submit(element);
    await failed(element, 'offline');
    expect(text(element, '[part~="alert"]')).to.contain('Vi kunde inte nå kontaktcenter');
    await expect(element).to.be.accessible();
  });
});

void server;

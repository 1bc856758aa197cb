// An answer that cannot be sent is kept in the browser (the client's outbox, IndexedDB) and sent
// once the contact center can be reached again, exactly once; one kept on an earlier visit shows
// waiting when the case is opened again; one the case no longer takes comes back to the field;
// where the browser refuses to store it, the tab keeps it. Against a server of the file's own,
// which a test stops and starts again.
import type { CaseMessageOutboxEntry } from '@kontakt/core';
import { indexedDBStore } from '@kontakt/core';
import { expect, waitUntil } from '@open-wc/testing';
import { restartKontaktServer, stopKontaktServer } from '../../test-support/kontakt-server.js';
import {
  active,
  announced,
  has,
  pickAnswerPhotos,
  picture,
  query,
  renderTracker,
  SLOW,
  sentLater,
  server,
  setUpTrackerTests,
  shown,
  text,
  waitingCase,
  writeAnswer,
} from '../../test-support/status-tracker-fixture.js';

setUpTrackerTests({ own: true });

const LONG = { timeout: 20_000 };

/** The outbox's entries for this file's server, as a later visit would find them. */
const kept = () => indexedDBStore().list(server.url);

/** A message an earlier visit kept, not due for a while: only "try now" sends it here. */
async function keptOnEarlierVisit(reference: string, accessToken: string, text: string) {
  const now = Date.now();
  const entry: CaseMessageOutboxEntry = {
    id: crypto.randomUUID(),
    endpoint: server.url,
    department: 'gata',
    kind: 'case-message',
    reference,
    accessToken,
    submission: { text },
    createdAt: new Date(now - 60_000).toISOString(),
    attempts: 1,
    nextAttemptAt: new Date(now + 60 * 60_000).toISOString(),
    expiresAt: new Date(now + 24 * 60 * 60_000).toISOString(),
  };
  await indexedDBStore().put(entry);
  return entry;
}

describe('<kc-status-tracker> answering without a connection', () => {
  it('keeps the answer in the browser, says so with focus there, and sends it once when the connection is back', async function () {
    this.timeout(60_000);
    const { receipt } = await waitingCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);

    await stopKontaktServer(server);
    writeAnswer(element, 'ABC 123');
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(() => has(element, '[part~="message-queued"]'), 'not kept', LONG);
    expect(text(element, '#message-queued')).to.equal(
      'Inte skickat än. Det du skrev är sparat i den här webbläsaren och skickas automatiskt när anslutningen fungerar igen, så länge sidan är öppen eller nästa gång du besöker den.',
    );
    expect(text(element, '.queued-text')).to.equal('Sparat: ABC 123');
    // The field and its button are gone: focus is on what says why.
    expect(active(element)?.id).to.equal('message-queued');
    expect(has(element, '#message-text')).to.equal(false);
    expect(text(element, '[part~="message-button"]')).to.equal('Försök skicka nu');
    await expect(element).to.be.accessible();
    // In IndexedDB, not the tab: a closed tab does not lose it.
    const [entry, ...others] = (await kept()) as CaseMessageOutboxEntry[];
    expect(others).to.deep.equal([]);
    expect(entry).to.include({
      kind: 'case-message',
      reference: receipt.reference,
      accessToken: receipt.receiptToken,
    });
    expect(entry?.submission).to.deep.equal({ text: 'ABC 123', photos: [] });
    // Not also in the tab's drafts, to be sent a second time from there.
    const drafts = Object.keys(sessionStorage).filter((key) =>
      key.startsWith('kontakt-case-message'),
    );
    expect(drafts).to.deep.equal([]);

    await restartKontaktServer(server);
    // The browser says the network is back (twice, as it may): one message is sent.
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not sent after the connection came back',
      LONG,
    );
    expect(has(element, '[part~="message-queued"]')).to.equal(false);
    expect(query<HTMLTextAreaElement>(element, '#message-text').value).to.equal('');
    expect(text(element, '[part~="status-label"]')).to.equal('Under behandling');
    expect(await sentLater(receipt.reference)).to.deep.equal(['ABC 123']);
    await waitUntil(async () => (await kept()).length === 0, 'still kept', SLOW);
  });

  it('keeps the answer with its photos, says how many, and sends them with it once the connection is back', async function () {
    this.timeout(60_000);
    const { receipt, agent } = await waitingCase('skola');
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    await waitUntil(() => has(element, '#message-photos'), 'no photo field', SLOW);
    await pickAnswerPhotos(element, await picture('skylt.png'), await picture('dörr.png'));
    await waitUntil(
      () => element.shadowRoot?.querySelectorAll('[part~="photo"] img').length === 2,
      'the photos never showed',
      LONG,
    );

    await stopKontaktServer(server);
    writeAnswer(element, 'Skylten och dörren.');
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(() => has(element, '[part~="message-queued"]'), 'not kept', LONG);
    expect(text(element, '.queued-text')).to.equal('Sparat: Skylten och dörren. Och 2 bilder.');
    expect(has(element, '#message-photos')).to.equal(false);
    const [entry] = (await kept()) as CaseMessageOutboxEntry[];
    expect(entry?.photos).to.have.length(2);

    await restartKontaktServer(server);
    window.dispatchEvent(new Event('online'));
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not sent after the connection came back',
      LONG,
    );
    const found = await agent.cases.get(receipt.reference);
    const later = found.timeline.filter((each) => each.kind === 'message_in' && each.text);
    expect(later.map((each) => each.kind === 'message_in' && each.photos.length)).to.deep.equal([
      2,
    ]);
    // The photos field is back, empty, for what the person may add next.
    await waitUntil(() => has(element, '#message-photos'), 'no photo field after', SLOW);
    expect(element.shadowRoot?.querySelectorAll('[part~="photo"]')).to.have.length(0);
  });

  it('shows an answer kept on an earlier visit as waiting, quietly, and "try now" sends it once', async () => {
    const { receipt } = await waitingCase();
    await keptOnEarlierVisit(receipt.reference, receipt.receiptToken, 'Bilen är en röd Volvo.');
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    await waitUntil(() => has(element, '[part~="message-queued"]'), 'not shown waiting', SLOW);
    expect(text(element, '.queued-text')).to.equal('Sparat: Bilen är en röd Volvo.');
    // Opening the case takes focus to its heading, not to the kept answer.
    expect(active(element)?.id).not.to.equal('message-queued');
    await expect(element).to.be.accessible();

    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not sent',
      LONG,
    );
    expect(await sentLater(receipt.reference)).to.deep.equal(['Bilen är en röd Volvo.']);
    expect(text(element, '[part~="status-label"]')).to.equal('Under behandling');
    expect(await kept()).to.deep.equal([]);
  });

  it('gives a kept answer back, with the reason, when the case was closed meanwhile', async () => {
    const { receipt, agent } = await waitingCase();
    await keptOnEarlierVisit(receipt.reference, receipt.receiptToken, 'Bilen är en röd Volvo.');
    await agent.cases.setStatus(receipt.reference, { status: 'resolved', visibility: 'public' });
    const errors: string[] = [];
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    element.addEventListener('kc-error', (event) => errors.push(event.error.code));
    await shown(element);
    // Closed, but what the person wrote is still to be seen.
    await waitUntil(() => has(element, '[part~="message-queued"]'), 'not shown waiting', SLOW);

    const tryNow = query<HTMLButtonElement>(element, '[part~="message-button"]');
    tryNow.focus();
    tryNow.click();
    await waitUntil(() => has(element, '[part~="alert"][role="alert"]'), 'no alert', LONG);
    expect(text(element, '[part~="alert"]')).to.equal(
      'Ärendet är avslutat och tar inte emot mer. Skicka ett nytt meddelande i stället.',
    );
    expect(query<HTMLTextAreaElement>(element, '#message-text').value).to.equal(
      'Bilen är en röd Volvo.',
    );
    // Focus was on "try now", which is gone: it goes to the text, to copy.
    expect(active(element)?.id).to.equal('message-text');
    expect(errors).to.deep.equal(['case_finished']);
    expect(await sentLater(receipt.reference)).to.deep.equal([]);
    expect(await kept()).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('keeps the answer in the tab when the browser will not store it, and sends it once when the connection is back', async function () {
    this.timeout(60_000);
    const { receipt } = await waitingCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);

    // Storage full or refused (private mode): the edge a browser here cannot be put in.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await stopKontaktServer(server);
      writeAnswer(element, 'ABC 123');
      query<HTMLButtonElement>(element, '[part~="message-button"]').click();
      await waitUntil(
        () => element.shadowRoot?.querySelector('[part~="alert"][role="alert"]') != null,
        'no alert',
        LONG,
      );
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(text(element, '[part~="alert"]')).to.equal(
      'Det gick inte att nå kontaktcenter. Din text finns kvar och skickas när anslutningen är tillbaka.',
    );
    expect(query<HTMLTextAreaElement>(element, '#message-text').value).to.equal('ABC 123');
    expect(has(element, '[part~="message-queued"]')).to.equal(false);

    await restartKontaktServer(server);
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not sent after the connection came back',
      LONG,
    );
    expect(await sentLater(receipt.reference)).to.deep.equal(['ABC 123']);
  });
});

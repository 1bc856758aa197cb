// The sender answers the contact center's question ("Väntar på dig") from the tracker, against a
// real server: the question shown, the answer sent once and seen by the agent, the status back
// to "Under behandling", announced; errors next to the field; keyboard only; Arabic at 320 px;
// no form for a finished case.
import { createClient } from '@kontakt/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  active,
  announced,
  has,
  makeFaultReport,
  QUESTION,
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
import type { KcStatusTracker } from './status-tracker.js';

describe('<kc-status-tracker> answering the contact center', () => {
  setUpTrackerTests();

  it('shows the question, sends the answer once, and the case goes back to the contact center, axe-clean', async () => {
    const { receipt, agent } = await waitingCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    expect(text(element, '#message-heading')).to.equal('Svara på vår fråga');
    expect(text(element, '[part~="question"]')).to.equal(`Vår fråga: ${QUESTION}`);
    expect(text(element, 'label[for="message-text"]')).to.equal('Ditt svar');
    expect(text(element, '#message-hint')).to.contain('allmän handling');
    await expect(element).to.be.accessible();

    writeAnswer(element, 'ABC 123.\nBilen står på Storgatan.');
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not announced',
      SLOW,
    );
    expect(text(element, '[part~="status-label"]')).to.equal('Under behandling');
    expect(query<HTMLTextAreaElement>(element, '#message-text').value).to.equal('');
    // No longer waiting: the form now offers to add more.
    expect(text(element, '#message-heading')).to.equal('Skicka mer information');
    expect(await sentLater(receipt.reference, agent)).to.deep.equal([
      'ABC 123.\nBilen står på Storgatan.',
    ]);
    // Nothing is kept once it is sent.
    expect(Object.keys(sessionStorage).filter((key) => key.includes('case-message'))).to.deep.equal(
      [],
    );
    await expect(element).to.be.accessible();
  });

  it('says an empty answer is missing next to the field, and moves focus there', async () => {
    const { receipt } = await waitingCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    writeAnswer(element, '   ');
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(() => has(element, '#message-error'), 'no error');
    const field = query<HTMLTextAreaElement>(element, '#message-text');
    expect(text(element, '#message-error')).to.equal('Skriv något innan du skickar.');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('message-hint message-error');
    await waitUntil(() => active(element) === field, 'focus did not move to the field');
    await expect(element).to.be.accessible();
  });

  it('is answered by keyboard only', async () => {
    const { receipt, agent } = await waitingCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    query<HTMLTextAreaElement>(element, '#message-text').focus();
    await sendKeys({ type: 'ABC 123' });
    await sendKeys({ press: 'Tab' });
    expect(active(element)).to.equal(query(element, '[part~="message-button"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not sent',
      SLOW,
    );
    expect(await sentLater(receipt.reference, agent)).to.deep.equal(['ABC 123']);
  });

  it('keeps what was typed through a reload', async () => {
    const { receipt } = await waitingCase();
    const first = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(first);
    writeAnswer(first, 'Halvskrivet svar');
    // The draft is written once typing pauses; the page goes away (a reload).
    window.dispatchEvent(new Event('pagehide'));
    first.remove();
    const again = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(again);
    await waitUntil(
      () => query<HTMLTextAreaElement>(again, '#message-text').value === 'Halvskrivet svar',
      'the draft did not come back',
    );
  });

  it('in Arabic: right to left, at 320 px, axe-clean', async () => {
    await setViewport({ width: 320, height: 640 });
    const { receipt } = await waitingCase();
    document.documentElement.lang = 'ar';
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    await waitUntil(() => text(element, '#message-heading') === 'أجب عن سؤالنا', 'not Arabic');
    expect(query(element, '[part~="base"]').getAttribute('dir')).to.equal('rtl');
    const right = element.getBoundingClientRect().right;
    const wider = [...(element.shadowRoot?.querySelectorAll('*') ?? [])].filter(
      (node) => node.getBoundingClientRect().right > right + 1,
    );
    expect(wider).to.deep.equal([]);
    // The contact center's Swedish question reads left to right inside the Arabic page, its
    // question mark after the word it ends (at its right), on the form and on the timeline alike.
    for (const note of element.shadowRoot?.querySelectorAll<HTMLElement>('.note') ?? []) {
      const text = [...note.childNodes].find((node) => node.nodeType === Node.TEXT_NODE) as Text;
      const at = (index: number) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getClientRects()[0] as DOMRect;
      };
      expect(note.textContent).to.equal(QUESTION);
      const n = at(QUESTION.length - 2);
      const mark = at(QUESTION.length - 1);
      expect(mark.left, 'the "?" is not after "bilen"').to.be.greaterThan(n.left);
    }
    expect(element.shadowRoot?.querySelectorAll('.note')).to.have.length(2);
    await expect(element).to.be.accessible();
  });

  it('offers no form once the case is finished', async () => {
    const { receipt, agent } = await waitingCase();
    await agent.cases.setStatus(receipt.reference, { status: 'resolved', visibility: 'public' });
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    expect(has(element, '[part~="message-form"]')).to.equal(false);
  });
});

describe('<kc-status-tracker> a followed report', () => {
  setUpTrackerTests();

  it('offers no form to someone who follows another person’s report', async () => {
    const report = await makeFaultReport();
    const follower = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const { accessToken } = await follower.cases.follow(report.reference);
    const element = await renderTracker({ reference: report.reference, token: accessToken });
    await shown(element);
    expect(has(element, '[part~="message-form"]')).to.equal(false);
  });
});

describe('<kc-status-tracker> typing on while an answer is sent', () => {
  setUpTrackerTests();

  it('keeps what was typed meanwhile as a new draft, and sends the first text alone', async () => {
    const { receipt, agent } = await waitingCase();
    const real = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A slow connection: the answer leaves when the test says.
    const slow = {
      ...real,
      cases: {
        ...real.cases,
        addMessage: async (...args: Parameters<typeof real.cases.addMessage>) => {
          await held;
          return real.cases.addMessage(...args);
        },
      },
    };
    const element = await fixture<KcStatusTracker>(html`<kc-status-tracker
      reference=${receipt.reference}
      token=${receipt.receiptToken}
      .client=${slow}
    ></kc-status-tracker>`);
    await shown(element);
    writeAnswer(element, 'ABC 123');
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(() => text(element, '[part~="message-button"]') === 'Skickar …', 'not sending');
    writeAnswer(element, 'ABC 123. Och en sak till.');
    release();
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not sent',
      SLOW,
    );
    expect(query<HTMLTextAreaElement>(element, '#message-text').value).to.equal(
      'ABC 123. Och en sak till.',
    );
    expect(await sentLater(receipt.reference, agent)).to.deep.equal(['ABC 123']);
  });
});

describe('<kc-status-tracker> a read of the case that arrives after the answer', () => {
  setUpTrackerTests();

  it('keeps the answered case and says it was sent, instead of showing the question again', async () => {
    const { receipt, agent } = await waitingCase();
    let answered = () => {};
    const sent = new Promise<void>((resolve) => {
      answered = resolve;
    });
    let heldReads = 0;
    // The live view's first read of the case leaves before the answer and its reply comes back
    // after the answer's: what a slow connection can do.
    const lateRead: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      const isRead =
        request.method === 'GET' && new URL(request.url).pathname.endsWith(receipt.reference);
      if (isRead) {
        heldReads += 1;
        await sent;
      }
      return response;
    };
    const client = createClient({
      endpoint: server.url,
      department: 'gata',
      outbox: false,
      fetch: lateRead,
    });
    const element = await fixture<KcStatusTracker>(html`<kc-status-tracker
      reference=${receipt.reference}
      token=${receipt.receiptToken}
      .client=${client}
    ></kc-status-tracker>`);
    await shown(element);
    element.addEventListener('kc-status-change', () => answered());
    writeAnswer(element, 'ABC 123');
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(
      () => announced(element) === 'Tack! Vi har fått det du skickade.',
      'not sent',
      SLOW,
    );
    // The late read and the stream's replay of older events have come and gone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(announced(element)).to.equal('Tack! Vi har fått det du skickade.');
    expect(text(element, '[part~="status-label"]')).to.equal('Under behandling');
    expect(await sentLater(receipt.reference, agent)).to.deep.equal(['ABC 123']);
    expect(heldReads, 'the live view read the case').to.be.greaterThan(0);
  });
});

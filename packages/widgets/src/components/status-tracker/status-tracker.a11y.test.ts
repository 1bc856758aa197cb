// Every state a person can meet, by keyboard, at 320 px, right to left and with reduced motion;
// and a duplicate, followed instead. Against a real server; the duplicate is marked through the
// real agent API.
import { CASE_STATUS_WORDS } from '@kontakt/core/schemas';
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  active,
  makeCase,
  makeFaultReport,
  QUESTION,
  query,
  renderTracker,
  SLOW,
  setUpTrackerTests,
  shown,
  signedInAgent,
  text,
} from '../../test-support/status-tracker-fixture.js';
import type { KcStatusTracker } from './status-tracker.js';
import { svSimple } from './status-tracker.texts.sv-simple.js';

/** Nothing is wider than the element (no sideways scrolling). */
const overflows = (element: KcStatusTracker) =>
  [...(element.shadowRoot?.querySelectorAll('*') ?? [])].filter(
    (node) => node.getBoundingClientRect().right > element.getBoundingClientRect().right + 1,
  );

describe('<kc-status-tracker> accessibility and layout', () => {
  setUpTrackerTests();

  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('is accessible while a case is being opened', async () => {
    const receipt = await makeCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    // The first frame already says what is happening (the lookup is on its way).
    expect(element.matches(':state(opening)')).to.equal(true);
    expect(text(element, '.loading')).to.equal('Hämtar ärendet …');
    await expect(element).to.be.accessible();
    await shown(element);
  });

  it('reflows to 320 px without sideways scrolling, form and case alike', async () => {
    await setViewport({ width: 320, height: 640 });
    const receipt = await makeCase();
    const form = await renderTracker();
    expect(overflows(form)).to.deep.equal([]);
    form.remove();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    expect(overflows(element)).to.deep.equal([]);
    expect(element.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('speaks Arabic right to left, the reference kept left to right, axe-clean', async () => {
    document.documentElement.lang = 'ar';
    const receipt = await makeCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    await waitUntil(
      () => text(element, '[part~="status-label"]') === 'تم الاستلام',
      'not Arabic',
      SLOW,
    );
    const base = query(element, '[part~="base"]');
    expect(base.getAttribute('lang')).to.equal('ar');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(query(element, '[part~="reference"]').getAttribute('dir')).to.equal('ltr');
    expect(text(element, '#timeline-heading')).to.equal('ماذا حدث');
    expect(text(element, '#message-heading')).to.equal('أرسل مزيدًا من المعلومات');
    await expect(element).to.be.accessible();
  });

  it('marks the department’s topic and names it has not translated as Swedish, left to right', async () => {
    // The fixture's departments write Swedish and English: an Arabic page shows their Swedish.
    document.documentElement.lang = 'ar';
    const receipt = await makeCase();
    const agent = await signedInAgent();
    await agent.cases.take(receipt.reference);
    await agent.cases.forward(receipt.reference, { department: 'skola', reason: 'Skolfråga' });
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    await waitUntil(
      () => element.shadowRoot?.querySelectorAll('[lang="sv"]').length === 2,
      'the department’s names are not marked',
      SLOW,
    );
    const marked = [...(element.shadowRoot?.querySelectorAll('[lang="sv"]') ?? [])];
    expect(marked.map((each) => [each.textContent, each.getAttribute('dir')])).to.deep.equal([
      ['Parkering och boendeparkering', 'ltr'],
      ['Grundskoleförvaltningen', 'ltr'],
    ]);
    // In the tracker's own sentence, which stays Arabic: "Sent to Grundskoleförvaltningen."
    const forwarded = marked[1]?.parentElement;
    expect(forwarded?.textContent).to.equal('أُرسل إلى Grundskoleförvaltningen.');
    expect(forwarded?.closest('[lang]')?.getAttribute('lang')).to.equal('ar');
    await expect(element).to.be.accessible();

    element.lang = 'en';
    await waitUntil(
      () => element.shadowRoot?.textContent?.includes('Sent to Compulsory School Department.'),
      'not English',
      SLOW,
    );
    expect(element.shadowRoot?.textContent).to.contain('Parking and resident parking');
    expect(element.shadowRoot?.querySelectorAll('[lang="sv"]').length).to.equal(0);
  });

  it('marks a public note with the language staff wrote it in, the rest in the page’s', async () => {
    document.documentElement.lang = 'fi';
    const receipt = await makeCase();
    const agent = await signedInAgent();
    await agent.cases.take(receipt.reference);
    await agent.cases.setStatus(receipt.reference, {
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: QUESTION,
      noteLanguage: 'sv',
    });
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    await waitUntil(() => text(element, '#message-heading') !== '', 'no answer form', SLOW);
    const notes = [...(element.shadowRoot?.querySelectorAll('.note') ?? [])];
    // The question above the answer's field, and the same note in the timeline.
    expect(notes.map((note) => [note.textContent, note.getAttribute('lang')])).to.deep.equal([
      [QUESTION, 'sv'],
      [QUESTION, 'sv'],
    ]);
    expect(query(element, '[part~="base"]').getAttribute('lang')).to.equal('fi');
    await expect(element).to.be.accessible();
  });

  it('speaks easy-read Swedish for lang="sv-simple": its words and statuses, marked Swedish, axe-clean', async () => {
    document.documentElement.lang = 'sv-simple';
    const receipt = await makeCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    const received = svSimple.statuses?.received;
    await waitUntil(
      () => text(element, '[part~="status-label"]') === received?.label,
      'not easy-read Swedish',
      SLOW,
    );
    // Said otherwise than the contract's words, which the mails and Open311 use.
    expect(received?.label).not.to.equal(CASE_STATUS_WORDS.sv.received.label);
    expect(text(element, '[part~="status-meaning"]')).to.equal(received?.meaning);
    expect(query(element, '[part~="base"]').getAttribute('lang')).to.equal('sv');
    expect(text(element, '#timeline-heading')).to.equal(svSimple.timelineHeading);
    expect(text(element, '#message-heading')).to.equal(svSimple.message?.addHeading);
    await expect(element).to.be.accessible();
  });

  it('does not spin with reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const receipt = await makeCase();
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    // The first frame of a link shows the opening spinner; it does not turn.
    const spinner = element.shadowRoot?.querySelector('.spinner');
    expect(spinner, 'no spinner while opening').to.exist;
    const duration = parseFloat(getComputedStyle(spinner as Element).animationDuration);
    expect(duration).to.be.below(0.001);
    await shown(element);
  });
});

// A server of its own: lookups and follows are limited per client address (a burst of five).
describe('<kc-status-tracker> a duplicate', () => {
  setUpTrackerTests();

  it('shows a duplicate and follows the report it duplicates instead, by keyboard', async () => {
    const original = await makeFaultReport();
    const duplicate = await makeFaultReport('sara.berg@example.se');
    const agent = await signedInAgent();
    try {
      await agent.cases.markDuplicate(duplicate.reference, original.reference);
    } finally {
      await agent.session.signOut().catch(() => undefined);
    }
    const element = await renderTracker({
      reference: duplicate.reference,
      token: duplicate.receiptToken,
    });
    await shown(element);
    expect(text(element, '[part~="status-label"]')).to.equal('Redan anmält');
    expect(text(element, '[part~="duplicate"]')).to.contain(original.reference);
    expect(text(element, '[part~="details"]')).to.contain('Felanmälan');
    // The category's name comes from the department's fault catalog.
    await waitUntil(
      () => text(element, '[part~="details"]').includes('Klotter'),
      'no category',
      SLOW,
    );
    // A duplicate has no answer date any more.
    expect(element.shadowRoot?.querySelector('[part~="expected"]')).to.equal(null);
    await expect(element).to.be.accessible();

    // By keyboard: Tab reaches the follow button, Enter follows.
    const before = document.createElement('button');
    before.textContent = 'Före';
    element.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.getAttribute('part')).to.equal('follow-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => text(element, '[part~="reference"]') === original.reference,
      'did not switch to the original report',
      SLOW,
    );
    await element.updateComplete;
    expect(text(element, '[part~="announcement"]')).to.equal('Du följer nu den anmälan.');
    expect(active(element)?.id).to.equal('case-heading');
    before.remove();
    await expect(element).to.be.accessible();
  });
});

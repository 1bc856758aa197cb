import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  active,
  makeCase,
  query,
  renderTracker,
  SLOW,
  setUpTrackerTests,
  shown,
  submit,
  text,
  type,
} from '../../test-support/status-tracker-fixture.js';
import { runWidgetBaseTests } from '../../test-support/widget-base-tests.js';
import type { KcStatusTracker } from './status-tracker.js';

setUpTrackerTests();

const lookupLoaded = (element: KcStatusTracker): boolean =>
  (element as unknown as { deferred: { value?: unknown } }).deferred.value !== undefined;

runWidgetBaseTests<KcStatusTracker>('kc-status-tracker', {
  source: 'packages/widgets/src/components/status-tracker/status-tracker.ts',
  render: async (container) => {
    const element = document.createElement('kc-status-tracker') as KcStatusTracker;
    element.setAttribute('endpoint', 'http://127.0.0.1:9');
    element.setAttribute('department', 'gata');
    (container ?? document.body).append(element);
    await waitUntil(() => element.matches(':state(empty)'), 'no form', SLOW);
    return element;
  },
  text: (element) => element.shadowRoot?.querySelector('h2')?.textContent ?? '',
  partsInOtherStates: [
    'error',
    'error-summary',
    'alert',
    'case',
    'case-heading',
    'reference',
    'status',
    'status-label',
    'status-meaning',
    'expected',
    'details',
    'duplicate',
    'follow-button',
    'timeline',
    'timeline-entry',
    'another-button',
    'message-form',
    'question',
    'message-input',
    'message-button',
    'message-sent',
    'message-queued',
    'message-photos',
    'photos',
    'photo',
    'photo-button',
    'remove-photo-button',
    'problem',
    'fallback',
  ],
});

describe('<kc-status-tracker> form', () => {
  it('shows the form at once and loads nothing for the lookup before it is used', async () => {
    const element = await renderTracker();
    expect(element.matches(':state(empty)')).to.equal(true);
    expect(text(element, 'h2')).to.equal('Följ ditt ärende');
    expect(query(element, '#reference').getAttribute('aria-describedby')).to.equal(
      'reference-hint',
    );
    expect(lookupLoaded(element), 'lookup loaded before use').to.equal(false);
    expect(sessionStorage.length, 'stored before use').to.equal(0);
    await expect(element).to.be.accessible();
    // A person starts to use it (an event, not focus(): a background page gets no focus events).
    query(element, '#reference').dispatchEvent(
      new FocusEvent('focusin', { bubbles: true, composed: true }),
    );
    await waitUntil(() => lookupLoaded(element), 'focus did not load the lookup', SLOW);
  });

  it('says what is missing, linked from a summary, with focus on the first field to fix', async () => {
    const element = await renderTracker();
    await submit(element);
    await waitUntil(() => element.matches(':state(invalid)'), 'no errors', SLOW);
    await element.updateComplete;
    expect(text(element, '[part~="error-summary"]')).to.contain('Rätta 2 uppgifter');
    expect(query(element, '[part~="error-summary"]').getAttribute('role')).to.equal('alert');
    expect(query(element, '#reference').getAttribute('aria-invalid')).to.equal('true');
    expect(query(element, '#reference').getAttribute('aria-describedby')).to.equal(
      'reference-hint reference-error',
    );
    expect(active(element)?.id).to.equal('reference');
    await expect(element).to.be.accessible();
  });

  it('refuses what cannot be a reference or an address, in words of the field', async () => {
    const element = await renderTracker();
    type(element, 'reference', 'KC-123');
    type(element, 'email', 'inte en adress');
    await submit(element);
    await waitUntil(() => element.matches(':state(invalid)'), 'no errors', SLOW);
    await element.updateComplete;
    expect(text(element, '#reference-error')).to.contain('KC och åtta tecken');
    expect(text(element, '#email-error')).to.contain('namn@exempel.se');
  });

  it('can be used by keyboard alone: fields, Enter to open, the case, and back to the form', async () => {
    const receipt = await makeCase('kim.nilsson@example.se');
    const element = await renderTracker();
    const before = document.createElement('button');
    before.textContent = 'Före';
    element.before(before);
    try {
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(active(element)?.id).to.equal('reference');
      await sendKeys({ type: 'KC-123' });
      await sendKeys({ press: 'Tab' });
      expect(active(element)?.id).to.equal('email');
      await sendKeys({ type: 'kim.nilsson@example.se' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.matches(':state(invalid)'), 'Enter did not submit', SLOW);
      await element.updateComplete;
      // Focus is on the field to fix; its error is read with it.
      expect(active(element)?.id).to.equal('reference');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'a' });
      await sendKeys({ up: 'Control' });
      await sendKeys({ type: receipt.reference.toLowerCase() });
      await sendKeys({ press: 'Enter' });
      await shown(element);
      expect(active(element)?.id).to.equal('case-heading');
      // Its sender may add to the open case: the text and its button, then back to the form.
      await sendKeys({ press: 'Tab' });
      expect(active(element)?.id).to.equal('message-text');
      await sendKeys({ press: 'Tab' });
      expect(active(element)?.getAttribute('part')).to.equal('message-button');
      await sendKeys({ press: 'Tab' });
      expect(active(element)?.getAttribute('part')).to.equal('another-button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.matches(':state(empty)'), 'not back to the form', SLOW);
      await element.updateComplete;
      expect(active(element)?.id).to.equal('reference');
    } finally {
      before.remove();
    }
  });
});

describe('<kc-status-tracker> the page’s own content', () => {
  it('is shown when the element is not configured', async () => {
    const element = await fixture<KcStatusTracker>(html`<kc-status-tracker>
      <p id="fallback">Ring kontaktcenter.</p>
    </kc-status-tracker>`);
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('form')).to.equal(null);
    expect(element.querySelector('#fallback')?.checkVisibility()).to.equal(true);
  });
});

// The form renders first and loads the rest on demand: a usable form before the department's
// topics arrive, nothing for sending (client, schemas, outbox) until the person starts to use it,
// and the page's own content inside the tag whenever the form cannot start.
import { departmentUrl, peekEarlyAnswer, startEarlyGet } from '@kontakt/core/early';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  query,
  renderForm,
  server,
  setUpContactFormTests,
  shadow,
  submitPathLoaded,
  text,
} from '../../test-support/contact-form-fixture.js';
import type { KcContactForm } from './contact-form.js';

setUpContactFormTests();

/** Loading from the test server (which compiles modules on first request) is slow under load. */
const SLOW = { timeout: 10_000 };

/** Holds the department requests this page sends until `release()`; the server answers them. */
function holdDepartmentRequests(): { release: () => void; restore: () => void } {
  const original = window.fetch;
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/v1/departments/')) await gate;
    return original(input, init);
  };
  return {
    release,
    restore: () => {
      window.fetch = original;
    },
  };
}

const topicsIn = (element: KcContactForm) =>
  shadow(element).querySelector('#topic option[value="parkering"]') !== null;

describe('<kc-contact-form> first render', () => {
  let restore = () => {};
  afterEach(() => {
    restore();
  });

  it('shows a usable form before its topics arrive and loads nothing for sending until used', async () => {
    // Another test file's outbox in this browser must not count as one of this page's.
    const databases = indexedDB.databases;
    indexedDB.databases = async () => [];
    const held = holdDepartmentRequests();
    restore = () => {
      held.restore();
      indexedDB.databases = databases;
    };
    const element = await renderForm();

    const topic = query<HTMLSelectElement>(element, '#topic');
    expect(topic.options.length).to.equal(1);
    expect(topic.options[0]?.textContent?.trim()).to.equal('Hämtar ämnen …');
    expect(topic.getAttribute('aria-busy')).to.equal('true');
    expect(element.matches(':state(loading)')).to.equal(true);
    const messageTop = query(element, '#message').getBoundingClientRect().top;

    held.release();
    await waitUntil(() => topicsIn(element), 'the topics did not arrive', SLOW);
    await element.updateComplete;
    expect(element.matches(':state(ready)')).to.equal(true);
    expect(topic.hasAttribute('aria-busy')).to.equal(false);
    // The topics filled in without moving what the person may already be doing.
    expect(query(element, '#message').getBoundingClientRect().top).to.equal(messageTop);
    expect(submitPathLoaded(element), 'submit path loaded before use').to.equal(false);
    expect(sessionStorage.length, 'stored before use').to.equal(0);

    // A person starts to type. (Events, not `focus()`: with two test pages open at once, the
    // page in the background gets no focus events.)
    const message = query<HTMLTextAreaElement>(element, '#message');
    message.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await waitUntil(() => submitPathLoaded(element), 'focus did not load the submit path', SLOW);
  });

  it('shows the topics in its first frame when the early answer is in', async () => {
    // What the script-tag starter does before the element has loaded. (A department no other
    // test in this file asks for, so no answer of theirs is reused.)
    const url = departmentUrl(server.url, 'skola');
    startEarlyGet(url);
    await waitUntil(() => peekEarlyAnswer(url), 'the early answer did not arrive', SLOW);
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('kc-contact-form');
    const topicsPerUpdate: number[] = [];
    element.addController({
      hostUpdated: () => {
        topicsPerUpdate.push(query<HTMLSelectElement>(element, '#topic').options.length);
      },
    });
    element.setAttribute('endpoint', server.url);
    element.setAttribute('department', 'skola');
    container.append(element);
    await element.updateComplete;
    // The first update already rendered both topics: no frame without them, nothing moves.
    expect(topicsPerUpdate[0]).to.equal(3);
    expect(query(element, '#topic').hasAttribute('aria-busy')).to.equal(false);
    expect(element.matches(':state(ready)')).to.equal(true);
    // Taken: nothing is left for a later caller to pick up.
    expect(peekEarlyAnswer(url)).to.equal(undefined);
  });

  it('keeps what the person typed while the topics arrive', async () => {
    const held = holdDepartmentRequests();
    restore = held.restore;
    const element = await renderForm();
    const message = query<HTMLTextAreaElement>(element, '#message');
    message.focus();
    message.value = 'Snöröjningen har missat Storgatan.';
    message.dispatchEvent(new Event('input'));
    await element.updateComplete;

    held.release();
    await waitUntil(() => topicsIn(element), 'the topics did not arrive', SLOW);
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal(
      'Snöröjningen har missat Storgatan.',
    );
    expect(shadow(element).activeElement).to.equal(message);
  });
});

describe('<kc-contact-form> the page’s own content', () => {
  const withFallback = (endpoint: string | undefined) =>
    fixture<KcContactForm>(html`<kc-contact-form endpoint=${endpoint ?? ''} department="gata">
      <p id="fallback">Ring kontaktcenter på <a href="tel:+46406280400">040-628 04 00</a>.</p>
    </kc-contact-form>`);
  const fallbackShown = (element: KcContactForm) =>
    element.querySelector('#fallback')?.checkVisibility() ?? false;

  it('is hidden while the form is shown', async () => {
    const element = await withFallback(server.url);
    await waitUntil(() => topicsIn(element), 'the topics did not arrive', SLOW);
    expect(fallbackShown(element)).to.equal(false);
  });

  it('is shown with a retry button when the server cannot be reached on the first load', async () => {
    // Port 9 (discard) refuses connections on the test machine: an unreachable server.
    const element = await withFallback('http://127.0.0.1:9');
    await waitUntil(() => element.matches(':state(load-error)'), 'no load error', SLOW);
    await element.updateComplete;
    expect(shadow(element).querySelector('form')).to.equal(null);
    expect(text(element, '[part~="error"]')).to.contain('Formuläret kunde inte hämtas');
    expect(fallbackShown(element)).to.equal(true);
    expect(query(element, '[part~="retry-button"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('is shown when the element is not configured', async () => {
    const element = await withFallback(undefined);
    await element.updateComplete;
    expect(shadow(element).querySelector('form')).to.equal(null);
    expect(fallbackShown(element)).to.equal(true);
  });
});

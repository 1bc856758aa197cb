// The way from a receipt to the tracker: the contact form's receipt links to the tracker page
// (`tracker-url`) with the reference and receipt token in the fragment, and that link opens the
// case there without a form. Fault reports link the same way (receiptLink).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/contact-form.js';
import { fillValid, loaded, submit } from '../../test-support/contact-form-fixture.js';
import {
  renderTracker,
  SLOW,
  server,
  setUpTrackerTests,
  shown,
  text,
} from '../../test-support/status-tracker-fixture.js';
import type { KcContactForm } from '../contact-form/contact-form.js';
import { receiptLink } from './receipt-link.js';

setUpTrackerTests();

describe('the receipt’s link to <kc-status-tracker>', () => {
  it('goes from a contact form’s receipt to the case, opened at once', async () => {
    const form = await fixture<KcContactForm>(html`<kc-contact-form
      endpoint=${server.url}
      department="gata"
      tracker-url="/arende.html"
    ></kc-contact-form>`);
    await loaded(form);
    await fillValid(form);
    await submit(form);
    const findLink = () =>
      form.shadowRoot?.querySelector<HTMLAnchorElement>('[part~="tracker-link"]');
    await waitUntil(findLink, 'no link on the receipt', SLOW);
    const link = findLink() as HTMLAnchorElement;
    expect(link.textContent?.trim()).to.equal('Följ ditt ärende');
    const href = new URL(link.href);
    expect(href.origin + href.pathname).to.equal(`${location.origin}/arende.html`);
    const reference = text(form as never, '[part~="reference"]');
    expect(href.hash).to.match(new RegExp(`^#reference=${reference}&token=[A-Za-z0-9_-]{32,64}$`));
    form.remove();

    // The tracker page, opened by that link.
    history.replaceState(null, '', `${location.pathname}${href.hash}`);
    const tracker = await renderTracker();
    await shown(tracker);
    expect(text(tracker, '[part~="reference"]')).to.equal(reference);
    expect(location.hash).to.equal(`#reference=${reference}`);
  });

  it('is made only to http(s) pages', () => {
    const base = 'https://gata.example.se/kontakt/';
    expect(receiptLink('/arende.html', 'KC-7F3K-9QXM', 'a'.repeat(43), base)).to.equal(
      `https://gata.example.se/arende.html#reference=KC-7F3K-9QXM&token=${'a'.repeat(43)}`,
    );
    expect(receiptLink('arende', 'KC-7F3K-9QXM', 'a'.repeat(43), base)).to.equal(
      `https://gata.example.se/kontakt/arende#reference=KC-7F3K-9QXM&token=${'a'.repeat(43)}`,
    );
    expect(receiptLink('javascript:alert(1)', 'KC-7F3K-9QXM', 'a'.repeat(43), base)).to.equal(
      undefined,
    );
    expect(receiptLink('data:text/html,x', 'KC-7F3K-9QXM', 'a'.repeat(43), base)).to.equal(
      undefined,
    );
  });
});

// When the contact center is closed: the next opening time, and a written message or a call-back.
import { createClient } from '@kontakt/core';
import { expect, waitUntil } from '@open-wc/testing';
import {
  buttonNamed,
  departmentThat,
  focused,
  openPanel,
  query,
  renderBubble,
  SLOW,
  server,
  setUpChatTests,
  text,
  type,
} from '../../test-support/chat-bubble-fixture.js';
import type { KcChatBubble } from './chat-bubble.js';

setUpChatTests();

/** A bubble of a department that is closed now, its panel open on the closed view. */
async function openClosed(): Promise<KcChatBubble> {
  const element = await renderBubble({ department: await departmentThat('closed') });
  await openPanel(element);
  await waitUntil(
    () => element.shadowRoot?.querySelector('#closed-heading'),
    'no closed view',
    SLOW,
  );
  return element;
}

describe('<kc-chat-bubble> closed', () => {
  it('tells when it opens next, with the week’s hours, and offers a message or a call-back', async () => {
    const element = await openClosed();
    expect(text(element, '#closed-heading')).to.equal('Chatten är stängd just nu');
    expect(text(element, '.opens')).to.match(/^Vi öppnar (i dag|i morgon) 03\.00\.$/);
    expect(element.shadowRoot?.querySelectorAll('.hours dt')).to.have.length(7);
    expect(text(element, '.hours dd')).to.equal('03.00–03.01');
    // Focus lands on the first way forward.
    await waitUntil(
      () => focused()?.textContent?.trim() === 'Skriv ett meddelande',
      'focus not on the first choice',
    );
    await expect(element).to.be.accessible();
  });

  it('takes a call-back request: the phone number checked, then a receipt', async () => {
    const element = await openClosed();
    buttonNamed(element, 'Bli uppringd').click();
    await waitUntil(
      () => element.shadowRoot?.querySelector('#callback-phone'),
      'no call-back form',
      SLOW,
    );
    await waitUntil(() => focused()?.id === 'callback-heading', 'focus not on the form’s heading');

    type(element, '#callback-phone', '12');
    query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
    await waitUntil(
      () => element.shadowRoot?.querySelector('#callback-phone-error'),
      'no phone error',
    );
    expect(query(element, '#callback-phone').getAttribute('aria-invalid')).to.equal('true');
    // The danger border shows on a text input too (2 px where others have 1), not only its text.
    expect(getComputedStyle(query(element, '#callback-phone')).borderTopWidth).to.equal('2px');
    expect(query(element, '#callback-phone').getAttribute('aria-describedby')).to.contain(
      'callback-phone-error',
    );
    expect(focused()?.id).to.equal('callback-errors');
    // The summary says which field is wrong, and its link leads there.
    const link = query<HTMLAnchorElement>(element, '#callback-errors a');
    expect(link.textContent?.trim()).to.equal(
      'Telefonnummer: Skriv ett telefonnummer med minst sex siffror, till exempel 070-123 45 67.',
    );
    link.click();
    expect(focused()?.id).to.equal('callback-phone');
    await expect(element).to.be.accessible();

    type(element, '#callback-phone', '070-123 45 67');
    type(element, '#callback-note', 'Om parkeringstillstånd.');
    const submitted = new Promise<string>((resolve) =>
      element.addEventListener('kc-submitted', (event) => resolve(event.receipt.reference), {
        once: true,
      }),
    );
    query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
    const reference = await submitted;
    await waitUntil(() => element.shadowRoot?.querySelector('#callback-done'), 'no receipt', SLOW);
    expect(text(element, '#callback-done')).to.contain(reference);
    expect(text(element, '#callback-done')).to.contain('Vi ringer dig så snart vi kan.');
    await expect(element).to.be.accessible();
  });

  it('offers the contact form for a written message, loaded when asked for', async () => {
    const element = await openClosed();
    buttonNamed(element, 'Skriv ett meddelande').click();
    await waitUntil(
      () => element.shadowRoot?.querySelector('kc-contact-form')?.shadowRoot?.querySelector('form'),
      'no contact form',
      SLOW,
    );
    const form = query(element, 'kc-contact-form');
    expect(form.getAttribute('department')).to.equal(element.department);
    buttonNamed(element, 'Tillbaka').click();
    await waitUntil(() => element.shadowRoot?.querySelector('#closed-heading'), 'not back');
  });

  it('offers a call-back while the queue is long, and the waiting chat ends with the request', async function () {
    // Three chats, a panel, the call-back form and its receipt: several slow steps under load.
    this.timeout(60_000);
    const department = await departmentThat('open');
    // Two people already wait (the one queue of the whole contact center).
    const others = createClient({ endpoint: server.url, department, outbox: false });
    const waiting = await Promise.all(
      ['Först i kön', 'Tvåa i kön'].map((message) => others.chat.start({ locale: 'sv', message })),
    );
    try {
      const element = await renderBubble({ department });
      await openPanel(element);
      await waitUntil(() => element.shadowRoot?.querySelector('#start-message'), 'no form', SLOW);
      type(element, '#start-message', 'Jag väntar hellre på ett samtal.');
      query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
      await waitUntil(
        () => buttonNamed(element, 'Bli uppringd i stället'),
        'no call-back offered in a long queue',
        SLOW,
      );
      expect(text(element, '[part~="queue"]')).to.match(/^Du är nummer [3-9] i kön\./);
      buttonNamed(element, 'Bli uppringd i stället').click();
      await waitUntil(() => element.shadowRoot?.querySelector('#callback-phone'), 'no form', SLOW);
      type(element, '#callback-phone', '070-123 45 67');
      query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
      // The request makes a case and ends the chat: slow when the whole suite runs beside it (a
      // clean clone's run once took longer than 10 s). If it never comes, say what the panel says.
      await waitUntil(() => element.shadowRoot?.querySelector('#callback-done'), '', {
        timeout: 30_000,
      }).catch(() => {
        const panel = element.shadowRoot?.querySelector('dialog')?.textContent;
        throw new Error(`no receipt; the panel says: ${panel?.replace(/\s+/g, ' ').trim()}`);
      });
      await waitUntil(
        () => text(element, '[part~="hours"]') !== 'Pågående chatt',
        'the chat still counts as going on',
      );
      await expect(element).to.be.accessible();
    } finally {
      for (const chat of waiting) await chat.close().catch(() => undefined);
    }
  });
});

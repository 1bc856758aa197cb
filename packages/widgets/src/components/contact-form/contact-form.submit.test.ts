// Sending: with the keyboard alone, the receipt, busy while sending, cancelling, and failures.
import { createClient } from '@kontakt/core';
import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { KcErrorEvent } from '../../events/error.js';
import type { KcSubmitEvent } from '../../events/submit.js';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import {
  active,
  deferred,
  fillValid,
  gata,
  loaded,
  query,
  renderForm,
  server,
  setUpContactFormTests,
  submit,
  tabTo,
  text,
  typeValidQuestion,
  wrapClient,
} from '../../test-support/contact-form-fixture.js';
import { countCases } from '../../test-support/kontakt-server.js';

setUpContactFormTests();

describe('<kc-contact-form>', () => {
  it('can be completed with the keyboard alone and moves focus to the receipt', async () => {
    const element = await loaded(await renderForm());
    const before = await countCases(server);

    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('topic');
    await typeValidQuestion(element);
    await tabTo(element, 'submit-button');

    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await sendKeys({ press: 'Enter' });
    const { receipt } = await submitted;
    await element.updateComplete;

    expect(element.matches(':state(submitted)')).to.be.true;
    expect(active(element)?.getAttribute('part')).to.equal('receipt-heading');
    expect(text(element, '[part~="receipt-heading"]')).to.equal(
      'Tack! Vi har tagit emot din fråga',
    );
    expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
    const date = new Intl.DateTimeFormat('sv', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Stockholm',
    }).format(new Date(receipt.expectedAnswerBy));
    expect(text(element, '[part~="receipt"]')).to.contain(`Du får svar senast ${date}.`);
    expect(await countCases(server)).to.equal(before + 1);
    await expect(element).to.be.accessible();
  });

  it('starts a new message from the receipt, keeping the contact details', async () => {
    const element = await loaded(await renderForm());
    await fillValid(element);
    const submitted = oneEvent(element, 'kc-submitted');
    await submit(element);
    await submitted;
    await element.updateComplete;
    query(element, '[part~="new-message-button"]').click();
    await loaded(element);
    await element.updateComplete;
    expect(active(element)?.id).to.equal('topic');
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal('');
    expect(query<HTMLInputElement>(element, '#email').value).to.equal('anna.svensson@example.se');
  });

  it('is busy while sending and sends once however often it is submitted', async () => {
    const gate = deferred();
    const client = wrapClient(gata(), { beforeSubmit: gate.promise });
    const element = await loaded(await renderForm({ client }));
    const before = await countCases(server);
    await fillValid(element);
    const submitting = oneEvent<KcSubmitEvent>(element, 'kc-submit');
    await submit(element);
    expect((await submitting).message.topic).to.equal('parkering');
    await element.updateComplete;
    expect(element.matches(':state(submitting)')).to.be.true;
    const button = query(element, '[part~="submit-button"]');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent?.trim()).to.equal('Skickar …');
    expect(text(element, '[part~="status"]')).to.equal('Skickar …');
    await expect(element).to.be.accessible();
    await submit(element);
    await submit(element);
    const submitted = oneEvent(element, 'kc-submitted');
    gate.open();
    await submitted;
    expect(client.submits).to.equal(1);
    expect(await countCases(server)).to.equal(before + 1);
  });

  it('keeps its busy spinner still when the person asks for reduced motion', async () => {
    const spinning = async (reduce: boolean) => {
      await emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
      const gate = deferred();
      const element = await loaded(
        await renderForm({ client: wrapClient(gata(), { beforeSubmit: gate.promise }) }),
      );
      await fillValid(element);
      await submit(element);
      const style = getComputedStyle(query(element, '.spinner'));
      const result = {
        iterations: style.animationIterationCount,
        seconds: Number.parseFloat(style.animationDuration),
      };
      const submitted = oneEvent(element, 'kc-submitted');
      gate.open();
      await submitted;
      return result;
    };
    try {
      expect((await spinning(false)).iterations).to.equal('infinite');
      const reduced = await spinning(true);
      expect(reduced.iterations).to.equal('1');
      expect(reduced.seconds).to.be.below(0.001);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('does not send when kc-submit is cancelled', async () => {
    const client = wrapClient(gata());
    const element = await loaded(await renderForm({ client }));
    await fillValid(element);
    element.addEventListener('kc-submit', (event) => event.preventDefault());
    await submit(element);
    expect(client.submits).to.equal(0);
    expect(element.matches(':state(ready)')).to.be.true;
  });

  it('keeps the text and says why when sending fails, and sends on a later try', async () => {
    // The server refuses the department (a configuration error): a permanent failure.
    const wrong = createClient({ endpoint: server.url, department: 'finns-inte', outbox: false });
    const client = wrapClient(gata(), { cases: wrong.cases });
    const element = await loaded(await renderForm({ client }));
    await fillValid(element, 'Lampan på Storgatan 3 är trasig.');
    const failed = oneEvent<KcErrorEvent>(element, 'kc-error');
    await submit(element);
    expect((await failed).error.code).to.equal('validation_failed');
    await element.updateComplete;
    expect(element.matches(':state(failed)')).to.be.true;
    expect(query(element, '[part~="alert"]').getAttribute('role')).to.equal('alert');
    expect(text(element, '[part~="alert"]')).to.contain(
      'Formuläret fungerar inte på den här sidan',
    );
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal(
      'Lampan på Storgatan 3 är trasig.',
    );
    await expect(element).to.be.accessible();

    element.client = gata();
    await element.updateComplete;
    await loaded(element);
    const submitted = oneEvent(element, 'kc-submitted');
    await submit(element);
    await submitted;
  });

  it('sends the same message again under the same key, so a lost answer makes one case', async () => {
    const before = await countCases(server);
    const keys: string[] = [];
    let loseNextAnswer = true;
    // The request reaches the real server, which stores the case; the answer is lost on the way back.
    const lossyFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method !== 'POST') return response;
      keys.push(request.headers.get('idempotency-key') ?? '');
      if (!loseNextAnswer) return response;
      loseNextAnswer = false;
      throw new TypeError('Failed to fetch');
    };
    const client = createClient({
      endpoint: server.url,
      department: 'gata',
      fetch: lossyFetch,
      retry: 0,
      outbox: false,
    });
    const element = await loaded(await renderForm({ client }));
    await fillValid(element, 'Gatlampan vid Möllevångstorget blinkar.');
    const failed = oneEvent<KcErrorEvent>(element, 'kc-error');
    await submit(element);
    expect((await failed).error.code).to.equal('network_error');
    await element.updateComplete;
    expect(element.matches(':state(failed)')).to.be.true;

    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await submit(element);
    await submitted;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(await countCases(server)).to.equal(before + 1);
  });
});

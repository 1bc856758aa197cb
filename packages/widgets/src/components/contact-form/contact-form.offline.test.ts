// Messages kept offline: delivered once the server is back, explained when they expire, and
// shown again after a reload.
import type { KontaktClient, Outbox, OutboxStore } from '@kontakt/core';
import { createClient, memoryStore } from '@kontakt/core';
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { KcErrorEvent } from '../../events/error.js';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import {
  active,
  fillValid,
  gata,
  loaded,
  query,
  renderForm,
  server,
  setUpContactFormTests,
  submit,
  text,
  wrapClient,
} from '../../test-support/contact-form-fixture.js';
import {
  countCases,
  restartKontaktServer,
  startKontaktServer,
  stopKontaktServer,
} from '../../test-support/kontakt-server.js';
import type { KcContactForm } from './contact-form.js';

setUpContactFormTests();

describe('<kc-contact-form>', () => {
  it('keeps a message offline while the server is down and delivers it exactly once when it is back', async function () {
    this.timeout(40_000);
    const own = await startKontaktServer();
    try {
      const element = await fixture<KcContactForm>(
        html`<kc-contact-form endpoint=${own.url} department="gata"></kc-contact-form>`,
      );
      await loaded(element);
      await fillValid(element, 'Snön är inte röjd på Parkvägen.');
      await stopKontaktServer(own);

      const errors: KcErrorEvent[] = [];
      element.addEventListener('kc-error', (event) => errors.push(event));
      await submit(element);
      await waitUntil(() => element.matches(':state(offline)'), 'offline state not shown', {
        timeout: 15_000,
      });
      await element.updateComplete;
      expect(text(element, '[part~="status"] h2')).to.equal(
        'Sparat – skickas när anslutningen fungerar igen',
      );
      expect(query(element, '[part~="status"]').getAttribute('role')).to.equal('status');
      expect(active(element)?.id).to.equal('offline-heading');
      expect(errors).to.have.length(0);
      await expect(element).to.be.accessible();

      await restartKontaktServer(own);
      const delivered = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
      window.dispatchEvent(new Event('online'));
      const { receipt } = await delivered;
      await element.updateComplete;
      expect(element.matches(':state(submitted)')).to.be.true;
      expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
      expect(active(element)?.getAttribute('part')).to.equal('receipt-heading');

      // Nothing is left to send: coming online again or flushing sends no second copy.
      const client = createClient({ endpoint: own.url, department: 'gata' });
      await client.outbox.flush();
      expect(await client.outbox.pending()).to.have.length(0);
      expect(await countCases(own)).to.equal(1);
    } finally {
      await stopKontaktServer(own);
    }
  });

  it('says so and gives the text back when a message kept offline expires unsent', async function () {
    this.timeout(20_000);
    // Topics come from the real server; messages go to a port where nothing listens.
    const unreachable = createClient({
      endpoint: 'http://127.0.0.1:9',
      department: 'gata',
      retry: 0,
      outbox: memoryStore(),
      outboxMaxAge: 1_000,
    });
    const client = {
      ...wrapClient(gata(), { cases: unreachable.cases }),
      outbox: unreachable.outbox,
    };
    const element = await loaded(await renderForm({ client }));
    await fillValid(element, 'Papperskorgen vid busshållplatsen är trasig.');
    await submit(element);
    await waitUntil(() => element.matches(':state(offline)'), 'offline state not shown', {
      timeout: 10_000,
    });
    const failed = await oneEvent<KcErrorEvent>(element, 'kc-error');
    expect(failed.error.code).to.equal('expired');
    await element.updateComplete;
    expect(element.matches(':state(failed)')).to.be.true;
    expect(text(element, '[part~="alert"]')).to.contain('kunde inte skickas på flera dagar');
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal(
      'Papperskorgen vid busshållplatsen är trasig.',
    );
    await expect(element).to.be.accessible();
  });
});

// --- messages kept offline across a reload ---------------------------------------------------

describe('<kc-contact-form> after a reload with a message kept offline', () => {
  /** A client whose submissions can never leave the browser: everything stays in its outbox. */
  function offlineClient(store: OutboxStore, department = 'gata') {
    return createClient({
      endpoint: server.url,
      department,
      outbox: store,
      retry: 0,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
  }
  /** The outbox, with every look into it recorded, so a test knows when the form has looked. */
  function watched(outbox: Outbox): { outbox: Outbox; looks: Promise<unknown>[] } {
    const looks: Promise<unknown>[] = [];
    const watchedOutbox: Outbox = {
      pending() {
        const look = outbox.pending();
        looks.push(look);
        return look;
      },
      flush: () => outbox.flush(),
      addEventListener: outbox.addEventListener.bind(outbox),
      removeEventListener: outbox.removeEventListener.bind(outbox),
      dispatchEvent: outbox.dispatchEvent.bind(outbox),
    };
    return { outbox: watchedOutbox, looks };
  }
  const message = {
    topic: 'parkering',
    message: 'Hur söker jag boendeparkering?',
    answerChannel: 'email',
    email: 'anna.svensson@example.se',
  } as const;

  async function keep(client: KontaktClient, widget: string): Promise<void> {
    const error = await client.cases.submit(message, { widget }).catch((e: unknown) => e);
    expect((error as { queued?: unknown }).queued, 'the message was kept').to.exist;
  }

  it('shows only its own department and widget’s messages as waiting', async () => {
    const store = memoryStore();
    const offline = offlineClient(store);
    await keep(offline, 'kc-fault-report');
    await keep(offlineClient(store, 'skola'), 'kc-contact-form');
    const { outbox, looks } = watched(offline.outbox);
    const element = await loaded(await renderForm({ client: { ...wrapClient(gata()), outbox } }));
    expect(looks, 'the form looked into the outbox').to.have.length(1);
    await looks[0];
    await element.updateComplete;
    expect(element.matches(':state(ready)')).to.be.true;
    fixtureCleanup();

    await keep(offline, 'kc-contact-form');
    const reloaded = await renderForm({
      client: { ...wrapClient(gata()), outbox: offline.outbox },
    });
    await waitUntil(() => reloaded.matches(':state(offline)'), 'its own message is not shown');
    expect(text(reloaded, '[part~="status"] h2')).to.equal(
      'Sparat – skickas när anslutningen fungerar igen',
    );
  });

  it('shows the waiting message again after a reload, then its receipt, and makes one case', async function () {
    this.timeout(40_000);
    const own = await startKontaktServer();
    try {
      const render = () =>
        fixture<KcContactForm>(
          html`<kc-contact-form endpoint=${own.url} department="gata"></kc-contact-form>`,
        );
      const first = await loaded(await render());
      await fillValid(first, 'Gatlampan på Kungsgatan är trasig.');
      await stopKontaktServer(own);
      await submit(first);
      await waitUntil(() => first.matches(':state(offline)'), 'offline state not shown', {
        timeout: 15_000,
      });
      fixtureCleanup();

      const element = await render();
      await waitUntil(() => element.matches(':state(offline)'), 'the waiting message is not shown');
      await element.updateComplete;
      expect(text(element, '[part~="status"] h2')).to.equal(
        'Sparat – skickas när anslutningen fungerar igen',
      );
      expect(active(element)?.id ?? 'nothing', 'a page that loads keeps focus').to.equal('nothing');
      await expect(element).to.be.accessible();

      await restartKontaktServer(own);
      const delivered = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
      query(element, '[part~="send-now-button"]').click();
      const { receipt } = await delivered;
      await element.updateComplete;
      expect(element.matches(':state(submitted)')).to.be.true;
      expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
      expect(await countCases(own)).to.equal(1);
      const client = createClient({ endpoint: own.url, department: 'gata' });
      expect(await client.outbox.pending()).to.have.length(0);
      expect(sessionStorage.length, 'the draft went with the receipt').to.equal(0);
    } finally {
      await stopKontaktServer(own);
    }
  });
});

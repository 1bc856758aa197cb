// ClientController takes its endpoint and department from the nearest provider with the Context
// Community Protocol's request by hand; a real `@lit/context` ContextProvider must answer it, its
// changes must arrive, a widget taken out of the page must stop hearing of them, and the widget's
// own attributes must win, each on its own.
import type { KontaktClient } from '@kontakt/core';
import { createClient, createMessageClient } from '@kontakt/core';
import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ClientController } from './client.js';
import { settingsContext } from './settings.js';

class TestProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: settingsContext });
  protected override render() {
    return html`<slot></slot>`;
  }
}

class TestConsumer extends LitElement {
  client: KontaktClient | undefined = undefined;
  endpoint: string | undefined = undefined;
  department: string | undefined = undefined;
  readonly clients = new ClientController(this);
}

customElements.define('test-client-provider', TestProvider);
customElements.define('test-client-consumer', TestConsumer);

/** A client as the controller reads it: where it sends. */
const clientFor = (endpoint: string, department: string) =>
  ({ endpoint, department }) as unknown as KontaktClient;

async function consumerInProvider() {
  const provider = await fixture<TestProvider>(
    html`<test-client-provider><test-client-consumer></test-client-consumer></test-client-provider>`,
  );
  return { provider, consumer: provider.querySelector('test-client-consumer') as TestConsumer };
}

describe('ClientController with a provider', () => {
  it('takes the settings a @lit/context provider hands down, and then their changes', async () => {
    const { provider, consumer } = await consumerInProvider();
    expect(consumer.clients.target).to.equal(undefined);

    provider.provider.setValue({ endpoint: 'https://kontakt.example.se/', department: 'gata' });
    await consumer.updateComplete;
    expect(consumer.clients.target).to.include({
      endpoint: 'https://kontakt.example.se',
      department: 'gata',
      client: undefined,
    });

    provider.provider.setValue({ endpoint: 'https://kontakt.example.se', department: 'bygg' });
    await consumer.updateComplete;
    expect(consumer.clients.target?.department).to.equal('bygg');
  });

  it("uses the provider's client for its own endpoint and department only", async () => {
    const { provider, consumer } = await consumerInProvider();
    const given = clientFor('https://kontakt.example.se', 'gata');
    provider.provider.setValue({ client: given });
    await consumer.updateComplete;
    expect(consumer.clients.target?.client).to.equal(given);
    expect(consumer.clients.client(createMessageClient)).to.equal(given);

    // Another department than the client's: a client of its own, on the client's endpoint.
    consumer.department = 'bygg';
    expect(consumer.clients.target).to.include({
      endpoint: 'https://kontakt.example.se',
      department: 'bygg',
      client: undefined,
    });
  });

  it('stops hearing of the provider once taken out of the page', async () => {
    const { provider, consumer } = await consumerInProvider();
    provider.provider.setValue({ endpoint: 'https://kontakt.example.se', department: 'gata' });
    await consumer.updateComplete;
    consumer.remove();
    provider.provider.setValue({ endpoint: 'https://kontakt.example.se', department: 'bygg' });
    expect(consumer.clients.target).to.equal(undefined);
    // Back in the page: it asks again and has the settings as they are now.
    provider.append(consumer);
    expect(consumer.clients.target?.department).to.equal('bygg');
  });

  it('lets its own endpoint and department win over the provider, each on its own', async () => {
    const { provider, consumer } = await consumerInProvider();
    provider.provider.setValue({ endpoint: 'https://kontakt.example.se', department: 'gata' });
    consumer.department = 'bygg';
    expect(consumer.clients.target).to.include({
      endpoint: 'https://kontakt.example.se',
      department: 'bygg',
    });
    consumer.endpoint = 'https://annan.example.se';
    expect(consumer.clients.target?.endpoint).to.equal('https://annan.example.se');
    // Invalid as a whole is invalid, whoever named what.
    consumer.department = 'Not A Slug';
    expect(consumer.clients.target).to.equal(undefined);
  });
});

describe('ClientController making clients', () => {
  it('makes one client per target and factory, and gives a client set from JavaScript as it is', async () => {
    const consumer = await fixture<TestConsumer>(
      html`<test-client-consumer></test-client-consumer>`,
    );
    consumer.endpoint = 'https://kontakt.example.se';
    consumer.department = 'gata';
    const messages = consumer.clients.client(createMessageClient);
    expect(consumer.clients.client(createMessageClient)).to.equal(messages);
    expect(Object.keys(messages ?? {}).sort()).to.deep.equal([
      'cases',
      'department',
      'endpoint',
      'outbox',
    ]);
    // Another factory for the same target makes its own kind of client.
    const whole = consumer.clients.client(createClient);
    expect(whole).not.to.equal(messages);
    expect(whole?.notices).to.not.equal(undefined);
    expect(whole?.outbox).to.equal(messages?.outbox);

    const given = createClient({ endpoint: 'https://annan.example.se', department: 'bygg' });
    consumer.client = given;
    expect(consumer.clients.client(createMessageClient)).to.equal(given);
  });
});

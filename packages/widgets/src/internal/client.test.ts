// ClientController asks a surrounding provider for its client with the Context Community
// Protocol's request by hand; a real `@lit/context` ContextProvider must answer it, its changes
// must arrive, and a widget taken out of the page must stop hearing of them.
import type { KontaktClient } from '@kontakt/core';
import { createClient, createMessageClient } from '@kontakt/core';
import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ClientController, clientContext } from './client.js';

class TestProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: clientContext });
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

/** What a provider hands down: a client, of which the controller reads where it sends. */
const clientFor = (endpoint: string, department: string) =>
  ({ endpoint, department }) as unknown as KontaktClient;

describe('ClientController with a provider', () => {
  it('takes the client a provider hands down, and then its changes', async () => {
    const provider = await fixture<TestProvider>(
      html`<test-client-provider><test-client-consumer></test-client-consumer></test-client-provider>`,
    );
    const consumer = provider.querySelector('test-client-consumer') as TestConsumer;
    expect(consumer.clients.target).to.equal(undefined);

    const first = clientFor('https://kontakt.example.se', 'gata');
    provider.provider.setValue(first);
    await consumer.updateComplete;
    expect(consumer.clients.target?.client).to.equal(first);
    expect(consumer.clients.target?.department).to.equal('gata');

    const second = clientFor('https://kontakt.example.se', 'bygg');
    provider.provider.setValue(second);
    await consumer.updateComplete;
    expect(consumer.clients.target?.client).to.equal(second);
  });

  it('stops hearing of the provider once taken out of the page', async () => {
    const provider = await fixture<TestProvider>(
      html`<test-client-provider><test-client-consumer></test-client-consumer></test-client-provider>`,
    );
    const consumer = provider.querySelector('test-client-consumer') as TestConsumer;
    const first = clientFor('https://kontakt.example.se', 'gata');
    provider.provider.setValue(first);
    await consumer.updateComplete;
    consumer.remove();
    provider.provider.setValue(clientFor('https://kontakt.example.se', 'bygg'));
    expect(consumer.clients.target?.client).to.equal(first);
  });

  it('lets its own endpoint and department win over the provider', async () => {
    const provider = await fixture<TestProvider>(
      html`<test-client-provider><test-client-consumer></test-client-consumer></test-client-provider>`,
    );
    const consumer = provider.querySelector('test-client-consumer') as TestConsumer;
    provider.provider.setValue(clientFor('https://kontakt.example.se', 'gata'));
    consumer.endpoint = 'https://annan.example.se';
    consumer.department = 'bygg';
    expect(consumer.clients.target?.client).to.equal(undefined);
    expect(consumer.clients.target?.endpoint).to.equal('https://annan.example.se');
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

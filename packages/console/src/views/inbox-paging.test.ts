// The inbox a page at a time: the server's first page, then the next by its cursor, without
// losing or repeating a case; the count read out each time.
import { expect, waitUntil } from '@open-wc/testing';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  announces,
  cleanupConsoles,
  inView,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
} from '../test-support/console-fixture.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await stopServer(server);
});
afterEach(cleanupConsoles);

const references = (element: KcConsole) =>
  allInView(element, 'kc-inbox-view', 'tbody th a').map((link) => link.textContent ?? '');

describe('the inbox, page by page', () => {
  it('shows the first page, then the next one below it, each case once', async function () {
    this.timeout(60_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    // Calls registered by an agent: more than a page of them (the page is 50).
    const client = element.client;
    if (!client) throw new Error('no client');
    const registered: string[] = [];
    for (let call = 0; call < 55; call++) {
      const made = await client.cases.register({
        channel: 'phone',
        department: 'gata',
        topic: 'parkering',
        notes: `Samtal nummer ${call + 1} om boendeparkering.`,
      });
      registered.push(made.reference);
    }
    await cleanupConsoles();

    const inbox = await renderConsole(server);
    await signedIn(inbox, 'anna');
    await waitUntil(() => references(inbox).length === 50, 'not a full first page', {
      timeout: 10_000,
    });
    await waitUntil(() => announces(inbox, '50 ärenden visas.'));
    const more = inView<HTMLButtonElement>(inbox, 'kc-inbox-view', 'button.secondary');
    expect(more?.textContent?.trim()).to.equal('Visa fler');
    more?.click();
    await waitUntil(() => references(inbox).length === 55, 'the next page did not follow');
    await waitUntil(() => announces(inbox, '55 ärenden visas.'));
    expect(new Set(references(inbox))).to.deep.equal(new Set(registered));
    expect(references(inbox)[0]).to.equal(registered.at(-1));
    expect(inView(inbox, 'kc-inbox-view', 'button.secondary')).to.equal(null);
  });
});

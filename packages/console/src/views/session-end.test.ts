// A session that ends while the inbox is open is noticed without a click: the inbox stream,
// reconnecting, is refused, and the console asks the person to sign in again where they were.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  cleanupConsoles,
  heading,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
  submitCase,
} from '../test-support/console-fixture.js';

let server: TestServer;

before(async () => {
  server = await startServer();
  await submitCase(server);
});
after(async () => {
  await stopServer(server);
});
afterEach(cleanupConsoles);

describe('a session that ends, a server that is away', () => {
  it('shows the sign-in form with the reason, without anyone clicking', async function () {
    this.timeout(60_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await waitUntil(() => allInView(element, 'kc-inbox-view', 'tbody tr').length > 0);
    // Signed out elsewhere (another tab), then the connection drops (the server restarts).
    await element.client?.session.signOut();
    await executeServerCommand('kontakt-server-restart', { id: server.id });
    await waitUntil(() => heading(element) === 'Logga in', 'the ended session went unnoticed', {
      timeout: 30_000,
    });
    expect(element.shadowRoot?.querySelector('.reason')?.textContent).to.contain(
      'sessionen gick ut',
    );
  });

  it('says the server does not answer when it is down, and still offers the form', async function () {
    this.timeout(30_000);
    await stopServer(server);
    const element = await renderConsole(server);
    expect(heading(element)).to.equal('Logga in');
    expect(element.shadowRoot?.querySelector('.reason')?.textContent).to.equal(
      'Servern svarar inte. Kontrollera nätverket och försök igen.',
    );
    await expect(element).to.be.accessible();
  });
});

import { expect } from '@open-wc/testing';
import type { TestServer } from './kontakt-server.js';
import {
  publishNotice,
  startKontaktServer,
  stopKontaktServer,
  withdrawNotice,
} from './kontakt-server.js';

const text = (word: string) => ({
  sv: `${word} sv`,
  en: `${word} en`,
  fi: `${word} fi`,
  ar: `${word} ar`,
});

async function noticesOf(
  server: TestServer,
  department: string,
): Promise<{ id: string; severity: string }[]> {
  const response = await fetch(`${server.url}/v1/notices?department=${department}`);
  return ((await response.json()) as { notices: { id: string; severity: string }[] }).notices;
}

describe('test servers: notices through the admin API', () => {
  let server: TestServer;
  before(async () => {
    server = await startKontaktServer();
  });
  after(() => stopKontaktServer(server));

  it('publishes, changes and withdraws a notice that this page then reads', async () => {
    const notice = await publishNotice(server, {
      title: text('Vattenläcka'),
      text: text('Inget vatten'),
      severity: 'warning',
      departments: 'all',
    });
    expect((await noticesOf(server, 'gata')).map((n) => n.id)).to.deep.equal([notice.id]);
    await publishNotice(
      server,
      {
        title: text('Vattenläcka'),
        text: text('Inget vatten'),
        severity: 'danger',
        departments: 'all',
      },
      notice.id,
    );
    expect((await noticesOf(server, 'gata')).map((n) => n.severity)).to.deep.equal(['danger']);
    await withdrawNotice(server, notice.id);
    expect(await noticesOf(server, 'gata')).to.deep.equal([]);
  });
});

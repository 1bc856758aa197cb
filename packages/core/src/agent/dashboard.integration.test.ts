// client.dashboard and client.departments against the real reference server.
import type { TestServer } from '@kontakt/server/test-support';
import {
  startTestServer,
  TEST_PASSWORD,
  testAccounts,
  validSubmission,
} from '@kontakt/server/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { isKontaktError } from '../errors/KontaktError.js';
import { cookieFetch } from '../test-support/cookie-jar.js';
import { createAgentClient } from './client.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function signedIn(username: string) {
  server ??= await startTestServer({ accounts: await testAccounts() });
  const client = createAgentClient({ endpoint: server.url, fetch: cookieFetch() });
  await client.session.signIn({ username, password: TEST_PASSWORD });
  return { client, url: server.url };
}

const period = () => {
  const now = Date.now();
  return {
    from: new Date(now - 86_400_000).toISOString(),
    to: new Date(now + 86_400_000).toISOString(),
  };
};

describe('client.dashboard', () => {
  it('reads the dashboard and a table as CSV over the period', async () => {
    const { client, url } = await signedIn('anna');
    const sent = await fetch(`${url}/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://gata.example.se' },
      body: JSON.stringify(validSubmission()),
    });
    expect(sent.status).toBe(201);

    const dashboard = await client.dashboard.get(period());
    expect(dashboard.contacts).toBe(1);
    expect(dashboard.byDepartment.rows).toEqual([{ key: 'gata', contacts: 1, avoidable: 0 }]);
    const csv = await client.dashboard.csv({ ...period(), table: 'departments' });
    // As text: the byte order mark spreadsheets need belongs to the file, and decoding drops it.
    expect(csv).toBe('department,contacts,avoidable\r\ngata,1,0\r\n');
    expect(client.dashboard.exportUrl({ from: 'a', to: 'b', table: 'pages' })).toBe(
      `${url}/v1/agent/dashboard/export.csv?from=a&to=b&table=pages`,
    );
  });

  it("refuses a specialist with forbidden, and a period that ends first with the field's code", async () => {
    const { client: specialist } = await signedIn('sven');
    const refused = await specialist.dashboard.get(period()).catch((error: unknown) => error);
    expect(isKontaktError(refused) && refused.code).toBe('forbidden');

    const { client } = await signedIn('anna');
    const { from, to } = period();
    const invalid = await client.dashboard.get({ from: to, to: from }).catch((error) => error);
    expect(isKontaktError(invalid) && invalid.fieldErrors).toEqual([
      expect.objectContaining({ field: 'to', code: 'end_before_start' }),
    ]);
  });
});

describe('client.departments', () => {
  it('lists the departments, so the console can show names instead of ids', async () => {
    const { client } = await signedIn('anna');
    const departments = await client.departments.list();
    expect(departments.map((department) => department.id)).toEqual(['gata', 'skola']);
    expect(departments[0]?.name.sv).toBe('Fastighets- och gatukontoret');
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config.js';
import { storeUnderTest } from '../test-support/store.js';
import { verifyPassword } from './passwords.js';

const at = (path: string) => new URL(`../../../../${path}`, import.meta.url);

/** The demo accounts as the root README documents them: user name and password. */
const DOCUMENTED = [
  ['agent', 'demo-agent', 'agent', []],
  ['specialist', 'demo-specialist', 'specialist', ['gata']],
  ['admin', 'demo-admin', 'admin', []],
] as const;

// Checking three full-cost hashes once is enough (the file is the same for both stores).
describe.runIf(storeUnderTest === 'sqlite')('the demo accounts', () => {
  it('are in the demo configuration with the passwords the README gives', async () => {
    const config = await loadConfigFile(at('examples/demo/departments.json').pathname);
    const readme = await readFile(at('README.md'), 'utf8');
    expect(config.accounts).toHaveLength(DOCUMENTED.length);
    for (const [id, password, role, departments] of DOCUMENTED) {
      const account = config.accounts.find((candidate) => candidate.id === id);
      expect(account, id).toMatchObject({ role, departments });
      expect(await verifyPassword(password, account?.passwordHash ?? ''), id).toBe(true);
      expect(readme).toContain(`\`${id}\` / \`${password}\``);
    }
  });
});

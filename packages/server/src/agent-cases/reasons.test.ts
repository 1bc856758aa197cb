import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config-error.js';
import { signIn, startTestServer, testAccounts } from '../test-support/index.js';
import { DEFAULT_REASONS, parseReasons } from './reasons.js';

describe('reasons for contact', () => {
  it('default to the avoidable-demand list, avoidable ones first', () => {
    expect(DEFAULT_REASONS.map((reason) => reason.avoidable)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(parseReasons(DEFAULT_REASONS)).toEqual(DEFAULT_REASONS);
  });

  it('refuses a configured list with an id twice, naming the field', () => {
    const twice = [DEFAULT_REASONS[0], DEFAULT_REASONS[0]];
    expect(() => parseReasons(twice, 'kontakt.json')).toThrow(ConfigError);
  });

  it('are served from the configuration to signed-in staff', async () => {
    const reasons = [
      { id: 'parkeringstillstand', name: { sv: 'Parkeringstillstånd' }, avoidable: true },
    ];
    const server = await startTestServer({ accounts: await testAccounts(), reasons });
    try {
      const session = await signIn(server.url, 'anna');
      const response = await fetch(`${server.url}/v1/agent/reasons`, { headers: session.headers });
      expect(await response.json()).toEqual({ reasons });
    } finally {
      await server.close();
    }
  });
});

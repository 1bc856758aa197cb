import type { Department } from '@kontakt/core/schemas';
import { describe, expect, it } from 'vitest';
import { parseDepartments } from '../config.js';
import { ConfigError } from '../config-error.js';
import { gataFaults } from '../faults/fixtures.js';
import { gata } from '../test-support/index.js';
import { forwardSettingsOf, parseForwarding } from './settings.js';

const faults = (forward: unknown) => ({ categories: [{ id: 'gatubelysning', forward }] });
const path = ['departments', 0, 'faults'];

describe('a category’s forward setting', () => {
  it('reads the api key from the environment variable it names, with defaults filled in', () => {
    const result = parseForwarding(
      faults({
        url: 'https://drift.example.se/open311/v2/',
        apiKey: { env: 'GATA_KEY' },
        serviceCode: '017',
      }),
      path,
      { GATA_KEY: 'hemlig' },
    );
    expect('forwarding' in result && result.forwarding.get('gatubelysning')).toEqual({
      url: 'https://drift.example.se/open311/v2',
      apiKey: 'hemlig',
      serviceCode: '017',
      name: 'drift.example.se',
      pollIntervalSeconds: 300,
      timeoutSeconds: 15,
      retryDelaySeconds: 30,
      maxAttempts: 20,
    });
  });

  it('names each wrong field under the category, and an unset variable as required', () => {
    const unset = parseForwarding(
      faults({ url: 'https://drift.example.se', apiKey: { env: 'NOT_SET' }, serviceCode: 'x' }),
      path,
      {},
    );
    expect('errors' in unset && unset.errors.map((e) => `${e.field}: ${e.code}`)).toEqual([
      'departments.0.faults.categories.0.forward.apiKey.env: required',
    ]);
    const wrong = parseForwarding(
      faults({ url: 'ftp://drift', apiKey: 'k', serviceCode: '', pollIntervalSeconds: 0 }),
      path,
      {},
    );
    expect('errors' in wrong && wrong.errors.map((e) => e.field).sort()).toEqual([
      'departments.0.faults.categories.0.forward.pollIntervalSeconds',
      'departments.0.faults.categories.0.forward.serviceCode',
      'departments.0.faults.categories.0.forward.url',
    ]);
  });
});

describe('departments with a forwarding category', () => {
  const withForward = (forward: unknown) => [
    {
      ...gata,
      faults: {
        ...gataFaults,
        categories: gataFaults.categories.map((category) =>
          category.id === 'klotter' ? { ...category, forward } : category,
        ),
      },
    },
  ];

  it('keep it when parsed again (the file, then startServer), and never in the catalog', () => {
    const forward = { url: 'https://drift.example.se/o', apiKey: 'k', serviceCode: '9' };
    const [once] = parseDepartments(withForward(forward));
    const [twice] = parseDepartments([once]);
    expect(forwardSettingsOf(twice as Department, 'klotter')?.serviceCode).toBe('9');
    expect(forwardSettingsOf(twice as Department, 'gatubelysning')).toBeUndefined();
    expect(JSON.stringify(twice)).not.toContain('drift.example.se');
  });

  it('refuse to start with a bad one, naming the field', () => {
    const parse = () =>
      parseDepartments(withForward({ url: 'drift', apiKey: 'k' }), 'kontakt.json');
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/departments\.0\.faults\.categories\.2\.forward\.url: invalid_url/);
    expect(parse).toThrow(/departments\.0\.faults\.categories\.2\.forward\.serviceCode: required/);
  });
});

import { describe, expect, it } from 'vitest';
import { findApiKey } from '../api-keys.js';
import { loadConfigFile } from '../config.js';
import { ConfigError } from '../config-error.js';
import { parseOpen311Options } from './settings.js';

describe('the open311 section of the configuration', () => {
  it('registers the demo client, whose key the demo README names', async () => {
    const config = await loadConfigFile(
      new URL('../../../../examples/demo/departments.json', import.meta.url).pathname,
    );
    expect(config.open311?.clients.map((client) => client.id)).toEqual(['demo-open311-app']);
    expect(findApiKey(config.open311?.clients ?? [], 'demo-open311-key')).toBe('demo-open311-app');
  });

  it('defaults to no clients, and names every bad field under open311', () => {
    expect(parseOpen311Options(undefined)).toEqual({ clients: [] });
    const bad = () =>
      parseOpen311Options({
        clients: [
          { id: 'app', hash: 'sha256:00' },
          { id: 'app', hash: `sha256:${'0'.repeat(64)}` },
        ],
        publicUrl: 'ftp://x',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      expect((error as ConfigError).errors.map((e) => [e.field, e.code])).toEqual([
        ['open311.clients.0.hash', 'invalid_format'],
        ['open311.clients', 'duplicate'],
        ['open311.publicUrl', 'invalid_url'],
      ]);
    }
  });
});

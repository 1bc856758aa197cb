import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCliConfig, UsageError } from '../cli-settings.js';
import { loadConfigFile, parseCallback } from '../config.js';
import { ConfigError } from '../config-error.js';
import { gata } from '../test-support/departments.js';
import { CALLBACK_DEFAULTS } from './settings.js';

describe('the callback section', () => {
  it('fills in the defaults and keeps what is given', () => {
    expect(CALLBACK_DEFAULTS).toEqual({ slotMinutes: 30, callsPerSlot: 3, daysAhead: 5 });
    expect(parseCallback({ slotMinutes: 15 })).toEqual({ ...CALLBACK_DEFAULTS, slotMinutes: 15 });
  });

  it('names each bad field', () => {
    try {
      parseCallback({ slotMinutes: 2, callsPerSlot: 1.5, daysAhead: 'five' }, 'kontakt.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).errors.map((e) => `${e.field} ${e.code}`).sort()).toEqual([
        'callback.callsPerSlot invalid_type',
        'callback.daysAhead invalid_type',
        'callback.slotMinutes too_small',
      ]);
    }
  });

  it('is read from the configuration file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-callback-'));
    try {
      const path = join(dir, 'kontakt.json');
      await writeFile(path, JSON.stringify({ departments: [gata], callback: { callsPerSlot: 2 } }));
      expect((await loadConfigFile(path)).callback).toEqual({
        ...CALLBACK_DEFAULTS,
        callsPerSlot: 2,
      });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('is also read from flags and variables, a flag beating the variable', () => {
    const cli = readCliConfig(['--config', 'kontakt.json', '--callback-calls-per-slot', '4'], {
      KONTAKT_CALLBACK_CALLS_PER_SLOT: '2',
      KONTAKT_CALLBACK_SLOT_MINUTES: '15',
    });
    expect(cli?.options.callback).toEqual({ slotMinutes: 15, callsPerSlot: 4 });
    expect(cli?.sources.get('callback.callsPerSlot')).toBe('--callback-calls-per-slot');
    expect(() =>
      readCliConfig(['--config', 'kontakt.json'], { KONTAKT_CALLBACK_DAYS_AHEAD: 'fem' }),
    ).toThrow(new UsageError('KONTAKT_CALLBACK_DAYS_AHEAD needs a whole number, got fem'));
  });
});

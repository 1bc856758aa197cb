import { describe, expect, it } from 'vitest';
import { readCliConfig, UsageError } from '../cli-settings.js';
import { loadConfigFile, parseChat } from '../config.js';
import { ConfigError } from '../config-error.js';
import { parseServerOptions } from '../options.js';
import { CHAT_DEFAULTS, callbackOffered } from './settings.js';

describe('the chat settings', () => {
  it('default to one queue for the contact center', () => {
    expect(parseServerOptions({ dataDir: '.' }).chat).toEqual(CHAT_DEFAULTS);
    expect(CHAT_DEFAULTS).toMatchObject({
      queue: 'contact-center',
      maxChatsPerAgent: 3,
      offerTimeoutSeconds: 30,
      maxWaitMinutes: 20,
      leftAfterSeconds: 120,
      citizenAwayAfterSeconds: 40,
    });
  });

  it('are read from the environment and flags', () => {
    const cli = readCliConfig(['--config', 'kontakt.json', '--chat-offer-timeout', '45'], {
      KONTAKT_CHAT_QUEUE: 'department',
      KONTAKT_CHAT_MAX_PER_AGENT: '5',
      KONTAKT_CHAT_MAX_WAIT: '10',
      KONTAKT_CHAT_LEFT_AFTER: '300',
      KONTAKT_CHAT_CITIZEN_AWAY_AFTER: '90',
    });
    expect(cli?.options.chat).toEqual({
      queue: 'department',
      maxChatsPerAgent: 5,
      offerTimeoutSeconds: 45,
      maxWaitMinutes: 10,
      leftAfterSeconds: 300,
      citizenAwayAfterSeconds: 90,
    });
    expect(
      readCliConfig(['--config', 'k.json', '--chat-left-after', '60'], {})?.options.chat,
    ).toEqual({ leftAfterSeconds: 60 });
    expect(
      readCliConfig(['--config', 'k.json', '--chat-citizen-away-after', '20'], {})?.options.chat,
    ).toEqual({ citizenAwayAfterSeconds: 20 });
  });

  it('refuse a queue that is not one, naming where it came from', () => {
    expect(() =>
      readCliConfig(['--config', 'kontakt.json'], { KONTAKT_CHAT_QUEUE: 'per-agent' }),
    ).toThrow(
      new UsageError('KONTAKT_CHAT_QUEUE needs contact-center or department, got per-agent'),
    );
  });

  it('refuse a bad field of the configuration file’s chat section by its name', () => {
    try {
      parseChat({ maxChatsPerAgent: 0 }, 'kontakt.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).errors.map((e) => e.field)).toEqual(['chat.maxChatsPerAgent']);
    }
  });

  it('refuse a citizen away time shorter than a citizen is written (every 10 s, twice)', () => {
    expect(() => parseChat({ citizenAwayAfterSeconds: 19 }, 'kontakt.json')).toThrow(ConfigError);
    expect(
      parseServerOptions({ dataDir: '.', chat: { citizenAwayAfterSeconds: 20 } }).chat,
    ).toMatchObject({ citizenAwayAfterSeconds: 20 });
  });

  it('switch call-back off for the contact center, and on or off per department', () => {
    const chat = parseChat({ callback: false, departments: { skola: { callback: true } } });
    const settings = parseServerOptions({ dataDir: '.', chat }).chat;
    expect(callbackOffered(settings, 'gata')).toBe(false);
    expect(callbackOffered(settings, 'skola')).toBe(true);
    expect(callbackOffered(CHAT_DEFAULTS, 'gata')).toBe(true);
    try {
      parseChat({ departments: { gata: { callback: 'no' } } }, 'kontakt.json');
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).errors.map((e) => e.field)).toEqual([
        'chat.departments.gata.callback',
      ]);
    }
  });

  it('are in the demo: the contact center chats weekdays 08–17, Swedish time', async () => {
    const config = await loadConfigFile(
      new URL('../../../../examples/demo/departments.json', import.meta.url).pathname,
    );
    const options = parseServerOptions({
      dataDir: '.',
      ...(config.chat ? { chat: config.chat } : {}),
    });
    expect(options.chat.queue).toBe('contact-center');
    expect(options.chat.openingHours).toMatchObject({
      timeZone: 'Europe/Stockholm',
      weekly: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }],
      closedOnPublicHolidays: true,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { parseServerOptions, SERVER_DEFAULTS } from './options.js';
import { TEST_LETTERHEAD } from './test-support/departments.js';

const errorsOf = (options: Parameters<typeof parseServerOptions>[0]) => {
  try {
    parseServerOptions(options);
  } catch (error) {
    if (error instanceof ConfigError) return error.errors.map((e) => `${e.field}: ${e.code}`);
    throw error;
  }
  return [];
};

describe('server options', () => {
  it('fills in every default once', () => {
    const options = parseServerOptions({ dataDir: './data' });
    expect(options).toMatchObject({
      port: SERVER_DEFAULTS.port,
      host: '127.0.0.1',
      bodyLimit: 64 * 1024,
      rateLimit: { windowMs: 60_000, max: 60, reads: { windowMs: 60_000, max: 600 } },
      logLevel: 'info',
      allowedOrigins: [],
      serve: [],
      adminApiKeys: [],
    });
    expect(options.instanceId).toMatch(/-[0-9a-f]{6}$/);
    expect(options.now()).toBeInstanceOf(Date);
    // Without a trust setting, X-Forwarded-For is not believed.
    expect(options.resolveClient('::ffff:203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('keeps the read limit by default when only the POST limit is given, and off with false', () => {
    expect(
      parseServerOptions({ dataDir: '.', rateLimit: { windowMs: 1000, max: 1 } }).rateLimit,
    ).toEqual({ windowMs: 1000, max: 1, reads: { windowMs: 60_000, max: 600 } });
    const off = { windowMs: 1000, max: 1, reads: false as const };
    expect(parseServerOptions({ dataDir: '.', rateLimit: off }).rateLimit.reads).toBe(false);
  });

  it('compiles the trust-proxy setting into the client resolver', () => {
    const { resolveClient } = parseServerOptions({ dataDir: '.', trustProxy: ['uniquelocal'] });
    expect(resolveClient('10.0.0.2', '198.51.100.1, 10.0.0.1')).toBe('198.51.100.1');
    expect(
      parseServerOptions({ dataDir: '.', trustProxy: 1 }).resolveClient('10.0.0.2', '198.51.100.1'),
    ).toBe('198.51.100.1');
  });

  it('names each trust-proxy setting that is not hops or addresses', () => {
    expect(errorsOf({ dataDir: '.', trustProxy: -1 })).toEqual(['trustProxy: invalid_format']);
    expect(errorsOf({ dataDir: '.', trustProxy: 1.5 })).toHaveLength(1);
    const list = ['10.0.0.1', '10.0.0.0/33', 'proxy.example', '1.2.3.4:80', 'constructor'];
    expect(errorsOf({ dataDir: '.', trustProxy: list })).toEqual([
      'trustProxy.1: invalid_format',
      'trustProxy.2: invalid_format',
      'trustProxy.3: invalid_format',
      'trustProxy.4: invalid_format',
    ]);
  });

  it('refuses a static mount whose path does not start with a slash', () => {
    expect(errorsOf({ dataDir: '.', serve: [{ path: 'demo', dir: '.' }] })).toEqual([
      'serve.0.path: invalid_format',
    ]);
  });

  it('keeps a letterhead checked, its postcode as the post writes it; none without one', () => {
    expect(parseServerOptions({ dataDir: '.' }).letterhead).toBeUndefined();
    expect(
      parseServerOptions({ dataDir: '.', letterhead: TEST_LETTERHEAD }).letterhead?.postalAddress,
    ).toEqual({ street: 'Box 8100', postalCode: '205 80', city: 'Malmö' });
  });

  it('names each bad field of a letterhead', () => {
    expect(
      errorsOf({
        dataDir: '.',
        letterhead: {
          // @ts-expect-error: a letterhead's sender needs Swedish
          sender: { en: 'City of Malmö, Contact Centre' },
          postalAddress: { street: ' ', postalCode: '2058', city: 'Malmö' },
          phone: '0'.repeat(41),
          email: 'kontaktcenter',
          web: 'http://malmo.se',
        },
      }),
    ).toEqual([
      'letterhead.sender.sv: required',
      'letterhead.postalAddress.street: required',
      'letterhead.postalAddress.postalCode: invalid_postal_code',
      'letterhead.phone: too_long',
      'letterhead.email: invalid_email',
      'letterhead.web: invalid_url',
    ]);
  });
});

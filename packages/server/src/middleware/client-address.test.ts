import { describe, expect, it } from 'vitest';
import {
  anonymizeAddress,
  compileTrustProxy,
  isProxyEntry,
  normalizeAddress,
  rateLimitKey,
} from './client-address.js';

const resolverFor = compileTrustProxy;

describe('client address', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    const resolve = resolverFor(undefined);
    expect(resolve('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(resolve('::ffff:203.0.113.9', undefined)).toBe('203.0.113.9');
  });

  it('takes the address that many hops from the right with a hop count', () => {
    const one = resolverFor(1);
    expect(one('10.0.0.2', '198.51.100.1')).toBe('198.51.100.1');
    // Whatever the client put in front of the proxy's entry is not believed.
    expect(one('10.0.0.2', '6.6.6.6, 198.51.100.1')).toBe('198.51.100.1');
    expect(one('10.0.0.2', undefined)).toBe('10.0.0.2');

    const two = resolverFor(2);
    expect(two('10.0.0.2', '6.6.6.6, 198.51.100.1, 10.0.0.1')).toBe('198.51.100.1');
    // Fewer entries than hops: the farthest one a proxy wrote.
    expect(two('10.0.0.2', '198.51.100.1')).toBe('198.51.100.1');
    expect(resolverFor(0)('10.0.0.2', '198.51.100.1')).toBe('10.0.0.2');
  });

  it('skips trusted proxies from the right with a list of addresses and ranges', () => {
    const resolve = resolverFor(['10.0.0.0/8', '192.0.2.7', '2001:db8::/32']);
    expect(resolve('10.1.2.3', '198.51.100.1, 192.0.2.7')).toBe('198.51.100.1');
    expect(resolve('10.1.2.3', '6.6.6.6, 198.51.100.1, 10.9.9.9')).toBe('198.51.100.1');
    expect(resolve('2001:db8::1', '[2001:db8:ffff::9]:443, 198.51.100.1')).toBe('198.51.100.1');
    // A request that did not come through a trusted proxy cannot speak for anyone else.
    expect(resolve('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    // Only proxies: the farthest of them.
    expect(resolve('10.1.2.3', '10.0.0.1')).toBe('10.0.0.1');
  });

  it('knows the names loopback, linklocal and uniquelocal', () => {
    const resolve = resolverFor(['loopback', 'uniquelocal']);
    expect(resolve('127.0.0.1', '198.51.100.1, 172.20.0.5')).toBe('198.51.100.1');
    expect(resolve('::1', '198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('::ffff:192.168.1.1', '198.51.100.1')).toBe('198.51.100.1');
  });

  it('stops at an entry that is not an address', () => {
    expect(resolverFor(2)('10.0.0.2', 'nonsense, 10.0.0.1')).toBe('10.0.0.1');
    expect(resolverFor(['10.0.0.0/8'])('10.0.0.2', 'unknown, 10.0.0.1')).toBe('10.0.0.1');
  });

  it('knows which entries a trust list can hold', () => {
    const entries = ['10.0.0.1', '2001:db8::/32', 'loopback', '10.0.0.0/33', 'proxy.example'];
    expect(entries.map(isProxyEntry)).toEqual([true, true, true, false, false]);
    expect(['1.2.3.4:80', '[::1]', 'constructor', ''].some(isProxyEntry)).toBe(false);
  });

  it('refuses to compile a setting that was not checked', () => {
    expect(() => compileTrustProxy(-1)).toThrow(RangeError);
    expect(() => compileTrustProxy(1.5)).toThrow(RangeError);
    expect(() => compileTrustProxy(['proxy.example'])).toThrow(RangeError);
  });
});

describe('normalizeAddress', () => {
  it('drops ports and brackets and unmaps IPv4', () => {
    expect(normalizeAddress(' 203.0.113.7:4711 ')).toBe('203.0.113.7');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(normalizeAddress('example.se')).toBeUndefined();
    expect(normalizeAddress('')).toBeUndefined();
  });
});

describe('rateLimitKey', () => {
  it('counts IPv4 per address and IPv6 per /64 network', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('anonymizeAddress', () => {
  it('zeroes the host part (IPv4 /24, IPv6 /48)', () => {
    expect(anonymizeAddress('203.0.113.7')).toBe('203.0.113.0');
    expect(anonymizeAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1::');
    expect(anonymizeAddress('64:ff9b::198.51.100.7')).toBe('64:ff9b:0::');
    expect(anonymizeAddress('unknown')).toBe('unknown');
  });
});

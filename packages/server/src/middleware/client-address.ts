import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * Which reverse proxies in front of the server may be believed about the client's address:
 * a number of proxy hops, or the proxies' addresses (exact IPs, CIDR ranges such as
 * `10.0.0.0/8`, or the names `loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxy = number | readonly string[];

/** Address ranges that can be named in a trust list instead of spelled out. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Says for a socket address and an `X-Forwarded-For` value who the client is. */
export type ClientResolver = (socketAddress: string, forwardedFor: string | undefined) => string;

/**
 * Is `entry` something a trust list can hold: an IP address, a CIDR range or one of the names
 * `loopback`, `linklocal`, `uniquelocal` (the server options' schema checks every entry with it).
 */
export function isProxyEntry(entry: string): boolean {
  return rangesOf(entry).every((range) => addToList(new BlockList(), range));
}

/**
 * Builds the client-address resolver for a `trustProxy` setting, once, at start. The setting is
 * checked before (`isProxyEntry`, the server options' schema); one that slipped through throws.
 *
 * Without a setting `X-Forwarded-For` is ignored: anyone can send it, so believing it would let
 * every request pick its own rate-limit bucket.
 */
export function compileTrustProxy(trust: TrustProxy | undefined): ClientResolver {
  if (trust === undefined) return (socket) => normalizeAddress(socket) ?? socket;
  if (typeof trust === 'number') {
    if (!Number.isSafeInteger(trust) || trust < 0) {
      throw new RangeError(`trustProxy must be a number of hops (0 or more), got ${trust}`);
    }
    return (socket, header) => byHops(trust, socket, header);
  }
  const list = new BlockList();
  for (const entry of trust) {
    for (const range of rangesOf(entry)) {
      if (!addToList(list, range)) throw new RangeError(`trustProxy: not an address: ${entry}`);
    }
  }
  const trusted = (address: string) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return (socket, header) => byList(trusted, socket, header);
}

/** The ranges a trust-list entry stands for: a name's, or the entry itself. */
const rangesOf = (entry: string): string[] =>
  (Object.hasOwn(NAMED_RANGES, entry) && NAMED_RANGES[entry]) || [entry];

/**
 * Puts the client's address on the context as `clientAddress`, for the rate limit and the
 * request log.
 */
export function clientAddress(resolve: ClientResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientAddress', resolve(socketAddress(c), c.req.header('X-Forwarded-For')));
    await next();
  };
}

/** The address of the connected peer (the socket's, not a header anyone can set). */
export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * `hops` proxies are in front: the client is the address that many hops from the socket, counting
 * `X-Forwarded-For` from the right. Each proxy appends the address it saw, so the entries to the
 * left of those are whatever the client claimed and are never used.
 */
function byHops(hops: number, socket: string, header: string | undefined): string {
  const chain = forwardedChain(header);
  let client = normalizeAddress(socket) ?? socket;
  for (let hop = 0; hop < hops; hop++) {
    const next = chain[hop];
    // Fewer entries than hops, or garbage: the last address a trusted proxy vouched for.
    if (next === undefined) break;
    client = next;
  }
  return client;
}

/** Walks from the socket leftwards through `X-Forwarded-For` while the address is a trusted proxy. */
function byList(
  trusted: (address: string) => boolean,
  socket: string,
  header: string | undefined,
): string {
  let client = normalizeAddress(socket);
  if (client === undefined) return socket;
  for (const next of forwardedChain(header)) {
    if (!trusted(client)) break;
    client = next;
  }
  return client;
}

/**
 * `X-Forwarded-For` entries from right to left, normalised, up to the first entry that is not an
 * address (nothing left of something unreadable can be placed).
 */
function forwardedChain(header: string | undefined): string[] {
  if (header === undefined) return [];
  const chain: string[] = [];
  const entries = header.split(',');
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = normalizeAddress(entries[i] ?? '');
    if (address === undefined) break;
    chain.push(address);
  }
  return chain;
}

/**
 * An IP address in one spelling: ports and brackets dropped (`203.0.113.7:4711`, `[2001:db8::1]:443`),
 * IPv4-mapped IPv6 (`::ffff:203.0.113.7`, what a dual-stack socket reports) as plain IPv4, IPv6 in
 * lower case. `undefined` when it is not an address.
 */
export function normalizeAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed?.[1] !== undefined) address = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) address = mapped[1];
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return address.toLowerCase();
  return undefined;
}

/**
 * The bucket a client is counted in: its IPv4 address, or for IPv6 its /64 network (one home or
 * one server usually gets a whole /64, so counting single addresses would let it walk around the
 * limit).
 */
export function rateLimitKey(address: string): string {
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/**
 * The client's address with the host part zeroed (IPv4 /24, IPv6 /48), as log lines carry it: an
 * IP address is personal data, a network is enough to see where load comes from.
 */
export function anonymizeAddress(address: string): string {
  if (isIP(address) === 4) return address.replace(/\.\d+$/, '.0');
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 3).join(':')}::` : 'unknown';
}

/** The eight 16-bit groups of an IPv6 address, in hex without leading zeros. */
function ipv6Groups(address: string): string[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.replace(/%.*$/, '').toLowerCase();
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}

function addToList(list: BlockList, range: string): boolean {
  const [base = '', prefix, ...rest] = range.trim().split('/');
  // Only plain addresses here: no ports, no brackets.
  const address = isIP(base) === 0 ? undefined : normalizeAddress(base);
  if (address === undefined || rest.length > 0) return false;
  const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (type === 'ipv6' ? 128 : 32)) return false;
  list.addSubnet(address, bits, type);
  return true;
}

import { describe, expect, it } from 'vitest';
import { createTransactionSealer, createUsedStates } from './transaction.js';

const transaction = {
  state: 'state',
  nonce: 'nonce',
  verifier: 'verifier',
  returnTo: '/console/',
  redirectUri: 'https://kontakt.example.se/v1/agent/oidc/callback',
  expiresAt: 1_800_000_000_000,
};

describe('the transaction cookie', () => {
  it('opens what it sealed, and hides the PKCE verifier', () => {
    const sealer = createTransactionSealer('client-secret');
    const sealed = sealer.seal(transaction);
    expect(sealed).not.toContain('verifier');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier');
    expect(sealer.open(sealed)).toEqual(transaction);
  });

  it('opens across instances with the same secret, not with another', () => {
    const sealed = createTransactionSealer('client-secret').seal(transaction);
    expect(createTransactionSealer('client-secret').open(sealed)).toEqual(transaction);
    expect(createTransactionSealer('another-secret').open(sealed)).toBeUndefined();
  });

  it('refuses a value changed by one bit, and garbage', () => {
    const sealer = createTransactionSealer(undefined);
    const bytes = Buffer.from(sealer.seal(transaction), 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(sealer.open(bytes.toString('base64url'))).toBeUndefined();
    expect(sealer.open('not-a-transaction')).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
  });
});

describe('used states', () => {
  it('lets a state through once, and forgets it when it has expired', () => {
    let now = 1000;
    const used = createUsedStates(() => new Date(now));
    expect(used.claim('a', 2000)).toBe(true);
    expect(used.claim('a', 2000)).toBe(false);
    now = 2000;
    expect(used.claim('a', 3000)).toBe(true);
  });
});

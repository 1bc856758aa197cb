import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyDummyPassword, verifyPassword } from './passwords.js';

const CHEAP = { ln: 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('name their parameters and a fresh salt, and verify only the right password', async () => {
    const first = await hashPassword('korrekt häst', CHEAP);
    const second = await hashPassword('korrekt häst', CHEAP);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword('korrekt häst', first)).toBe(true);
    expect(await verifyPassword('korrekt hast', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('use OWASP-level parameters by default', async () => {
    const hash = await hashPassword('lösen');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    expect(await verifyPassword('lösen', hash)).toBe(true);
  });

  it('verify hashes made with other parameters, so the defaults can be raised later', async () => {
    const old = await hashPassword('lösen', { ln: 11, r: 8, p: 2 });
    expect(await verifyPassword('lösen', old)).toBe(true);
  });

  it('treat a composed and a decomposed å as the same password', async () => {
    const hash = await hashPassword('Rå\u0308g', CHEAP);
    expect(await verifyPassword('R\u00e5\u0308g'.normalize('NFD'), hash)).toBe(true);
  });

  it('refuse malformed hashes and parameters that would take the server down', async () => {
    const good = await hashPassword('x', CHEAP);
    expect(isPasswordHash(good)).toBe(true);
    for (const bad of [
      'hunter2',
      'sha256:abc',
      good.replace('ln=10', 'ln=25'),
      good.replace('p=1', 'p=99'),
      good.replace('$scrypt$', '$argon2id$'),
      good.slice(0, -10),
    ]) {
      expect(isPasswordHash(bad), bad).toBe(false);
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('spend the time of a real check on an unknown account, and say no', async () => {
    const like = await hashPassword('x', CHEAP);
    expect(await verifyDummyPassword('x', like)).toBe(false);
    expect(await verifyDummyPassword('not the password of any account', like)).toBe(false);
  });
});

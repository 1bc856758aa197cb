/**
 * Demo-like local accounts for tests (an agent, a specialist of `skola`, an admin), and a way to
 * sign in over real HTTP. Their hashes use cheap scrypt parameters, so tests do not spend a third
 * of a second per account; the format and the check are the real ones.
 */
import type { AccountConfigInput } from '../auth/accounts.js';
import { hashPassword } from '../auth/passwords.js';

/** The password of every test account. */
export const TEST_PASSWORD = 'korrekt häst batteri häftklammer';

const CHEAP = { ln: 10, r: 8, p: 1 };

let accounts: Promise<AccountConfigInput[]> | undefined;

/** `agent` (Anna), `specialist` (Sven, of `skola`) and `admin` (Alva), all with `TEST_PASSWORD`. */
export function testAccounts(): Promise<AccountConfigInput[]> {
  accounts ??= (async () => {
    const passwordHash = await hashPassword(TEST_PASSWORD, CHEAP);
    return [
      {
        id: 'anna',
        name: 'Anna Agent',
        email: 'anna@kommun.example.se',
        role: 'agent',
        passwordHash,
      },
      {
        id: 'sven',
        name: 'Sven Specialist',
        email: 'sven@kommun.example.se',
        role: 'specialist',
        departments: ['skola'],
        passwordHash,
      },
      {
        id: 'alva',
        name: 'Alva Admin',
        email: 'alva@kommun.example.se',
        role: 'admin',
        passwordHash,
      },
    ];
  })();
  return accounts;
}

/** A signed-in session as a test holds it: the cookie to send and the CSRF token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Headers for a request in this session (the CSRF token included; harmless on reads). */
  headers: Record<string, string>;
}

/** Signs in over HTTP as `username` (with `TEST_PASSWORD` unless given). */
export async function signIn(
  url: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<TestSession> {
  const response = await fetch(`${url}/v1/agent/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`Sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  }
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } };
}

/**
 * A real SMTP server on a loopback port for the mail tests (`smtp-server`), which keeps what
 * arrived, parsed with `mailparser`, and answers as a test tells it: accept, a temporary 4xx,
 * or a permanent 5xx.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import type { SMTPServerOptions } from 'smtp-server';
import { SMTPServer } from 'smtp-server';

/** How the peer answers the next message's recipient: 250, or an error with this code. */
export type PeerAnswer = 'accept' | { code: number; text: string };

export interface ReceivedMail {
  /** The envelope's recipients, as the client sent them in `RCPT TO`. */
  readonly recipients: string[];
  /** Whether the connection was TLS (after STARTTLS) when the mail came. */
  readonly secure: boolean;
  /** The user the client signed in as, if it did. */
  readonly user: string | undefined;
  readonly parsed: ParsedMail;
  /** The message as it came over the wire. */
  readonly raw: string;
}

export interface SmtpPeer {
  readonly host: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Answers for the next messages, in order; once used up, every message is accepted. */
  answer(...answers: PeerAnswer[]): void;
  /** How many messages were answered with an error so far. */
  readonly refused: number;
  /** Resolves once `count` messages have arrived in all. */
  waitFor(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A certificate for `localhost` and `127.0.0.1` (valid to 2126; a test key, nothing else). */
export const LOCALHOST_CERT = readFileSync(
  new URL('./localhost.cert.pem', import.meta.url),
  'utf8',
);
const LOCALHOST_KEY = readFileSync(new URL('./localhost.key.pem', import.meta.url), 'utf8');

export interface SmtpPeerOptions {
  /** Offer STARTTLS with `LOCALHOST_CERT` (default: no TLS at all). */
  starttls?: boolean;
  /** Require this user and password (default: anyone may send). */
  auth?: { user: string; password: string };
}

export async function startSmtpPeer(peerOptions: SmtpPeerOptions = {}): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const answers: PeerAnswer[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  let refused = 0;
  const { starttls = false, auth } = peerOptions;
  const options: Partial<SMTPServerOptions> = starttls
    ? { key: LOCALHOST_KEY, cert: LOCALHOST_CERT }
    : { disabledCommands: ['STARTTLS'], allowInsecureAuth: true };
  const server = new SMTPServer({
    authOptional: !auth,
    logger: false,
    ...options,
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.user && login.password === auth.password) {
        return callback(null, { user: login.username });
      }
      callback(Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      const next = answers.shift() ?? 'accept';
      if (next === 'accept') return callback();
      refused++;
      callback(Object.assign(new Error(next.text), { responseCode: next.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        received.push({
          recipients: session.envelope.rcptTo.map((to) => to.address),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
          parsed,
          raw,
        });
        for (const waiter of waiting.filter((w) => received.length >= w.count)) waiter.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    received,
    answer: (...next) => answers.push(...next),
    get refused() {
      return refused;
    },
    waitFor(count) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve) => waiting.push({ count, resolve: () => resolve(received) }));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { createMailSender } from './sender.js';
import type { MailOptions } from './settings.js';
import { DEFAULT_FROM } from './settings.js';
import type { MailTransport } from './transport.js';
import { emlDirectoryTransport, smtpTransport } from './transport.js';

/** What `startServer` needs to run this instance's mail sender. */
export interface StartMailOptions {
  mail: MailOptions | undefined;
  store: Store;
  logger: Logger;
  instanceId: string;
  now: () => Date;
}

/**
 * Starts the sender of queued mail, if mail has somewhere to go; logs where (never the user or
 * password), or that it waits. Resolves `close` once the attempt under way has ended.
 */
export function startMail({ mail, store, logger, instanceId, now }: StartMailOptions): {
  close(): Promise<void>;
} {
  const transport = transportOf(mail);
  if (!transport) {
    logger.warn(
      'mail is not set up (--smtp-host or --mail-dir): replies by e-mail stay queued, shown as not sent',
    );
    return { close: async () => {} };
  }
  const from = mail?.from ?? DEFAULT_FROM;
  logger.info({ mail: transport.description }, `mail goes to ${transport.description}`);
  const sender = createMailSender({
    store,
    transport,
    from,
    logger: logger.child({ component: 'mail' }),
    owner: instanceId,
    now,
    ...mail?.timings,
  });
  sender.start();
  return { close: () => sender.close() };
}

function transportOf(mail: MailOptions | undefined): MailTransport | undefined {
  if (mail?.smtp) return smtpTransport(mail.smtp);
  if (mail?.directory !== undefined) return emlDirectoryTransport(mail.directory);
  return undefined;
}

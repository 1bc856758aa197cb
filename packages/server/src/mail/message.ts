import type { ClaimedMail } from './outbox.js';

/** The From of every mail: an address and, usually, a name (`Kontaktcenter`). */
export interface MailAddress {
  readonly address: string;
  readonly name?: string | undefined;
}

/** What a transport sends: nodemailer's message fields that we use, plain text only. */
export interface MailMessage {
  readonly from: MailAddress;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** `<…@domain>`, from the mail's id: sending one mail twice (after a crash) repeats its id. */
  readonly messageId: string;
  readonly date: Date;
  /** The case's thread id, so a mail client groups every mail of one case. */
  readonly inReplyTo: string;
  readonly references: string[];
}

/**
 * The message of a claimed mail. Ids are made under the From address's domain (RFC 5322's
 * msg-id); the thread id is the same for every mail of a case, so clients thread them, and a
 * citizen's answer carries it back in its own `References`.
 */
export function toMessage(mail: ClaimedMail, from: MailAddress, date: Date): MailMessage {
  const domain = domainOf(from.address);
  const thread = `<case.${idPart(mail.caseReference)}@${domain}>`;
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: `<${idPart(mail.id)}@${domain}>`,
    date,
    inReplyTo: thread,
    references: [thread],
  };
}

/** The domain of an address, or `localhost` when it has none (a local test address). */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1);
  return idPart(domain) || 'localhost';
}

/** Only what a msg-id's dot-atom allows (references and UUIDs already are). */
const idPart = (text: string) => text.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '-');

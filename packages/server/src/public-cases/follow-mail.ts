import type { CaseStatus } from '@kontakt/core/schemas';
import { caseStatusWords } from '@kontakt/core/schemas';

/*
 * The mail a follower (or a fault report's sender) gets when the status they see changes: plain
 * text in their language, the status in the citizen's words (`caseStatusWords`, as the tracker
 * shows it), the public note when there is one, and the reference.
 */

const SUBJECT: Record<string, (reference: string, label: string) => string> = {
  sv: (reference, label) => `Ärende ${reference}: ${label}`,
  en: (reference, label) => `Case ${reference}: ${label}`,
  fi: (reference, label) => `Asia ${reference}: ${label}`,
  ar: (reference, label) => `القضية ${reference}: ${label}`,
};

const FOOTER: Record<string, (reference: string) => string> = {
  sv: (reference) => `Du får det här meddelandet eftersom du följer ärende ${reference}.`,
  en: (reference) => `You get this message because you follow case ${reference}.`,
  fi: (reference) => `Saat tämän viestin, koska seuraat asiaa ${reference}.`,
  ar: (reference) => `تتلقى هذه الرسالة لأنك تتابع القضية ${reference}.`,
};

const pick = <T>(table: Record<string, T>, locale: string): T => (table[locale] ?? table.sv) as T;

/** The subject and body of a status mail for `reference` in `locale` (Swedish when unknown). */
export function statusMail(
  reference: string,
  status: CaseStatus,
  locale: string,
  note?: string | null,
): { subject: string; text: string } {
  const words = caseStatusWords(status, locale);
  const body = [words.meaning, ...(note ? [note] : [])].join('\n\n');
  return {
    subject: pick(SUBJECT, locale)(reference, words.label),
    text: `${body}\n\n-- \n${pick(FOOTER, locale)(reference)}\n`,
  };
}

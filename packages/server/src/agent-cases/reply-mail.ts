/*
 * The e-mail a reply becomes: plain text, in the language the citizen asked to be answered in,
 * with the case reference in the subject (so an answer back names its case) and at the end.
 */

const SUBJECT: Record<string, (reference: string) => string> = {
  sv: (reference) => `Svar på ditt ärende ${reference}`,
  en: (reference) => `Reply to your case ${reference}`,
  fi: (reference) => `Vastaus asiaasi ${reference}`,
  ar: (reference) => `رد على قضيتك ${reference}`,
};

const FOOTER: Record<string, (reference: string) => string> = {
  sv: (reference) => `Ärende: ${reference}\nSvara gärna på det här meddelandet om du har frågor.`,
  en: (reference) =>
    `Case: ${reference}\nYou are welcome to reply to this message if you have questions.`,
  fi: (reference) => `Asia: ${reference}\nVoit vastata tähän viestiin, jos sinulla on kysyttävää.`,
  ar: (reference) => `القضية: ${reference}\nيمكنك الرد على هذه الرسالة إذا كانت لديك أسئلة.`,
};

/** The subject line: the reference in the citizen's language (Swedish when unknown). */
export function replySubject(reference: string, language = 'sv'): string {
  return (SUBJECT[language] ?? (SUBJECT.sv as (reference: string) => string))(reference);
}

/** The body: the agent's text as written (verbatim, plain text), then the reference. */
export function replyText(reference: string, text: string, language = 'sv'): string {
  const footer = (FOOTER[language] ?? (FOOTER.sv as (reference: string) => string))(reference);
  return `${text}\n\n-- \n${footer}\n`;
}

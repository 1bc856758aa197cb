import type { ChatSystemKind, Locale } from '@kontakt/core/schemas';
import type { MessageRow, SessionRow } from './views.js';
import { firstName } from './views.js';

/*
 * The transcript mail a citizen asks for: plain text in the session's language, each line the
 * time (in Swedish time), who wrote and what. The server's system lines are worded here too.
 */

interface TranscriptTexts {
  subject(reference: string): string;
  intro(reference: string): string;
  you: string;
  contactCenter: string;
  system: Record<ChatSystemKind, string>;
  footer: string;
}

const TEXTS: Record<Locale, TranscriptTexts> = {
  sv: {
    subject: (reference) => `Din chatt med kontaktcenter (${reference})`,
    intro: (reference) =>
      `Här är din chatt med kommunens kontaktcenter. Den är sparad som ärende ${reference}.`,
    you: 'Du',
    contactCenter: 'Kontaktcenter',
    system: {
      queued: 'Du står i kö.',
      agent_joined: 'En kommunvägledare anslöt.',
      handed_over: 'Chatten lämnades över till en kollega.',
      agent_left: 'Kommunvägledaren lämnade chatten.',
      ended_by_citizen: 'Du avslutade chatten.',
      ended_by_agent: 'Kommunvägledaren avslutade chatten.',
      ended_unanswered: 'Ingen hann svara; vi återkommer.',
      ended_citizen_left: 'Du lämnade kön; chatten avslutades. Vi återkommer.',
    },
    footer: 'Det du skriver till kommunen kan bli en allmän handling.',
  },
  en: {
    subject: (reference) => `Your chat with the contact center (${reference})`,
    intro: (reference) =>
      `Here is your chat with the municipality's contact center. It is kept as case ${reference}.`,
    you: 'You',
    contactCenter: 'Contact center',
    system: {
      queued: 'You are in the queue.',
      agent_joined: 'An advisor joined.',
      handed_over: 'The chat was handed over to a colleague.',
      agent_left: 'The advisor left the chat.',
      ended_by_citizen: 'You ended the chat.',
      ended_by_agent: 'The advisor ended the chat.',
      ended_unanswered: 'No one could answer in time; we will get back to you.',
      ended_citizen_left: 'You left the queue; the chat ended. We will get back to you.',
    },
    footer: 'What you write to the municipality may become a public record.',
  },
  fi: {
    subject: (reference) => `Chattisi asiakaspalvelun kanssa (${reference})`,
    intro: (reference) =>
      `Tässä on chattisi kunnan asiakaspalvelun kanssa. Se on tallennettu asiana ${reference}.`,
    you: 'Sinä',
    contactCenter: 'Asiakaspalvelu',
    system: {
      queued: 'Olet jonossa.',
      agent_joined: 'Neuvoja liittyi.',
      handed_over: 'Chatti siirrettiin kollegalle.',
      agent_left: 'Neuvoja poistui chatista.',
      ended_by_citizen: 'Lopetit chatin.',
      ended_by_agent: 'Neuvoja lopetti chatin.',
      ended_unanswered: 'Kukaan ei ehtinyt vastata; palaamme asiaan.',
      ended_citizen_left: 'Poistuit jonosta; chatti päättyi. Palaamme asiaan.',
    },
    footer: 'Kunnalle kirjoittamasi voi tulla julkiseksi asiakirjaksi.',
  },
  ar: {
    subject: (reference) => `محادثتك مع مركز الاتصال (${reference})`,
    intro: (reference) => `هذه محادثتك مع مركز الاتصال في البلدية. حُفظت كقضية ${reference}.`,
    you: 'أنت',
    contactCenter: 'مركز الاتصال',
    system: {
      queued: 'أنت في قائمة الانتظار.',
      agent_joined: 'انضم موظف.',
      handed_over: 'نُقلت المحادثة إلى زميل.',
      agent_left: 'غادر الموظف المحادثة.',
      ended_by_citizen: 'أنهيت المحادثة.',
      ended_by_agent: 'أنهى الموظف المحادثة.',
      ended_unanswered: 'لم يتمكن أحد من الرد في الوقت المناسب؛ سنعود إليك.',
      ended_citizen_left: 'غادرت قائمة الانتظار؛ انتهت المحادثة. سنعود إليك.',
    },
    footer: 'ما تكتبه إلى البلدية قد يصبح وثيقة عامة.',
  },
};

/** Times in the contact center's own zone, as people there read them. */
const time = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** The transcript mail of an ended session (which has its case reference). */
export function transcriptMail(
  locale: Locale,
  session: SessionRow,
  messages: readonly MessageRow[],
): { subject: string; text: string } {
  const texts = TEXTS[locale] ?? TEXTS.sv;
  const reference = session.case_reference ?? '';
  const lines = messages.map((message) => {
    const when = time.format(new Date(message.sent_at));
    if (message.role === 'system') {
      const said = message.system ? texts.system[message.system as ChatSystemKind] : message.text;
      return `[${when}] ${said ?? message.text}`;
    }
    const who =
      message.role === 'citizen'
        ? texts.you
        : message.author_name
          ? firstName(message.author_name)
          : texts.contactCenter;
    return `[${when}] ${who}: ${message.text}`;
  });
  return {
    subject: texts.subject(reference),
    text: [texts.intro(reference), '', ...lines, '', texts.footer, ''].join('\n'),
  };
}

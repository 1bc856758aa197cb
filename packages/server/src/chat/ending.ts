import type { ChatSystemKind, Locale } from '@kontakt/core/schemas';
import { createCaseReference } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { appendEntry } from '../agent-cases/actions.js';
import { finishingColumns } from '../agent-cases/closing.js';
import { recordStatusChange } from '../agent-cases/status-history.js';
import { appendAudit } from '../auth/audit.js';
import { queueMail } from '../mail/outbox.js';
import type { FaultCaseMessage } from '../store/cases.js';
import { caseExists, insertCases } from '../store/cases.js';
import type { Database } from '../store/schema.js';
import type { ChatAgent } from './access.js';
import { insertMessage, queueMoved } from './messages.js';
import type { ChatEvents } from './streams.js';
import { chatStream } from './streams.js';
import { transcriptMail } from './transcript.js';
import type { SessionRow } from './views.js';
import { selectMessages, selectSession, sessionStateView } from './views.js';

/*
 * A chat's end: whoever ends it, it becomes a case on channel `chat` in the inbox, with its
 * transcript (the session's messages, linked by the case reference), the page and department it
 * came from and, when the agent tagged one, the reason for contact. An answered chat is stored
 * resolved and held by its agent; an unanswered one is left received, for someone to follow up.
 */

/**
 * Who ended it: the citizen (`close`, also leaving the queue), the agent, the server (no answer;
 * or `left`: the citizen of a waiting chat was gone too long), a call-back.
 */
export type ChatEnding = 'citizen' | 'agent' | 'unanswered' | 'left' | 'callback';

export interface EndChatInput {
  readonly endedBy: ChatEnding;
  /** ISO 8601 */
  readonly at: string;
  /** When a case of each department is due to be answered, from `at` (the route computes it). */
  readonly answerBy: Readonly<Record<string, string>>;
  readonly agent?: ChatAgent | undefined;
  /** The reason for contact the agent tagged, checked by the route. */
  readonly reason?: { id: string; avoidable: boolean } | undefined;
  /** Send the transcript here (the citizen asked on closing). */
  readonly transcriptTo?: string | undefined;
}

const SYSTEM_KIND: Record<ChatEnding, ChatSystemKind> = {
  citizen: 'ended_by_citizen',
  agent: 'ended_by_agent',
  unanswered: 'ended_unanswered',
  left: 'ended_citizen_left',
  callback: 'ended_by_citizen',
};

/** Tries for a free case reference: they are random, a taken one is rare. */
const REFERENCE_ATTEMPTS = 5;

/**
 * Ends `session` in the caller's transaction and stores it as a case; returns the case's
 * reference. Its events are added to `events`; mail and inbox streams too.
 */
export async function endSession(
  trx: Kysely<Database>,
  session: SessionRow,
  input: EndChatInput,
  events: ChatEvents,
): Promise<string> {
  const { at } = input;
  const system = await insertMessage(trx, session.id, {
    role: 'system',
    system: SYSTEM_KIND[input.endedBy],
    text: '',
    at,
  });
  const reference = await freeReference(trx);
  const messages = await selectMessages(trx, session.id);
  const firstQuestion = messages.find((message) => message.role === 'citizen');
  const firstAnswer = messages.find((message) => message.role === 'agent');
  const transcriptTo = input.transcriptTo ?? session.transcript_to ?? undefined;
  const message: FaultCaseMessage = {
    topic: 'chat',
    message: firstQuestion?.text ?? '',
    answerLanguage: session.locale,
    ...(session.citizen_name ? { name: session.citizen_name } : {}),
    ...(transcriptTo ? { email: transcriptTo, answerChannel: 'email' } : {}),
  };
  // The case is dated from the chat's start: the dashboard counts a chat answered directly by its
  // first answer's time from there.
  await insertCases(trx, [
    {
      reference,
      // Nobody follows a chat case with a receipt token: the chat's own token is not it.
      receiptTokenHash: session.token_hash,
      channel: 'chat',
      origin: { department: session.department, pageUrl: session.page_url, widget: session.widget },
      topic: 'chat',
      message,
      createdAt: session.started_at,
      answerBy: input.answerBy[session.department],
    },
  ]);
  const holder =
    session.agent_id === null ? null : { id: session.agent_id, name: session.agent_name ?? '' };
  await appendEntry(trx, reference, at, null, 'message_in', { channel: 'chat' });
  if (holder && firstAnswer) {
    await trx
      .updateTable('cases')
      .set({
        staff_status: 'resolved',
        status: 'resolved',
        ...finishingColumns('resolved', undefined, at),
        assignee_id: holder.id,
        assignee_name: holder.name,
        first_answered_at: firstAnswer.sent_at,
        updated_at: at,
        ...(input.reason
          ? {
              reason: input.reason.id,
              reason_avoidable: input.reason.avoidable ? 1 : 0,
              reason_page: input.reason.avoidable ? session.page_url : null,
            }
          : {}),
      })
      .where('reference', '=', reference)
      .execute();
    // Received (waiting in the queue, then talking) from the chat's start until it ended.
    await recordStatusChange(trx, { reference, at, from: 'received', to: 'resolved' });
    if (input.reason) {
      await appendEntry(trx, reference, at, holder, 'reason', {
        reason: input.reason.id,
        avoidable: input.reason.avoidable,
        ...(input.reason.avoidable ? { page: session.page_url } : {}),
      });
    }
    await appendEntry(trx, reference, at, holder, 'status', {
      status: 'resolved',
      visibility: 'internal',
    });
  }
  await trx
    .updateTable('chat_sessions')
    .set({
      status: 'ended',
      ended_at: at,
      ended_by: input.endedBy,
      case_reference: reference,
      transcript_to: transcriptTo ?? null,
      offered_to: null,
      offered_until: null,
      updated_at: at,
    })
    .where('id', '=', session.id)
    .execute();
  // Typing is told, not kept: its events leave the log with the chat (a stream read later has no
  // use for them, and they would be most of a long chat's events).
  await trx
    .deleteFrom('events')
    .where('stream', '=', chatStream(session.id))
    .where('type', '=', 'chat.typing')
    .execute();
  if (transcriptTo) await mailTranscript(trx, session.id, transcriptTo, events);
  if (input.agent) {
    await appendAudit(trx, {
      agentId: input.agent.id,
      action: 'chat.ended',
      caseReference: reference,
      detail: { chat: session.id, ...(input.reason ? { reason: input.reason.id } : {}) },
      at: new Date(at),
    });
  }
  const ended = await selectSession(trx, session.id);
  if (ended) {
    events
      .session(session.id, 'chat.message', system.view(ended))
      .session(session.id, 'chat.session', sessionStateView(ended, undefined));
  }
  events.queue(session.department, session.id).also(['inbox']);
  if (session.agent_id) events.agent(session.agent_id, session.id);
  if (session.status === 'queued') await queueMoved(trx, session.queue, events);
  return reference;
}

/** Queues the transcript of an ended session to `to`, in its citizen's language. */
export async function mailTranscript(
  trx: Kysely<Database>,
  id: string,
  to: string,
  events: ChatEvents,
): Promise<void> {
  const session = await selectSession(trx, id);
  if (!session?.case_reference) return;
  const messages = await selectMessages(trx, id);
  const mail = transcriptMail(session.locale as Locale, session, messages);
  const queued = await queueMail(trx, {
    caseReference: session.case_reference,
    to,
    subject: mail.subject,
    text: mail.text,
  });
  events.also(queued.streams);
}

async function freeReference(trx: Kysely<Database>): Promise<string> {
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
    const reference = createCaseReference();
    if (!(await caseExists(trx, reference))) return reference;
  }
  throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
}

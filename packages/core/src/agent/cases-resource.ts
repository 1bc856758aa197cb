import type { KyInstance } from 'ky';
import type { EventStream } from '../events/event-stream.js';
import type {
  AgentCase,
  AgentCasePage,
  CasePriority,
  ContactReason,
  ForwardInput,
  InboxEventType,
  InboxFilters,
  ReasonInput,
  RegisterCaseInput,
  ReplyInput,
  StatusInput,
} from './cases.js';
import {
  AgentCasePageSchema,
  AgentCaseSchema,
  ContactReasonListSchema,
  INBOX_EVENTS,
  InboxEventSchema,
} from './cases.js';
import type { ClassificationList, ClassificationPath } from './classification.js';
import { ClassificationListSchema } from './classification.js';
import type { AgentStreamOptions } from './feed.js';
import { AgentFeed, openAgentStream, readAs } from './feed.js';
import { signalOf } from './http.js';
import { agentJson } from './request.js';

/** Options of a call that changes a case. */
export interface CaseActionOptions {
  /**
   * The case's `version` as you saw it: the server refuses the action (`version_conflict`, 412)
   * when someone changed the case since, instead of acting on what you did not see.
   */
  version?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** One change in the inbox: a case arrived or changed. */
export class InboxChangeEvent extends Event {
  readonly change: InboxChange;
  constructor(change: InboxChange) {
    super('change');
    this.change = change;
  }
}

/** What an inbox watch yields. */
export interface InboxChange {
  readonly type: InboxEventType;
  readonly reference: string;
  /** The event's id: pass it as `after` to resume from here. */
  readonly cursor: string;
}

/**
 * The inbox followed live: the cases that arrive or change, as `change` events and as an async
 * iterator. Only cases this person may see are told (a specialist: their departments' forwarded
 * cases). Resumes by itself after a dropped connection; close it when done.
 *
 * @since 0.3.0
 * @event change - `InboxChangeEvent`: a case arrived (`case.created`) or changed (`case.updated`).
 * @event open - Connected (again): changes flow.
 * @event error - `EventStreamErrorEvent`: lost and reconnecting (`willRetry`), or ended.
 */
export class InboxWatch extends AgentFeed<InboxChange> {
  constructor(stream: EventStream) {
    super(
      stream,
      Object.fromEntries(
        INBOX_EVENTS.map((type) => [
          type,
          readAs(InboxEventSchema, ({ reference }, cursor) => ({ type, reference, cursor })),
        ]),
      ),
    );
  }

  protected eventOf(change: InboxChange): Event {
    return new InboxChangeEvent(change);
  }
}

/** `client.cases`: the inbox, one case, and what staff do with it. */
export interface AgentCasesResource {
  /** A page of the inbox, newest first; pass `next` back as `after` for the following one. */
  list(filters?: InboxFilters, options?: { signal?: AbortSignal }): Promise<AgentCasePage>;
  /** One case with its message, contact details, timeline and mails. */
  get(reference: string, options?: { signal?: AbortSignal }): Promise<AgentCase>;
  /** Takes the case (assigns it to oneself); `case_already_assigned` (409) when someone holds it. */
  take(reference: string, options?: CaseActionOptions): Promise<AgentCase>;
  /** Assigns the case to an agent by id, or to nobody (`null`). */
  assign(
    reference: string,
    assignee: string | null,
    options?: CaseActionOptions,
  ): Promise<AgentCase>;
  /** Replies: by e-mail (sent to the citizen, the reference in the subject), or a note of a call or letter. */
  reply(reference: string, input: ReplyInput, options?: CaseActionOptions): Promise<AgentCase>;
  /** An internal note: staff only, never shown to the citizen. */
  note(reference: string, text: string, options?: CaseActionOptions): Promise<AgentCase>;
  /** Sets the staff status, with a note for the citizen (`visibility: 'public'`) or for staff. */
  setStatus(reference: string, input: StatusInput, options?: CaseActionOptions): Promise<AgentCase>;
  /** Forwards to a department with the reason; its specialists then see the case. */
  forward(reference: string, input: ForwardInput, options?: CaseActionOptions): Promise<AgentCase>;
  /**
   * Marks the case a duplicate of `of`, which is handled instead: its status becomes `duplicate`,
   * its citizen sees which case to follow, and its sender and followers follow `of`. Refused
   * with `validation_failed` on `of`: `same_case`, `unknown_case`, `invalid_reference`.
   *
   * @since 0.4.0
   */
  markDuplicate(reference: string, of: string, options?: CaseActionOptions): Promise<AgentCase>;
  /** Tags the reason for contact and, when it was avoidable, the page that caused it. */
  tagReason(reference: string, input: ReasonInput, options?: CaseActionOptions): Promise<AgentCase>;
  /**
   * Sets how urgent the case is (`high`, `medium`, `low`).
   *
   * @since 0.6.0
   */
  setPriority(
    reference: string,
    priority: CasePriority,
    options?: CaseActionOptions,
  ): Promise<AgentCase>;
  /**
   * Classifies the case in its department's tree (`path`: the labels' ids from the category
   * down), or takes its classification away (`null`). A path the department does not have is
   * refused with `validation_failed` on `path`: `unknown_label`. A path that reaches a label
   * that escalates e-mails the case on to that label's address (once per address).
   *
   * @since 0.6.0
   */
  classify(
    reference: string,
    path: ClassificationPath | null,
    options?: CaseActionOptions,
  ): Promise<AgentCase>;
  /**
   * Every department's classification labels, parents before children.
   *
   * @since 0.6.0
   */
  classification(options?: { signal?: AbortSignal }): Promise<ClassificationList['departments']>;
  /**
   * Sends a failed mail of the case again (`mails[].id`); `mail_not_failed` (409) for one that has
   * not failed.
   */
  retryMail(
    reference: string,
    mailId: string,
    options?: { signal?: AbortSignal },
  ): Promise<AgentCase>;
  /** Registers a call or a visit as a case (channel `phone` / `visit`). */
  register(input: RegisterCaseInput, options?: { signal?: AbortSignal }): Promise<AgentCase>;
  /** The configured reasons for contact (which are avoidable demand). */
  reasons(options?: { signal?: AbortSignal }): Promise<ContactReason[]>;
  /**
   * Follows the inbox live. Pass a page's `cursor` as `after` to hear of exactly what changed
   * since that page was read.
   *
   * @example
   * const page = await client.cases.list();
   * for await (const change of client.cases.watch({ after: page.cursor })) refresh(change.reference);
   */
  watch(options?: { after?: string; signal?: AbortSignal }): InboxWatch;
}

/** Where the resource's live stream connects, and with which `fetch`. */
export type AgentCasesStreamOptions = AgentStreamOptions;

const ifMatch = (options: CaseActionOptions) =>
  options.version === undefined ? {} : { headers: { 'If-Match': `"${options.version}"` } };

const path = (reference: string, action = '') =>
  `v1/agent/cases/${encodeURIComponent(reference)}${action ? `/${action}` : ''}`;

export function agentCasesResource(
  http: KyInstance,
  stream: AgentCasesStreamOptions,
): AgentCasesResource {
  const post = (reference: string, action: string, json: unknown, options: CaseActionOptions) =>
    agentJson(http, path(reference, action), AgentCaseSchema, {
      method: 'post',
      json,
      ...ifMatch(options),
      ...signalOf(options),
    });
  return {
    list(filters = {}, options = {}) {
      const searchParams = new URLSearchParams();
      for (const [name, value] of Object.entries(filters)) {
        if (value !== undefined && value !== '') searchParams.set(name, String(value));
      }
      return agentJson(http, 'v1/agent/cases', AgentCasePageSchema, {
        ...signalOf(options),
        searchParams,
      });
    },
    get: (reference, options = {}) =>
      agentJson(http, path(reference), AgentCaseSchema, signalOf(options)),
    take: (reference, options = {}) => post(reference, 'take', {}, options),
    assign: (reference, assignee, options = {}) => post(reference, 'assign', { assignee }, options),
    reply: (reference, input, options = {}) => post(reference, 'replies', input, options),
    note: (reference, text, options = {}) => post(reference, 'notes', { text }, options),
    setStatus: (reference, input, options = {}) => post(reference, 'status', input, options),
    forward: (reference, input, options = {}) => post(reference, 'forward', input, options),
    tagReason: (reference, input, options = {}) => post(reference, 'reason', input, options),
    setPriority: (reference, priority, options = {}) =>
      post(reference, 'priority', { priority }, options),
    markDuplicate: (reference, of, options = {}) => post(reference, 'duplicate', { of }, options),
    classify: (reference, path, options = {}) =>
      post(reference, 'classification', { path }, options),
    classification: async (options = {}) =>
      (
        await agentJson(
          http,
          'v1/agent/classification',
          ClassificationListSchema,
          signalOf(options),
        )
      ).departments,
    retryMail: (reference, mailId, options = {}) =>
      agentJson(
        http,
        path(reference, `mails/${encodeURIComponent(mailId)}/retry`),
        AgentCaseSchema,
        {
          ...signalOf(options),
          method: 'post',
        },
      ),
    register: (input, options = {}) =>
      agentJson(http, 'v1/agent/cases', AgentCaseSchema, {
        ...signalOf(options),
        method: 'post',
        json: input,
      }),
    reasons: async (options = {}) =>
      (await agentJson(http, 'v1/agent/reasons', ContactReasonListSchema, signalOf(options)))
        .reasons,
    watch: (options = {}) =>
      new InboxWatch(openAgentStream(stream, 'v1/agent/inbox/stream', options)),
  };
}

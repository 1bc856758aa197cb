import { randomBytes } from 'node:crypto';
import type { Agent, AgentCase, ContactReason } from '@kontakt/core/agent';
import {
  AssignInputSchema,
  ClassifyInputSchema,
  DuplicateInputSchema,
  ForwardInputSchema,
  INBOX_PAGE_SIZE,
  InboxQuerySchema,
  isClassificationPath,
  NoteInputSchema,
  PARK_MAX_DAYS,
  PriorityInputSchema,
  ReasonInputSchema,
  RegisterCaseInputSchema,
  ReplyInputSchema,
  StatusInputSchema,
} from '@kontakt/core/agent';
import type { FieldError } from '@kontakt/core/schemas';
import {
  CaseReferenceSchema,
  createCaseReference,
  normalizeCaseReference,
} from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import type { Actor, CaseAction, CaseActionResult } from '../agent-cases/actions.js';
import type { Classifications } from '../agent-cases/classification.js';
import { classificationList, escalationMail } from '../agent-cases/classification.js';
import type { CaseScope, InboxFilter, InboxKey } from '../agent-cases/inbox.js';
import { DEFAULT_REASONS } from '../agent-cases/reasons.js';
import { departmentInboxStream, INBOX_STREAM } from '../agent-cases/streams.js';
import { expectedAnswerBy } from '../answer-by.js';
import { requireAgent } from '../auth/require-agent.js';
import { keptMessage } from '../case-intake.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import { invalid, parse } from '../http/validation.js';
import { sha256Hex } from '../idempotency.js';
import { isUniqueViolation } from '../store/create-case.js';

/**
 * Agents' JSON holds personal data: no cache may keep it, and no browser may guess it is
 * anything but JSON (`nosniff` is also set for every response by `securityHeaders`).
 */
const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** References are 40 random bits; a few collisions in a row mean something else is wrong. */
const REFERENCE_ATTEMPTS = 5;

/** How long an agent's event stream lives before its session is checked again. */
const STREAM_RECHECK_MS = 5 * 60_000;

/**
 * The agent's case API, under `/v1/agent`, every route behind a session (`requireAgent`: 401
 * without one, CSRF on every POST):
 * - `GET /cases`: the inbox, filtered, searched and paged by key; `POST /cases`: a call or visit;
 * - `GET /cases/{reference}`: one case (`ETag`: its version);
 * - `POST /cases/{reference}/{take,assign,replies,notes,status,forward,reason,priority,
 *   classification}`: the actions, each answered with the case as it is after it (`If-Match`:
 *   refused with 412 when stale);
 * - `GET /inbox/stream`: `case.created` / `case.updated` of the cases this person may see;
 * - `GET /reasons`: the reasons for contact; `GET /classification`: each department's labels.
 * Agents and admins see every case; specialists only those forwarded to their departments (in
 * the query itself: others are 404, as if they did not exist).
 */
export function agentCasesRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const signedIn = requireAgent(ctx);
  const reasons = (): readonly ContactReason[] => ctx.reasons ?? DEFAULT_REASONS;
  const classifications: Classifications = ctx.classifications ?? new Map();

  routes.get('/cases', signedIn, async (c) => {
    const query = parse(InboxQuerySchema, c.req.query());
    const agent = c.get('agent');
    const page = await ctx.store.read('listInbox', {
      scope: scopeOf(agent),
      filter: filterOf(query, agent),
      order: query.order,
      after: query.after === undefined ? undefined : decodeKey(query.after),
      limit: query.limit ?? INBOX_PAGE_SIZE,
      now: ctx.now().toISOString(),
    });
    const body = {
      cases: page.cases,
      next: page.next && encodeKey(page.next),
      cursor: String(page.cursor),
    };
    return c.body(JSON.stringify(body), 200, JSON_HEADERS);
  });

  routes.post('/cases', requireAgent(ctx, { roles: ['agent'] }), async (c) => {
    const input = parse(RegisterCaseInputSchema, await readJsonBody(c, ctx.bodyLimit));
    const department = ctx.departments.get(input.department);
    const errors: FieldError[] = [];
    if (!department) errors.push(fieldError('department', 'unknown_department'));
    else if (!department.categories.some((category) => category.id === input.topic)) {
      errors.push(fieldError('topic', 'unknown_topic'));
    }
    const reason = input.reason === undefined ? undefined : reasonOf(reasons(), input.reason);
    if (input.reason !== undefined && !reason) errors.push(fieldError('reason', 'unknown_reason'));
    if (input.needs.includes('interpreter') && !input.interpreterLanguage) {
      errors.push(fieldError('interpreterLanguage', 'required'));
    }
    if (errors.length > 0 || !department) throw invalid(errors);
    const agent = c.get('agent');
    const at = ctx.now();
    const message = keptMessage({
      topic: input.topic,
      message: input.notes,
      answerChannel: input.answerChannel,
      answerLanguage: input.answerLanguage,
      needs: input.needs,
      photos: [],
      ...(input.interpreterLanguage ? { interpreterLanguage: input.interpreterLanguage } : {}),
      ...(input.name ? { name: input.name } : {}),
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.postalAddress ? { postalAddress: input.postalAddress } : {}),
    });
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
      const reference = createCaseReference();
      try {
        await ctx.store.write('registerCase', actorOf(agent), {
          reference,
          receiptTokenHash: sha256Hex(randomBytes(32).toString('base64url')),
          channel: input.channel,
          department: department.id,
          topic: input.topic,
          message,
          reason: reason && { id: reason.id, avoidable: reason.avoidable, page: input.page },
          at: at.toISOString(),
          answerBy: expectedAnswerBy(department, at).toISOString(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      const found = await findCase(ctx, agent, reference);
      return caseResponse(c, found, 201, { Location: `/v1/agent/cases/${reference}` });
    }
    throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
  });

  routes.get('/cases/:reference', signedIn, async (c) => {
    const agent = c.get('agent');
    const found = await findCase(ctx, agent, referenceOf(c));
    return caseResponse(c, found);
  });

  /** Runs an action from a request and answers with the case after it. */
  const action =
    (
      toAction: (
        body: unknown,
        agent: Agent,
        reference: string,
      ) => CaseAction | Promise<CaseAction>,
    ) =>
    async (c: Context<AppEnv>) => {
      const reference = referenceOf(c);
      const ifVersion = ifMatchOf(c);
      const agent = c.get('agent');
      const act = await toAction(await readJsonBody(c, ctx.bodyLimit), agent, reference);
      const result = await ctx.store.write('actOnCase', {
        reference,
        actor: actorOf(agent),
        action: act,
        ifVersion,
        at: ctx.now().toISOString(),
      });
      refuseUnless(result);
      return caseResponse(c, await findCase(ctx, agent, reference));
    };

  // "Send it again": a failed mail of the case, queued anew (no body).
  routes.post('/cases/:reference/mails/:mailId/retry', signedIn, async (c) => {
    const reference = referenceOf(c);
    const agent = c.get('agent');
    const mailId = c.req.param('mailId');
    const result = await ctx.store.write('retryCaseMail', {
      reference,
      mailId,
      actor: actorOf(agent),
      at: ctx.now().toISOString(),
    });
    if (!result.ok) {
      if (result.error === 'case_not_found') throw new ProblemError(404, 'case_not_found');
      if (result.error === 'mail_not_found') {
        throw new ProblemError(404, 'mail_not_found', { detail: 'The case has no such mail.' });
      }
      throw new ProblemError(409, 'mail_not_failed', {
        detail: 'Only a mail that failed is sent again; this one has not failed.',
      });
    }
    return caseResponse(c, await findCase(ctx, agent, reference));
  });

  routes.post(
    '/cases/:reference/take',
    signedIn,
    action((_body, agent) => ({
      kind: 'assign',
      assignee: { id: agent.id, name: agent.name },
      take: true,
    })),
  );
  routes.post(
    '/cases/:reference/assign',
    signedIn,
    action((body) => {
      const { assignee } = parse(AssignInputSchema, body);
      if (assignee === null) return { kind: 'assign', assignee: null };
      // Local accounts have names; a person known only from the identity provider goes by id.
      const account = ctx.auth.accounts.find((each) => each.id === assignee);
      return { kind: 'assign', assignee: { id: assignee, name: account?.name ?? assignee } };
    }),
  );
  routes.post(
    '/cases/:reference/replies',
    signedIn,
    action((body) => ({ kind: 'reply', ...parse(ReplyInputSchema, body) })),
  );
  routes.post(
    '/cases/:reference/notes',
    signedIn,
    action((body) => ({ kind: 'note', ...parse(NoteInputSchema, body) })),
  );
  routes.post(
    '/cases/:reference/status',
    signedIn,
    action((body) => {
      const input = parse(StatusInputSchema, body);
      return {
        kind: 'status',
        status: input.status,
        visibility: input.visibility,
        note: input.note,
        noteLanguage: input.noteLanguage,
        resumeAt: input.resumeAt === undefined ? undefined : resumeAtOf(input.resumeAt, ctx.now()),
        closingReason: input.closingReason,
      };
    }),
  );
  routes.post(
    '/cases/:reference/forward',
    signedIn,
    action((body) => {
      const input = parse(ForwardInputSchema, body);
      if (!ctx.departments.has(input.department)) {
        throw invalid([fieldError('department', 'unknown_department')]);
      }
      return { kind: 'forward', ...input };
    }),
  );
  routes.post(
    '/cases/:reference/duplicate',
    signedIn,
    action((body) => {
      const input = parse(DuplicateInputSchema, body);
      const of = normalizeCaseReference(input.of) as string;
      return { kind: 'status', status: 'duplicate', visibility: 'public', duplicateOf: of };
    }),
  );
  routes.post(
    '/cases/:reference/reason',
    signedIn,
    action((body) => {
      const input = parse(ReasonInputSchema, body);
      const reason = reasonOf(reasons(), input.reason);
      if (!reason) throw invalid([fieldError('reason', 'unknown_reason')]);
      return { kind: 'reason', reason: reason.id, avoidable: reason.avoidable, page: input.page };
    }),
  );
  routes.post(
    '/cases/:reference/priority',
    signedIn,
    action((body) => ({ kind: 'priority', ...parse(PriorityInputSchema, body) })),
  );
  routes.post(
    '/cases/:reference/classification',
    signedIn,
    action(async (body, agent, reference) => {
      const { path } = parse(ClassifyInputSchema, body);
      // The path is checked against the case's own department's tree (which a forward keeps).
      const found = await caseInScope(ctx, agent, reference);
      const tree = classifications.get(found.department);
      const escalations = tree?.escalations ?? {};
      if (path === null) return { kind: 'classification', path, escalations };
      const department = ctx.departments.get(found.department);
      if (!tree || !department || !isClassificationPath(tree.labels, path)) {
        throw invalid([fieldError('path', 'unknown_label')]);
      }
      const escalation = escalationMail(reference, department, tree, path, agent.name);
      return { kind: 'classification', path, escalations, escalation };
    }),
  );

  routes.get('/inbox/stream', signedIn, (c) => {
    const agent = c.get('agent');
    const scope = scopeOf(agent);
    // A specialist's stream carries only their departments' forwarded cases: another's never
    // reach their connection, not even as a reference.
    const stream = scope.all
      ? INBOX_STREAM
      : scope.departments.map(departmentInboxStream).sort().join('|') || 'inbox:none';
    // The session may end while the stream is open (sign-out, expiry, a removed account): the
    // stream ends by the session's own expiry, and at least every few minutes, and the client
    // reconnects through `requireAgent` again.
    const { session } = c.get('agentSession');
    const untilExpiry =
      Math.min(Date.parse(session.expiresAt), Date.parse(session.idleExpiresAt)) -
      ctx.now().getTime();
    return ctx.hub.respond(c, stream, {
      from: 'now',
      maxDurationMs: Math.min(STREAM_RECHECK_MS, untilExpiry),
    });
  });

  routes.get('/reasons', signedIn, (c) =>
    c.body(JSON.stringify({ reasons: reasons() }), 200, JSON_HEADERS),
  );

  // The labels only: where a label escalates to is the server's setting, never sent.
  routes.get('/classification', signedIn, (c) =>
    c.body(JSON.stringify(classificationList(classifications)), 200, JSON_HEADERS),
  );

  return routes;
}

/** Agents and admins see every case; a specialist only what is forwarded to their departments. */
export function scopeOf(agent: Agent): CaseScope {
  return agent.role === 'specialist'
    ? { all: false, departments: [...agent.departments] }
    : { all: true, departments: [] };
}

const actorOf = (agent: Agent): Actor => ({
  id: agent.id,
  name: agent.name,
  scope: scopeOf(agent),
});

function filterOf(query: z.output<typeof InboxQuerySchema>, agent: Agent): InboxFilter {
  const filter: InboxFilter = {
    department: query.department,
    status: query.status,
    channel: query.channel,
    topic: query.topic,
    need: query.need,
    overdue: query.overdue,
    priority: query.priority,
    classification: query.classification,
  };
  if (query.assigned === 'me') filter.assignee = agent.id;
  else if (query.assigned === 'none') filter.assignee = null;
  else if (query.assigned !== undefined) filter.assignee = query.assigned;
  const q = query.q?.trim();
  if (q) {
    // A whole reference, however typed (`kc 7f3k 9qxm`), finds that case by its key.
    const reference = normalizeCaseReference(q);
    if (reference) filter.reference = reference;
    else filter.text = q;
  }
  return filter;
}

/** The case as `agent` may see it; else `404 case_not_found`, as if it did not exist. */
async function caseInScope(ctx: AppContext, agent: Agent, reference: string) {
  const found = await ctx.store.read(
    'selectAgentCase',
    reference,
    scopeOf(agent),
    ctx.now().toISOString(),
  );
  if (!found) throw caseNotFound(reference);
  return found;
}

async function findCase(ctx: AppContext, agent: Agent, reference: string): Promise<AgentCase> {
  const found = await caseInScope(ctx, agent, reference);
  const mails = await ctx.store.read('mailsOfCase', reference);
  // A fault report's category, answers, place and photos (the console's map and photos).
  const fault =
    found.channel === 'fault_report'
      ? await ctx.store.read('selectFaultReport', reference)
      : undefined;
  // A call-back request's slot or "as soon as possible" (channel `phone`, registered calls have none).
  const callback =
    found.channel === 'phone' ? await ctx.store.read('callbacks.ofCase', reference) : undefined;
  // A chat's transcript, as the console's case view shows it.
  const chat =
    found.channel === 'chat' ? await ctx.store.read('chatTranscriptOfCase', reference) : undefined;
  return {
    ...found,
    ...(fault ? { fault } : {}),
    ...(chat ? { chat } : {}),
    ...(callback ? { callback } : {}),
    mails: mails.map((mail) => ({
      id: mail.id,
      to: mail.to,
      subject: mail.subject,
      state: mail.state,
      attempts: mail.attempts,
      lastError: mail.lastError,
      nextAttemptAt: mail.nextAttemptAt,
      queuedAt: mail.queuedAt,
      sentAt: mail.sentAt,
    })),
  };
}

function caseResponse(
  c: Context<AppEnv>,
  found: AgentCase,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(found), status, {
    ...JSON_HEADERS,
    ETag: `"${found.version}"`,
    ...headers,
  });
}

/** Turns a refused action into its problem. */
function refuseUnless(
  result: CaseActionResult,
): asserts result is Extract<CaseActionResult, { ok: true }> {
  if (result.ok) return;
  switch (result.error) {
    case 'not_found':
      throw new ProblemError(404, 'case_not_found');
    case 'version_conflict':
      throw new ProblemError(412, 'version_conflict', {
        detail: `The case is at version ${result.version}: read it again and decide anew.`,
        headers: { ETag: `"${result.version}"` },
      });
    case 'already_assigned':
      throw new ProblemError(409, 'case_already_assigned', {
        detail: `${result.assignee.name} holds the case.`,
      });
    case 'no_email':
      throw new ProblemError(409, 'no_email_address', {
        detail: 'The citizen gave no e-mail address: call, or send a letter, and note it.',
      });
    case 'duplicate_of_self':
      throw invalid([fieldError('of', 'same_case')]);
    case 'duplicate_of_unknown':
      throw invalid([fieldError('of', 'unknown_case')]);
  }
}

const caseNotFound = (reference: string) =>
  new ProblemError(404, 'case_not_found', { detail: `There is no case ${reference} for you.` });

function referenceOf(c: Context<AppEnv>): string {
  const raw = c.req.param('reference') ?? '';
  const reference = normalizeCaseReference(raw);
  if (!reference || !CaseReferenceSchema.safeParse(reference).success) throw caseNotFound(raw);
  return reference;
}

/**
 * The version named by `If-Match` (`"3"`), or `undefined` without the header. `*` matches any
 * version. Anything else is not a tag this API ever sent: 412, as for a stale one.
 */
function ifMatchOf(c: Context<AppEnv>): number | undefined {
  const header = c.req.header('If-Match')?.trim();
  if (header === undefined || header === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(header);
  if (!match) {
    throw new ProblemError(412, 'version_conflict', {
      detail: 'If-Match must be the ETag of the case as read, e.g. "3".',
    });
  }
  return Number(match[1]);
}

const fieldError = (field: string, code: string): FieldError => ({
  field,
  pointer: `/${field}`,
  code,
});

const DAY_MS = 24 * 60 * 60_000;

/**
 * When a parked case comes back, as the store keeps times (UTC): later than now by the server's
 * clock, and at most `PARK_MAX_DAYS` ahead.
 */
function resumeAtOf(resumeAt: string, now: Date): string {
  const at = Date.parse(resumeAt);
  if (at <= now.getTime()) throw invalid([fieldError('resumeAt', 'in_the_past')]);
  if (at > now.getTime() + PARK_MAX_DAYS * DAY_MS) {
    throw invalid([fieldError('resumeAt', 'too_far_ahead')]);
  }
  return new Date(at).toISOString();
}

const reasonOf = (reasons: readonly ContactReason[], id: string) =>
  reasons.find((reason) => reason.id === id);

/** The inbox's paging key as an opaque token (base64url of JSON). */
function encodeKey(key: InboxKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.reference])).toString('base64url');
}

function decodeKey(token: string): InboxKey {
  try {
    const [createdAt, reference] = JSON.parse(
      Buffer.from(token, 'base64url').toString(),
    ) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof reference === 'string' &&
      CaseReferenceSchema.safeParse(reference).success
    ) {
      return { createdAt, reference };
    }
  } catch {
    // Not ours: answered below.
  }
  throw invalid([fieldError('after', 'invalid_format')]);
}

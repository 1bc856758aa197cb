import {
  AgentCasePageSchema,
  AgentCaseSchema,
  AssignInputSchema,
  CASE_PRIORITIES,
  CLASSIFICATION_DEPTH,
  CLASSIFICATION_FILTER,
  ClassificationListSchema,
  ClassifyInputSchema,
  ContactReasonListSchema,
  DuplicateInputSchema,
  ForwardInputSchema,
  INBOX_MAX_PAGE_SIZE,
  INBOX_ORDERS,
  INBOX_PAGE_SIZE,
  InboxEventSchema,
  NoteInputSchema,
  PARK_MAX_DAYS,
  PriorityInputSchema,
  ReasonInputSchema,
  RegisterCaseInputSchema,
  ReplyInputSchema,
  StatusInputSchema,
} from '@kontakt/core/agent';
import { CASE_CHANNELS, NEEDS, STAFF_STATUSES } from '@kontakt/core/schemas';
import { eventStreamParameters, eventStreamResponse } from '../sse/openapi.js';
import { agentOperation } from './openapi-agent.js';
import type { JsonObject } from './openapi-parts.js';
import { json, jsonSchema, problem, ref } from './openapi-parts.js';

/*
 * The OpenAPI parts of the agent's case API (`routes/agent-cases.ts`): every operation needs the
 * session (`agentOperation`), and those that change a case the CSRF header.
 */

const REFERENCE = {
  name: 'reference',
  in: 'path',
  required: true,
  description:
    'The case reference, e.g. `KC-7F3K-9QXM` (typed forms such as `kc 7f3k 9qxm` are read too).',
  schema: { type: 'string' },
};

const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description:
    'The `ETag` of the case as read (its version, e.g. `"3"`): the action is refused with 412 ' +
    'when someone changed the case since. Without it the action applies to the case as it is.',
  schema: { type: 'string' },
};

const CASE_RESPONSE = {
  description: 'The case as it is after the action.',
  headers: { ETag: { description: 'The version, for `If-Match`.', schema: { type: 'string' } } },
  content: json(ref('AgentCase')),
};

const NOT_FOUND = problem(
  'No such case, or not one this person may see (`case_not_found`): specialists see only cases ' +
    'forwarded to their departments.',
);

const query = (name: string, schema: JsonObject, description: string) => ({
  name,
  in: 'query',
  required: false,
  schema,
  description,
});

/** One action on a case: `POST /v1/agent/cases/{reference}/{action}`. */
function action(
  operationId: string,
  summary: string,
  body: string,
  refusals: Record<string, unknown> = {},
): JsonObject {
  return {
    post: agentOperation(
      {
        operationId,
        summary,
        parameters: [REFERENCE, IF_MATCH],
        requestBody: { required: true, content: json(ref(body)) },
        responses: {
          '200': CASE_RESPONSE,
          '404': NOT_FOUND,
          '412': problem('The case changed since the version in `If-Match` (`version_conflict`).'),
          '422': problem('Invalid fields (`validation_failed`, with `errors`).'),
          ...refusals,
        },
      },
      { changes: true },
    ),
  };
}

/**
 * `/v1/agent/cases…`, `/v1/agent/inbox/stream`, `/v1/agent/reasons` and
 * `/v1/agent/classification`.
 */
export function agentCasePaths(): JsonObject {
  const base = '/v1/agent/cases/{reference}';
  return {
    '/v1/agent/cases': {
      get: agentOperation({
        operationId: 'listAgentCases',
        summary:
          'The inbox: every case of every channel (a specialist: those forwarded to their departments), newest first.',
        parameters: [
          query('department', { type: 'string' }, 'Cases from this department.'),
          query(
            'status',
            { type: 'string', enum: [...STAFF_STATUSES, 'open'] },
            'This staff status; `open`: every unfinished one.',
          ),
          query('channel', { type: 'string', enum: [...CASE_CHANNELS] }, 'This channel.'),
          query('topic', { type: 'string' }, 'This topic (category id).'),
          query('need', { type: 'string', enum: [...NEEDS] }, 'Cases with this need.'),
          query('assigned', { type: 'string' }, '`me`, `none`, or an agent id.'),
          query(
            'overdue',
            { type: 'string', enum: ['true', 'false'] },
            "Unanswered past the department's answer-time promise (or not).",
          ),
          query('priority', { type: 'string', enum: [...CASE_PRIORITIES] }, 'This priority.'),
          query(
            'classification',
            { type: 'string', pattern: CLASSIFICATION_FILTER.source },
            'A classification path, the label ids joined by `/` (`gata-och-trafik/parkering`): ' +
              'the cases classified at that label or under it (not a sibling whose id merely ' +
              'starts the same, such as `parkeringsbolag`).',
          ),
          query(
            'q',
            { type: 'string', maxLength: 200 },
            "A case reference, or words of the message, the sender's name, e-mail or phone.",
          ),
          query(
            'order',
            { type: 'string', enum: [...INBOX_ORDERS], default: 'newest' },
            'By arrival: newest first, or oldest first (a queue worked in turn). A page read with ' +
              '`after` goes on in the order given with it.',
          ),
          query('after', { type: 'string' }, 'The `next` of the previous page.'),
          query(
            'limit',
            { type: 'integer', minimum: 1, maximum: INBOX_MAX_PAGE_SIZE, default: INBOX_PAGE_SIZE },
            'Cases per page.',
          ),
        ],
        responses: {
          '200': { description: 'A page of the inbox.', content: json(ref('AgentCasePage')) },
          '422': problem('Invalid filters (`validation_failed`, with `errors`).'),
        },
      }),
      post: agentOperation(
        {
          operationId: 'registerCase',
          summary: 'Register a phone call or a visit as a case (agents and admins).',
          requestBody: { required: true, content: json(ref('RegisterCase')) },
          responses: {
            '201': {
              ...CASE_RESPONSE,
              description: 'The case, held by whoever registered it.',
              headers: {
                ...CASE_RESPONSE.headers,
                Location: { description: 'The case.', schema: { type: 'string' } },
              },
            },
            '422': problem(
              'Invalid fields, an unknown department, topic or reason (`validation_failed`). ' +
                'An answer by e-mail needs `email`, by letter `name` and `postalAddress` ' +
                '(`required_for_channel`); ' +
                'a postcode that is not five digits (`211 22`, `21122`) is ' +
                '`invalid_postal_code` at `postalAddress.postalCode`.',
            ),
          },
        },
        { changes: true, forbidden: 'Specialists do not register cases (`forbidden`).' },
      ),
    },
    [base]: {
      get: agentOperation({
        operationId: 'getAgentCase',
        summary:
          'One case: message, needs, contact details, origin, timeline, status history and mails.',
        description:
          '`statusHistory` lists the time the case spent in each staff status, oldest first, the ' +
          'last period open (`until: null`). Every change of status is recorded, whoever made ' +
          "it: an agent's action, the citizen's answer, a chat's end, a department's system " +
          '(Open311), a date coming due. A case from before the server recorded it starts ' +
          'later than `createdAt`, at the status it was in then.',
        parameters: [REFERENCE],
        responses: { '200': { ...CASE_RESPONSE, description: 'The case.' }, '404': NOT_FOUND },
      }),
    },
    [`${base}/take`]: action('takeCase', 'Take the case (assign it to yourself).', 'Empty', {
      '409': problem('Someone else holds the case (`case_already_assigned`).'),
    }),
    [`${base}/assign`]: action(
      'assignCase',
      'Assign the case to an agent, or to nobody.',
      'Assign',
    ),
    [`${base}/replies`]: action(
      'replyToCase',
      'Reply: an e-mail to the citizen (plain text, the reference in the subject), or a note of a call made or a letter sent.',
      'Reply',
      { '409': problem('An e-mail reply to a case without an address (`no_email_address`).') },
    ),
    [`${base}/notes`]: action(
      'noteOnCase',
      'An internal note (never shown to the citizen).',
      'Note',
    ),
    [`${base}/status`]: action(
      'setCaseStatus',
      "Set the staff status, with a public note (the citizen's status view shows it) or an " +
        'internal one. With `parked`, `resumeAt` says when the case comes back by itself: it is ' +
        'then `in_progress` again, with a timeline entry `resumed: true` and no actor. Setting ' +
        'another status, or `parked` without a date, ends that. With `resolved` or `closed`, ' +
        "`closingReason` says how the case was resolved (for the dashboard's first-contact " +
        'resolution); the case shows it as `closingReason` until it is reopened.',
      'SetStatus',
      {
        '422': problem(
          'Invalid fields (`validation_failed`, with `errors`). `resumeAt` with another status ' +
            "than `parked` is `only_when_paused`; one not later than now by the server's clock " +
            `\`in_the_past\`, one more than ${PARK_MAX_DAYS} days ahead \`too_far_ahead\`. ` +
            '`closingReason` with another status than `resolved` or `closed` is ' +
            '`only_when_finished`; one not in the list `invalid_option`.',
        ),
      },
    ),
    [`${base}/forward`]: action(
      'forwardCase',
      "Forward to a department with the reason; that department's specialists then see the case.",
      'Forward',
    ),
    [`${base}/duplicate`]: action(
      'markCaseDuplicate',
      'Mark the case a duplicate of another, which is handled instead: status `duplicate`, the ' +
        "citizen's tracker names the other case, and its sender and followers follow that one. " +
        'Refused (`validation_failed`) for the case itself (`same_case`) or a case not there for ' +
        'this person (`unknown_case`).',
      'MarkDuplicate',
    ),
    [`${base}/mails/{mailId}/retry`]: {
      post: agentOperation(
        {
          operationId: 'retryCaseMail',
          summary: 'Send a failed mail of the case again (it is queued, and tried at once).',
          parameters: [
            REFERENCE,
            {
              name: 'mailId',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: "The `id` of one of the case's `mails`.",
            },
          ],
          responses: {
            '200': CASE_RESPONSE,
            '404': problem(
              'No such case for this person (`case_not_found`), or no such mail of it (`mail_not_found`).',
            ),
            '409': problem('The mail has not failed (`mail_not_failed`).'),
          },
        },
        { changes: true },
      ),
    },
    [`${base}/reason`]: action(
      'tagCaseReason',
      'Tag the reason for contact and, when it is avoidable demand, the page that caused it.',
      'TagReason',
    ),
    [`${base}/priority`]: action(
      'setCasePriority',
      'Set how urgent the case is (`high`, `medium`, `low`; a new case is `medium`): the case and ' +
        'its inbox row show it as `priority`, the inbox filters by it (`priority=`), and the ' +
        'timeline has an entry `priority`, also when the case already had that one.',
      'SetPriority',
      {
        '422': problem(
          'Invalid fields (`validation_failed`, with `errors`): a `priority` not in the list is ' +
            '`invalid_option`.',
        ),
      },
    ),
    [`${base}/classification`]: action(
      'classifyCase',
      `Classify the case in its department's tree (category → type → subtype: one to ${CLASSIFICATION_DEPTH} ` +
        'label ids from the category down, as `GET /v1/agent/classification` lists them), or take ' +
        'its classification away (`null`). The case and its inbox row show it as ' +
        '`classification`, the inbox filters by it (`classification=`), and the timeline has an ' +
        'entry `classification`. When the path reaches a label that escalates (the deepest such ' +
        'label on it decides the address, which the server keeps to itself), the case is e-mailed ' +
        'on in the same transaction — the reference, department, labels and who classified it, ' +
        "never the citizen's personal data — unless the path before already went to that " +
        "address; the entry then says `escalated: true` and the mail is among the case's `mails`.",
      'Classify',
      {
        '422': problem(
          'Invalid fields (`validation_failed`, with `errors`): a `path` that does not run down ' +
            "the case's department's tree from a category (a label of another department, a " +
            'level skipped, an unknown id) is `unknown_label`; more than ' +
            `${CLASSIFICATION_DEPTH} labels \`too_long\`, none \`required\`.`,
        ),
      },
    ),
    '/v1/agent/inbox/stream': {
      get: agentOperation({
        operationId: 'streamInbox',
        summary: 'The inbox live: cases that arrive or change, of those this person may see.',
        parameters: eventStreamParameters(),
        responses: {
          '200': eventStreamResponse({
            description:
              'Resume from the `cursor` of `GET /v1/agent/cases` to miss nothing between the two.',
            events: {
              'case.created': { description: 'A case arrived.', data: ref('InboxEvent') },
              'case.updated': {
                description: 'A case changed: read it again.',
                data: ref('InboxEvent'),
              },
            },
          }),
        },
      }),
    },
    '/v1/agent/reasons': {
      get: agentOperation({
        operationId: 'listReasons',
        summary:
          'The reasons for contact cases are tagged with; `avoidable` marks avoidable demand.',
        responses: { '200': { description: 'The reasons.', content: json(ref('ReasonList')) } },
      }),
    },
    '/v1/agent/classification': {
      get: agentOperation({
        operationId: 'listClassification',
        summary:
          "Each department's classification labels (departments without any are left out), " +
          'parents before their children; `escalates` marks a label whose cases are e-mailed on ' +
          '(the address is not sent).',
        responses: {
          '200': {
            description: 'The labels.',
            content: json(ref('ClassificationList')),
          },
        },
      }),
    },
  };
}

export function agentCaseSchemas(): JsonObject {
  return {
    AgentCasePage: jsonSchema(AgentCasePageSchema, 'output'),
    AgentCase: jsonSchema(AgentCaseSchema, 'output'),
    RegisterCase: jsonSchema(RegisterCaseInputSchema, 'input'),
    Empty: { type: 'object' },
    Assign: jsonSchema(AssignInputSchema, 'input'),
    Reply: jsonSchema(ReplyInputSchema, 'input'),
    Note: jsonSchema(NoteInputSchema, 'input'),
    SetStatus: jsonSchema(StatusInputSchema, 'input'),
    Forward: jsonSchema(ForwardInputSchema, 'input'),
    MarkDuplicate: jsonSchema(DuplicateInputSchema, 'input'),
    TagReason: jsonSchema(ReasonInputSchema, 'input'),
    SetPriority: jsonSchema(PriorityInputSchema, 'input'),
    Classify: jsonSchema(ClassifyInputSchema, 'input'),
    ClassificationList: jsonSchema(ClassificationListSchema, 'output'),
    InboxEvent: jsonSchema(InboxEventSchema, 'output'),
    ReasonList: jsonSchema(ContactReasonListSchema, 'output'),
  };
}

import { DASHBOARD_MAX_DAYS, DASHBOARD_TABLES, DashboardSchema } from '@kontakt/core/agent';
import { agentOperation } from './openapi-agent.js';
import type { JsonObject } from './openapi-parts.js';
import { json, jsonSchema, problem, ref } from './openapi-parts.js';

const PERIOD = [
  {
    name: 'from',
    in: 'query',
    required: true,
    schema: { type: 'string', format: 'date-time' },
    description: 'Start of the period (inclusive), with its offset.',
  },
  {
    name: 'to',
    in: 'query',
    required: true,
    schema: { type: 'string', format: 'date-time' },
    description: `End of the period (exclusive), after \`from\` and at most ${DASHBOARD_MAX_DAYS} days later.`,
  },
];

const NOT_FOR_SPECIALISTS =
  'A specialist (`forbidden`): the figures of the whole contact center are for agents and admins.';
const INVALID_PERIOD = problem(
  'The period is missing, not date-times, ends before it starts or is too long (`validation_failed`, with `errors`).',
);

/** `/v1/agent/dashboard` and its CSV export. */
export function agentDashboardPaths(): JsonObject {
  return {
    '/v1/agent/dashboard': {
      get: agentOperation(
        {
          operationId: 'getDashboard',
          summary:
            'Contacts by department, page, topic, channel and reason over a period; avoidable demand by page; e-mail questions answered within two working days, chats answered directly, time to first answer per channel, and cases overdue now; cases resolved or closed in the period by closing reason, and first-contact resolution (of those with a closing reason, the share the contact center resolved itself); and where those finished cases spent their time: per unfinished staff status (`timeInStatus`, in `STAFF_STATUSES` order), how many were ever in it and the median and 90th percentile of their minutes in it, from the recorded status history (cases from before it was recorded are left out); and contacts that arrived in the period by how staff classified them (`byClassification`, the path joined by `/`, `""` when not classified).',
          parameters: PERIOD,
          responses: {
            '200': { description: 'The dashboard.', content: json(ref('Dashboard')) },
            '422': INVALID_PERIOD,
          },
        },
        { forbidden: NOT_FOR_SPECIALISTS },
      ),
    },
    '/v1/agent/dashboard/export.csv': {
      get: agentOperation(
        {
          operationId: 'exportDashboard',
          summary:
            'One table of the dashboard as CSV (UTF-8 with a byte order mark, CRLF; cells a spreadsheet would read as a formula start with an apostrophe).',
          parameters: [
            ...PERIOD,
            {
              name: 'table',
              in: 'query',
              required: true,
              schema: { type: 'string', enum: [...DASHBOARD_TABLES] },
              description:
                'Which table; `status-times` is `timeInStatus` (status, cases, median_minutes, p90_minutes); `classifications` is `byClassification` (classification, contacts, avoidable).',
            },
          ],
          responses: {
            '200': {
              description: 'The table, as an attachment.',
              headers: {
                'Content-Disposition': { schema: { type: 'string' } },
              },
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            '422': INVALID_PERIOD,
          },
        },
        { forbidden: NOT_FOR_SPECIALISTS },
      ),
    },
  };
}

export function agentDashboardSchemas(): JsonObject {
  return { Dashboard: jsonSchema(DashboardSchema, 'output') };
}

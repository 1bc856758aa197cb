import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { OidcOptionsSchema } from '../auth/oidc/oidc-options.js';
import { createAgentAuth } from '../auth/settings.js';
import { compileTrustProxy } from '../middleware/client-address.js';
import { createSseHub } from '../sse/hub.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';
import { createTestDatabase } from '../test-support/store.js';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
type Operation = {
  responses: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
};

let server: TestServer;
let doc: Doc;
beforeAll(async () => {
  server = await startTestServer();
  const response = await fetch(`${server.url}/v1/openapi.json`);
  expect(response.status).toBe(200);
  doc = (await response.json()) as Doc;
});

type Properties = Record<string, unknown>;
type TimelineEntry = { required: string[]; properties: Record<string, { const?: string }> };

/** A component schema of the document, read as an object schema. */
const objectSchema = (name: string) =>
  doc.components.schemas[name] as { required: string[]; properties: Properties };

/** The agent case's schema, and one kind of its timeline entries. */
function agentCaseSchema() {
  const agentCase = doc.components.schemas.AgentCase as {
    required: string[];
    properties: Properties & {
      timeline: { items: { oneOf?: TimelineEntry[]; anyOf?: TimelineEntry[] } };
    };
  };
  const { items } = agentCase.properties.timeline;
  const entry = (kind: string) =>
    (items.oneOf ?? items.anyOf ?? []).find((each) => each.properties.kind?.const === kind);
  return { ...agentCase, entry };
}

/** The properties of an inbox page's case. */
const inboxCaseProperties = () =>
  (
    doc.components.schemas.AgentCasePage as {
      properties: { cases: { items: { properties: Properties } } };
    }
  ).properties.cases.items.properties;
afterAll(() => server.close());

/** The app's own API routes, read from Hono, as `METHOD /path/{param}`. */
async function appRoutes(): Promise<string[]> {
  const database = await createTestDatabase();
  const store = await database.open();
  try {
    const app = createApp({
      departments: new Map(),
      store,
      logger: pino({ level: 'silent' }),
      extraOrigins: new Set(),
      bodyLimit: 1024,
      rateLimit: { windowMs: 1000, max: 1, reads: false },
      resolveClient: compileTrustProxy(undefined),
      serve: [],
      now: () => new Date(),
      adminApiKeys: [],
      auth: createAgentAuth(),
      // Configured, so its endpoints are routes too (discovery waits for the first sign-in).
      oidc: OidcOptionsSchema.parse({ issuer: 'https://login.example.se', clientId: 'kontakt' }),
      instanceId: 'test',
      lifecycle: { shuttingDown: false },
      hub: createSseHub({ feed: store.events }),
    });
    const routes = app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/v1/'))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    return [...new Set(routes)].sort();
  } finally {
    await store.close();
    await database.remove();
  }
}

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every route the server has, and no other', async () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(documented).toEqual(await appRoutes());
  });

  it('resolves every $ref to a component schema', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/(\w+)/.exec(ref)?.[1] ?? '';
      expect(doc.components.schemas, ref).toHaveProperty(name);
    }
  });

  it('documents the case request body, the receipt, problems and Idempotency-Key', () => {
    const create = doc.paths['/v1/cases']?.post;
    expect(create?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
    );
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '403', '409', '413', '415', '422', '429', '500']),
    );
    expect(JSON.stringify(create?.responses['422'])).toContain('application/problem+json');
    const submission = doc.components.schemas.CaseSubmission as {
      properties: { message: { required: string[]; properties: Record<string, unknown> } };
    };
    // Request bodies are described as input: defaults are not required.
    expect(submission.properties.message.required).not.toContain('answerLanguage');
    expect(submission.properties.message.properties).toHaveProperty('answerChannel');
    expect(doc.components.schemas.Receipt).toMatchObject({
      required: expect.arrayContaining(['reference', 'receiptToken', 'expectedAnswerBy']),
    });
  });

  it("documents a message's photos: message.photos, the department's messagePhotos, their errors", () => {
    const submission = doc.components.schemas.CaseSubmission as {
      properties: { message: { required?: string[]; properties: Record<string, unknown> } };
    };
    expect(submission.properties.message.properties.photos).toMatchObject({
      type: 'array',
      maxItems: 5,
      items: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,43}$' },
    });
    expect(submission.properties.message.required).not.toContain('photos');
    const department = doc.components.schemas.Department as {
      required: string[];
      properties: { messagePhotos: { properties: Record<string, unknown> } };
    };
    expect(department.required).not.toContain('messagePhotos');
    expect(Object.keys(department.properties.messagePhotos.properties).sort()).toEqual([
      'maxBytes',
      'maxCount',
      'maxEdge',
    ]);
    const refused = JSON.stringify(doc.paths['/v1/cases']?.post?.responses['422']);
    for (const words of ['message.photos', 'too_long', 'messagePhotos.maxCount', 'unknown_photo']) {
      expect(refused).toContain(words);
    }
    const upload = JSON.stringify(doc.paths['/v1/photos']?.post);
    expect(upload).toContain('messagePhotos.maxBytes');
    expect(upload).toContain('message.photos');
  });

  it("documents a later message's photos: CaseMessage.photos, their errors, the agents' timeline", () => {
    const message = doc.components.schemas.CaseMessage as {
      required?: string[];
      properties: Record<string, unknown>;
    };
    expect(message.properties.photos).toMatchObject({
      type: 'array',
      maxItems: 5,
      items: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,43}$' },
    });
    expect(message.required).not.toContain('photos');
    const refused = JSON.stringify(
      doc.paths['/v1/cases/{reference}/messages']?.post?.responses['422'],
    );
    for (const words of ['`photos`', 'too_long', 'messagePhotos.maxCount', 'unknown_photo']) {
      expect(refused).toContain(words);
    }
    type Entry = { required: string[]; properties: Record<string, { const?: string }> };
    const agentCase = doc.components.schemas.AgentCase as {
      properties: { timeline: { items: { oneOf?: Entry[]; anyOf?: Entry[] } } };
    };
    const { items } = agentCase.properties.timeline;
    const messageIn = (items.oneOf ?? items.anyOf ?? []).find(
      (entry) => entry.properties.kind?.const === 'message_in',
    );
    expect(messageIn?.properties.photos).toMatchObject({
      type: 'array',
      items: { type: 'string' },
    });
    expect(messageIn?.required).toContain('photos');
  });

  it('documents an answer by letter: the channel, the postal address and its field errors', () => {
    const submission = doc.components.schemas.CaseSubmission as {
      properties: { message: { required: string[]; properties: Record<string, unknown> } };
    };
    const { message } = submission.properties;
    expect(message.properties.answerChannel).toMatchObject({
      enum: ['email', 'phone', 'visit', 'letter'],
    });
    // Required with a letter only, which JSON Schema does not say: the 422 does.
    expect(message.required).not.toContain('postalAddress');
    expect(message.properties.postalAddress).toMatchObject({
      type: 'object',
      required: ['street', 'postalCode', 'city'],
      properties: { street: { maxLength: 120 }, city: { maxLength: 60 } },
    });
    const refused = JSON.stringify(doc.paths['/v1/cases']?.post?.responses['422']);
    for (const words of ['message.postalAddress', 'required_for_channel', 'invalid_postal_code']) {
      expect(refused).toContain(words);
    }
    const register = doc.components.schemas.RegisterCase as { properties: Record<string, unknown> };
    expect(register.properties).toHaveProperty('postalAddress');
    const registerRefused = JSON.stringify(doc.paths['/v1/agent/cases']?.post?.responses['422']);
    expect(registerRefused).toContain('invalid_postal_code');
    const agentCase = doc.components.schemas.AgentCase as {
      properties: { message: { properties: Record<string, unknown> } };
    };
    expect(agentCase.properties.message.properties.postalAddress).toMatchObject({
      anyOf: [{ type: 'object' }, { type: 'null' }],
    });
  });

  it('documents parking until a date: resumeAt in, on the case and timeline, and its refusals', () => {
    const setStatus = objectSchema('SetStatus');
    expect(setStatus.properties.resumeAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(setStatus.required).toEqual(['status']);
    const agentCase = agentCaseSchema();
    expect(agentCase.required).toContain('resumeAt');
    expect(agentCase.properties.resumeAt).toMatchObject({
      anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
    });
    expect(inboxCaseProperties()).toHaveProperty('resumeAt');
    const status = agentCase.entry('status');
    expect(status?.properties.resumeAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(status?.properties.resumed).toMatchObject({ type: 'boolean' });
    const refused = JSON.stringify(
      doc.paths['/v1/agent/cases/{reference}/status']?.post?.responses['422'],
    );
    for (const words of ['resumeAt', 'only_when_paused', 'in_the_past', 'too_far_ahead', '366']) {
      expect(refused).toContain(words);
    }
  });

  it('documents closing reasons: closingReason in, on the case and timeline, its refusals, and the dashboard', () => {
    const reasons = [
      'resolved_by_contact_center',
      'call_transferred',
      'referred_to_self_service',
      'forwarded_to_department',
    ];
    const setStatus = objectSchema('SetStatus');
    expect(setStatus.properties.closingReason).toMatchObject({ type: 'string', enum: reasons });
    expect(setStatus.required).toEqual(['status']);
    const agentCase = agentCaseSchema();
    expect(agentCase.required).toContain('closingReason');
    expect(agentCase.properties.closingReason).toMatchObject({
      anyOf: [{ type: 'string', enum: reasons }, { type: 'null' }],
    });
    expect(inboxCaseProperties()).toHaveProperty('closingReason');
    expect(agentCase.entry('status')?.properties.closingReason).toMatchObject({
      type: 'string',
      enum: reasons,
    });
    const refused = JSON.stringify(
      doc.paths['/v1/agent/cases/{reference}/status']?.post?.responses['422'],
    );
    for (const words of ['closingReason', 'only_when_finished', 'invalid_option']) {
      expect(refused).toContain(words);
    }

    const dashboard = objectSchema('Dashboard');
    expect(dashboard.required).toEqual(
      expect.arrayContaining(['byClosingReason', 'resolvedByContactCenter']),
    );
    expect(dashboard.properties.byClosingReason).toMatchObject({
      type: 'object',
      required: ['rows', 'otherContacts'],
    });
    expect(dashboard.properties.resolvedByContactCenter).toMatchObject({
      type: 'object',
      required: ['kept', 'counted', 'share', 'pending'],
    });
    const table = doc.paths['/v1/agent/dashboard/export.csv']?.get?.parameters?.find(
      (parameter) => parameter.name === 'table',
    ) as { schema: { enum: string[] } } | undefined;
    expect(table?.schema.enum).toContain('closing-reasons');
  });

  it('documents priorities: the action and its refusals, on the case, the timeline and the inbox query', () => {
    const priorities = ['high', 'medium', 'low'];
    const setPriority = objectSchema('SetPriority');
    expect(setPriority.required).toEqual(['priority']);
    expect(setPriority.properties.priority).toMatchObject({ type: 'string', enum: priorities });
    const operation = doc.paths['/v1/agent/cases/{reference}/priority']?.post;
    expect(operation?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['reference', 'If-Match', 'X-CSRF-Token']),
    );
    expect(Object.keys(operation?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '404', '412', '422']),
    );
    const refused = JSON.stringify(operation?.responses['422']);
    for (const words of ['priority', 'invalid_option']) expect(refused).toContain(words);
    const agentCase = agentCaseSchema();
    expect(agentCase.required).toContain('priority');
    expect(agentCase.properties.priority).toMatchObject({
      type: 'string',
      enum: priorities,
      default: 'medium',
    });
    expect(inboxCaseProperties()).toHaveProperty('priority');
    const entry = agentCase.entry('priority');
    expect(entry?.required).toEqual(expect.arrayContaining(['kind', 'priority', 'actor']));
    expect(entry?.properties.priority).toMatchObject({ type: 'string', enum: priorities });
    const filter = doc.paths['/v1/agent/cases']?.get?.parameters?.find(
      (parameter) => parameter.name === 'priority',
    ) as { in: string; schema: { enum: string[] } } | undefined;
    expect(filter).toMatchObject({ in: 'query', schema: { enum: priorities } });
  });

  it('documents the inbox order: newest first by default, or oldest first', () => {
    const order = doc.paths['/v1/agent/cases']?.get?.parameters?.find(
      (parameter) => parameter.name === 'order',
    );
    expect(order).toMatchObject({
      in: 'query',
      schema: { enum: ['newest', 'oldest'], default: 'newest' },
    });
  });

  it('documents classification: the labels, the action and its refusals, the case, timeline, inbox filter and dashboard', () => {
    const list = doc.paths['/v1/agent/classification']?.get;
    expect(list?.responses).toHaveProperty('200');
    const labels = objectSchema('ClassificationList') as unknown as {
      properties: {
        departments: { items: { properties: { labels: { items: { required: string[] } } } } };
      };
    };
    const labelSchema = labels.properties.departments.items.properties.labels.items;
    expect(labelSchema.required).toEqual(
      expect.arrayContaining(['id', 'name', 'parent', 'escalates']),
    );
    // The address is the server's: not in the document's label either.
    expect(JSON.stringify(labelSchema)).not.toContain('escalationEmail');

    const classify = objectSchema('Classify');
    expect(classify.required).toEqual(['path']);
    expect(classify.properties.path).toMatchObject({
      anyOf: [{ type: 'array', minItems: 1, maxItems: 3 }, { type: 'null' }],
    });
    const operation = doc.paths['/v1/agent/cases/{reference}/classification']?.post;
    expect(operation?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['reference', 'If-Match', 'X-CSRF-Token']),
    );
    expect(Object.keys(operation?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '404', '412', '422']),
    );
    expect(JSON.stringify(operation?.responses['422'])).toContain('unknown_label');
    expect(JSON.stringify(operation)).toContain('escalated');

    const agentCase = agentCaseSchema();
    expect(agentCase.required).toContain('classification');
    expect(agentCase.properties.classification).toMatchObject({
      anyOf: [{ type: 'array', maxItems: 3 }, { type: 'null' }],
    });
    expect(inboxCaseProperties()).toHaveProperty('classification');
    const entry = agentCase.entry('classification');
    expect(entry?.required).toEqual(expect.arrayContaining(['kind', 'path', 'actor']));
    expect(entry?.properties).toHaveProperty('escalated');
    const filter = doc.paths['/v1/agent/cases']?.get?.parameters?.find(
      (parameter) => parameter.name === 'classification',
    ) as { in: string; schema: { pattern: string } } | undefined;
    expect(filter).toMatchObject({ in: 'query', schema: { pattern: expect.any(String) } });
    expect(new RegExp(filter?.schema.pattern ?? '^$').test('gata-och-trafik/parkering')).toBe(true);

    const dashboard = objectSchema('Dashboard');
    expect(dashboard.required).toContain('byClassification');
    expect(dashboard.properties.byClassification).toMatchObject({
      type: 'object',
      required: ['rows', 'otherContacts'],
    });
    expect(JSON.stringify(doc.paths['/v1/agent/dashboard']?.get)).toContain('byClassification');
    const table = doc.paths['/v1/agent/dashboard/export.csv']?.get?.parameters?.find(
      (parameter) => parameter.name === 'table',
    ) as { schema: { enum: string[] }; description: string } | undefined;
    expect(table?.schema.enum).toContain('classifications');
    expect(table?.description).toContain('classifications');
  });

  it('documents the status history on the case, and the time in each status on the dashboard', () => {
    const statuses = [
      'received',
      'assigned',
      'in_progress',
      'parked',
      'waiting_for_citizen',
      'forwarded',
      'resolved',
      'closed',
      'duplicate',
    ];
    const agentCase = agentCaseSchema();
    expect(agentCase.required).toContain('statusHistory');
    const history = agentCase.properties.statusHistory as {
      type: string;
      items: { required: string[]; properties: Properties };
    };
    expect(history.type).toBe('array');
    expect(history.items.required).toEqual(expect.arrayContaining(['status', 'from', 'until']));
    expect(history.items.properties.status).toMatchObject({ type: 'string', enum: statuses });
    expect(history.items.properties.from).toMatchObject({ type: 'string', format: 'date-time' });
    expect(history.items.properties.until).toMatchObject({
      anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
    });
    const read = JSON.stringify(doc.paths['/v1/agent/cases/{reference}']?.get);
    for (const words of ['statusHistory', 'createdAt', 'until: null'])
      expect(read).toContain(words);

    const dashboard = objectSchema('Dashboard');
    expect(dashboard.required).toContain('timeInStatus');
    const timeInStatus = dashboard.properties.timeInStatus as {
      type: string;
      items: { required: string[]; properties: Properties };
    };
    expect(timeInStatus.type).toBe('array');
    expect(timeInStatus.items.required).toEqual(
      expect.arrayContaining(['status', 'cases', 'medianMinutes', 'p90Minutes']),
    );
    expect(timeInStatus.items.properties.status).toMatchObject({ enum: statuses });
    expect(JSON.stringify(doc.paths['/v1/agent/dashboard']?.get)).toContain('timeInStatus');
    const table = doc.paths['/v1/agent/dashboard/export.csv']?.get?.parameters?.find(
      (parameter) => parameter.name === 'table',
    ) as { schema: { enum: string[] }; description: string } | undefined;
    expect(table?.schema.enum).toContain('status-times');
    expect(table?.description).toContain('status-times');
  });

  it('documents ETag, If-None-Match and 304 for the department reads', () => {
    for (const operation of [
      doc.paths['/v1/departments']?.get,
      doc.paths['/v1/departments/{id}']?.get,
    ]) {
      expect(operation?.parameters).toContainEqual(
        expect.objectContaining({ name: 'If-None-Match', in: 'header' }),
      );
      const responses = operation?.responses as Record<string, { headers?: object }>;
      expect(responses['200']?.headers).toHaveProperty('ETag');
      expect(responses['200']?.headers).toHaveProperty('Cache-Control');
      expect(responses['304']?.headers).toHaveProperty('ETag');
      expect(responses['304']).not.toHaveProperty('content');
    }
  });
});

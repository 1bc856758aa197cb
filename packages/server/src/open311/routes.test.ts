import { readFile } from 'node:fs/promises';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, hashApiKey } from '../api-keys.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts, validSubmission } from '../test-support/index.js';

/*
 * Open311 GeoReport v2 over real HTTP on the store under test: every JSON answer checked against
 * the shared GeoReport v2 JSON Schemas (open311/schema-validation), every XML answer read back to
 * the same data as the JSON one, element names and nesting compared with answers captured from
 * real servers (Washington DC, Boston), and requests filed the way the spec's examples file them.
 */

const KEY = createApiKey();
let server: TestServer;
let anna: TestSession;
let schemas: Record<'services' | 'definition' | 'requests', ValidateFunction>;

beforeAll(async () => {
  server = await startTestServer({
    accounts: await testAccounts(),
    // Limits have their own test (limits.test.ts); here a file's worth of requests must pass.
    rateLimit: { windowMs: 60_000, max: 1000 },
    open311: {
      clients: [{ id: 'felanmalan-app', hash: hashApiKey(KEY) }],
      jurisdictionId: 'kommun.example.se',
      contact: 'open311@kommun.example.se',
      changeset: '2026-12-01T08:00:00+01:00',
    },
  });
  anna = await signIn(server.url, 'anna');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of ['request', 'requests', 'service', 'services', 'service-definition']) {
    ajv.addSchema(JSON.parse(await local(`schema/${name}.json`)), `${name}.json`);
  }
  schemas = {
    services: ajv.getSchema('services.json') as ValidateFunction,
    definition: ajv.getSchema('service-definition.json') as ValidateFunction,
    requests: ajv.getSchema('requests.json') as ValidateFunction,
  };
});

afterAll(async () => {
  await server?.close();
});

const local = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');

/** JSON that passes `schema`, with ajv's complaint as the failure message otherwise. */
function expectValid(schema: ValidateFunction, data: unknown): void {
  const valid = schema(data);
  expect(schema.errors ?? [], JSON.stringify(data)).toEqual([]);
  expect(valid).toBe(true);
}

// Lists are read as lists wherever Open311 has one, even with a single item.
const LISTS = new Set([
  'service',
  'request',
  'attribute',
  'value',
  'endpoint',
  'format',
  'error',
  'note',
]);
const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

/** An XML document as data; ours must declare UTF-8 (captured ones say it in lower case). */
function readXml(text: string, ours = true): Record<string, unknown> {
  if (ours) expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}
const captured = async (name: string) => readXml(await local(`fixtures/${name}`), false);

/**
 * An XML document read back as the JSON answer has it: every leaf a string ('' for empty),
 * lists unwrapped from their wrapper (`<values><value>…` → `values: […]`).
 */
function asStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asStrings);
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asStrings(v)]));
  }
  return String(value);
}
const unwrap = (list: unknown, item: string): unknown =>
  list === '' ? [] : ((list as Record<string, unknown>)[item] ?? []);

/** The element names of a document's first record of each kind, to compare with a real server's. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return shape(value[0]);
  if (value === null || typeof value !== 'object') return 'text';
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, shape(v)]),
  );
}

async function getBoth(path: string): Promise<{ json: unknown; xml: Record<string, unknown> }> {
  const [json, xml] = await Promise.all([
    fetch(`${server.url}/open311/v2/${path}.json`),
    fetch(`${server.url}/open311/v2/${path}.xml`),
  ]);
  expect(json.status).toBe(200);
  expect(xml.status).toBe(200);
  expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  return { json: await json.json(), xml: readXml(await xml.text()) };
}

function form(fields: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const each of Array.isArray(value) ? value : [value]) params.append(name, each);
  }
  return params;
}

const file = (fields: Record<string, string | string[]>, format = 'json') =>
  fetch(`${server.url}/open311/v2/requests.${format}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form(fields),
  });

/** A street light report as the spec's example files one: a point, answers, a person. */
const streetLight = {
  api_key: KEY,
  service_code: 'gata.gatubelysning',
  lat: '55.605123',
  long: '13.003812',
  address_string: 'Stortorget 1, Malmö',
  'attribute[hur]': 'blinkar',
  'attribute[var][]': ['gata', 'park'],
  'attribute[antal]': '2',
  email: 'anna.andersson@example.se',
  first_name: 'Anna',
  last_name: 'Andersson',
  phone: '040-123 45 67',
  device_id: 'device-1',
  account_id: 'konto-42',
  description: 'Lampan vid fontänen blinkar hela natten.',
  media_url: 'https://bilder.example.se/lampa.jpg',
};

async function fileStreetLight(fields: Record<string, string | string[]> = {}): Promise<string> {
  const response = await file({ ...streetLight, ...fields });
  expect(response.status, await response.clone().text()).toBe(201);
  const [created] = (await response.json()) as { service_request_id: string }[];
  return created?.service_request_id ?? '';
}

describe('discovery', () => {
  it('names this endpoint in both formats, shaped as a real server says it', async () => {
    const { json, xml } = await getBoth('discovery');
    expect(json).toMatchObject({
      changeset: '2026-12-01T07:00:00Z',
      contact: 'open311@kommun.example.se',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${server.url}/open311/v2`,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const discovery = xml.discovery as Record<string, unknown>;
    const endpoints = unwrap(discovery.endpoints, 'endpoint') as Record<string, unknown>[];
    expect(endpoints.map((e) => ({ ...e, formats: unwrap(e.formats, 'format') }))).toEqual(
      asStrings((json as { endpoints: unknown }).endpoints),
    );
    const dc = await captured('discovery-dc.xml');
    expect(shape(xml)).toEqual(shape(dc));
    const boston = JSON.parse(await local('fixtures/discovery-boston.json'));
    expect(shape(json)).toEqual(shape(boston));
  });
});

describe('services', () => {
  it('lists one service per fault category of every department, valid by the schema', async () => {
    const { json, xml } = await getBoth('services');
    expectValid(schemas.services, json);
    const list = json as Record<string, unknown>[];
    expect(list.map((service) => service.service_code)).toEqual([
      'gata.gatubelysning',
      'gata.hal-i-gata',
      'gata.klotter',
    ]);
    expect(list[0]).toEqual({
      service_code: 'gata.gatubelysning',
      service_name: 'Gatubelysning',
      description: null,
      metadata: true,
      type: 'realtime',
      keywords: 'lykta, lampa, stolpe',
      group: 'Gata och trafik',
    });
    expect(list[2]).toMatchObject({ metadata: false, group: 'Park och natur', keywords: null });
    expect(unwrap(xml.services, 'service')).toEqual(asStrings(json));
    const dc = await captured('dc-services.xml');
    expect(shape(xml)).toEqual(shape(dc));
  });

  it('defines a service by its questions, in order, valid by the schema', async () => {
    const { json, xml } = await getBoth('services/gata.gatubelysning');
    expectValid(schemas.definition, json);
    const definition = json as { service_code: string; attributes: Record<string, unknown>[] };
    expect(definition.service_code).toBe('gata.gatubelysning');
    expect(definition.attributes.map((a) => [a.order, a.code, a.datatype, a.variable])).toEqual([
      [1, 'info', 'text', false],
      [2, 'hur', 'singlevaluelist', true],
      [3, 'stolpnummer', 'string', true],
      [4, 'antal', 'number', true],
      [5, 'sedan', 'datetime', true],
      [6, 'var', 'multivaluelist', true],
    ]);
    expect(definition.attributes[1]).toMatchObject({
      required: true,
      description: 'Lyser lampan inte alls, eller blinkar den?',
      values: [
        { key: 'slackt', name: 'Helt släckt' },
        { key: 'blinkar', name: 'Blinkar' },
        { key: 'dagtid', name: 'Lyser dagtid' },
      ],
    });
    const root = xml.service_definition as Record<string, unknown>;
    const attributes = unwrap(root.attributes, 'attribute') as Record<string, unknown>[];
    expect({
      service_code: root.service_code,
      attributes: attributes.map((a) => ({ ...a, values: unwrap(a.values, 'value') })),
    }).toEqual(asStrings(json));
    const dc = await captured('dc-services-S0301.xml');
    expect(shape(xml)).toEqual(shape(dc));
  });

  it('answers an unknown service 404 in the spec error format of either kind', async () => {
    const json = await fetch(`${server.url}/open311/v2/services/gata.nope.json`);
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual([
      { code: 404, description: 'There is no service with the code gata.nope.' },
    ]);
    const xml = await fetch(`${server.url}/open311/v2/services/gata.nope.xml`);
    expect(xml.status).toBe(404);
    const errors = readXml(await xml.text());
    expect(errors).toEqual({
      errors: {
        error: [{ code: '404', description: 'There is no service with the code gata.nope.' }],
      },
    });
    const boston = await captured('boston-err-submitrequest-base_is_duplicate.xml');
    expect(shape(errors)).toEqual(shape(boston));
  });

  it('takes the format from ?format= and answers XML without one', async () => {
    const json = await fetch(`${server.url}/open311/v2/services?format=json`);
    expect(json.headers.get('content-type')).toContain('application/json');
    const xml = await fetch(`${server.url}/open311/v2/services/gata.klotter`);
    expect(xml.status).toBe(200);
    expect(readXml(await xml.text())).toMatchObject({
      service_definition: { service_code: 'gata.klotter', attributes: '' },
    });
  });
});

describe('service requests', () => {
  it('files a form-encoded request as a case and answers its reference, never a token', async () => {
    const response = await file(streetLight);
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown>[];
    expect(created).toEqual([
      {
        service_request_id: expect.stringMatching(/^KC-/),
        service_notice: expect.stringContaining('Mottaget'),
        account_id: 'konto-42',
      },
    ]);
    const reference = created[0]?.service_request_id as string;

    const { json, xml } = await getBoth(`requests/${reference}`);
    expectValid(schemas.requests, json);
    const [request] = json as Record<string, unknown>[];
    expect(request).toEqual({
      service_request_id: reference,
      status: 'open',
      status_notes: 'Mottaget. Vi har fått ditt ärende och börjar titta på det snart.',
      service_name: 'Gatubelysning',
      service_code: 'gata.gatubelysning',
      description: 'Lampan vid fontänen blinkar hela natten.',
      agency_responsible: 'Fastighets- och gatukontoret',
      service_notice: null,
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_datetime: expect.stringMatching(/Z$/),
      expected_datetime: expect.stringMatching(/Z$/),
      address: 'Stortorget 1, Malmö',
      // Rounded to about ten metres, as every public view of a report.
      lat: 55.6051,
      long: 13.0038,
      media_url: 'https://bilder.example.se/lampa.jpg',
    });
    const text = JSON.stringify(json);
    for (const personal of ['Anna', 'Andersson', 'anna.andersson', '040', 'konto-42', 'device-1']) {
      expect(text).not.toContain(personal);
    }
    expect(unwrap(xml.service_requests, 'request')).toEqual(asStrings(json));
    const real = await captured('service-request.xml');
    // Ours has no address_id or zipcode (kontakt keeps neither); otherwise the same elements.
    const theirs = shape(real) as { service_requests: { request: Record<string, unknown> } };
    const { address_id: _id, zipcode: _zip, ...common } = theirs.service_requests.request;
    expect(shape(xml)).toEqual({ service_requests: { request: common } });
  });

  it('answers a request filed in XML with the same created request in XML', async () => {
    const response = await file({ ...streetLight, account_id: [] }, 'xml');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(readXml(await response.text())).toEqual({
      service_requests: {
        request: [
          {
            service_request_id: expect.stringMatching(/^KC-/),
            service_notice: expect.stringContaining('Mottaget'),
            account_id: '',
          },
        ],
      },
    });
  });

  it('puts the case in the agent inbox from the widget open311, with the answers checked', async () => {
    const reference = await fileStreetLight();
    const response = await fetch(`${server.url}/v1/agent/cases/${reference}`, {
      headers: anna.headers,
    });
    expect(response.status).toBe(200);
    const agentCase = (await response.json()) as Record<string, unknown>;
    expect(agentCase).toMatchObject({
      reference,
      channel: 'fault_report',
      topic: 'gatubelysning',
      origin: expect.objectContaining({ widget: 'open311' }),
    });
    const inbox = await fetch(`${server.url}/v1/agent/cases?channel=fault_report`, {
      headers: anna.headers,
    });
    const page = (await inbox.json()) as { cases: { reference: string }[] };
    expect(page.cases.map((item) => item.reference)).toContain(reference);
  });

  it('shows an agent’s status change as open → closed with the public note', async () => {
    const reference = await fileStreetLight();
    const status = await fetch(`${server.url}/v1/agent/cases/${reference}/status`, {
      method: 'POST',
      headers: { ...anna.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        status: 'resolved',
        visibility: 'public',
        note: 'Lampan byttes i dag.',
      }),
    });
    expect(status.status, await status.clone().text()).toBe(200);
    const { json } = await getBoth(`requests/${reference}`);
    expectValid(schemas.requests, json);
    expect(json).toEqual([
      expect.objectContaining({
        status: 'closed',
        status_notes:
          'Åtgärdat. Det du anmälde är åtgärdat eller ditt ärende är besvarat. Lampan byttes i dag.',
      }),
    ]);
    const withNotes = await fetch(
      `${server.url}/open311/v2/requests/${reference}.json?extensions=true`,
    );
    const [extended] = (await withNotes.json()) as { notes: unknown[] }[];
    expectValid(schemas.requests, [extended]);
    expect(extended?.notes).toEqual([
      {
        datetime: expect.stringMatching(/Z$/),
        description: 'Mottaget. Vi har fått ditt ärende och börjar titta på det snart.',
        type: 'opened',
      },
      {
        datetime: expect.stringMatching(/Z$/),
        description:
          'Åtgärdat. Det du anmälde är åtgärdat eller ditt ärende är besvarat. Lampan byttes i dag.',
        type: 'closed',
      },
    ]);
    const xml = await fetch(`${server.url}/open311/v2/requests/${reference}.xml?extensions=true`);
    const notes = (
      readXml(await xml.text()) as {
        service_requests: { request: { notes: { note: unknown[] } }[] };
      }
    ).service_requests.request[0]?.notes.note;
    expect(notes).toEqual(asStrings(extended?.notes));
    const closed = await fetch(`${server.url}/open311/v2/requests.json?status=closed`);
    const list = (await closed.json()) as { service_request_id: string; status: string }[];
    expect(list.map((r) => r.service_request_id)).toContain(reference);
    expect(new Set(list.map((r) => r.status))).toEqual(new Set(['closed']));
  });

  it('shows a report an agent marked a duplicate as closed, naming the one it duplicates', async () => {
    const first = await fileStreetLight();
    const second = await fileStreetLight();
    const marked = await fetch(`${server.url}/v1/agent/cases/${second}/duplicate`, {
      method: 'POST',
      headers: { ...anna.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ of: first }),
    });
    expect(marked.status, await marked.clone().text()).toBe(200);
    const [request] = (await (
      await fetch(`${server.url}/open311/v2/requests/${second}.json`)
    ).json()) as Record<string, unknown>[];
    expect(request).toMatchObject({
      status: 'closed',
      status_notes: `Redan anmält. Samma sak var redan anmäld. Den anmälan hanteras i stället. Se ärende ${first}.`,
    });
  });

  it('accepts the quirks of real clients: repeated keys, strings, the singular alias', async () => {
    const reference = await fileStreetLight({
      'attribute[var][]': [],
      'attribute[var]': ['gata', 'gangvag'],
      jurisdiction_id: 'kommun.example.se',
      lat: ' 55.6 ',
      long: '13',
      address_string: '',
      media_url: '',
    });
    const stored = await server.database.inspect((db) =>
      db
        .selectFrom('fault_reports')
        .select('answers')
        .where('case_reference', '=', reference)
        .executeTakeFirstOrThrow(),
    );
    expect(JSON.parse(stored.answers)).toEqual({
      hur: 'blinkar',
      antal: 2,
      var: ['gata', 'gangvag'],
    });
    const alias = await fetch(`${server.url}/open311/v2/request/${reference}.json`);
    const [request] = (await alias.json()) as Record<string, unknown>[];
    expect(request).toMatchObject({ lat: 55.6, long: 13, address: null, media_url: null });
  });

  it('takes e-mail addresses, phone numbers and personal numbers typed into the text out', async () => {
    const reference = await fileStreetLight({
      description: 'Lampan är släckt. Ring mig på 070-123 45 67 eller mejla a.b@example.se.',
      address_string: 'Utanför Storgatan 5 (personnummer 811218-9876)',
    });
    const [request] = (await (
      await fetch(`${server.url}/open311/v2/requests/${reference}.json`)
    ).json()) as Record<string, unknown>[];
    expect(request).toMatchObject({
      description: 'Lampan är släckt. Ring mig på [borttaget] eller mejla [borttaget].',
      address: 'Utanför Storgatan 5 (personnummer [borttaget])',
    });
  });

  it('files with only an address, or an address_id, and without a description', async () => {
    const reference = await fileStreetLight({ lat: [], long: [] });
    const byId = await fileStreetLight({
      lat: [],
      long: [],
      address_string: [],
      address_id: 'FAST-1234',
      description: [],
    });
    const response = await fetch(
      `${server.url}/open311/v2/requests.json?service_request_id=${reference},${byId}`,
    );
    const list = (await response.json()) as Record<string, unknown>[];
    expectValid(schemas.requests, list);
    expect(list.map((r) => [r.service_request_id, r.address, r.lat, r.description])).toEqual([
      [byId, 'FAST-1234', null, 'Gatubelysning'],
      [reference, 'Stortorget 1, Malmö', null, 'Lampan vid fontänen blinkar hela natten.'],
    ]);
  });

  it('refuses a missing or wrong api_key with 403 before anything else', async () => {
    for (const api_key of [[], 'kk_wrong']) {
      const response = await file({ ...streetLight, api_key, service_code: 'nope' });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual([
        { code: 403, description: 'api_key is missing or not valid.' },
      ]);
    }
    const xml = await file({ ...streetLight, api_key: 'kk_wrong' }, 'xml');
    expect(readXml(await xml.text())).toEqual({
      errors: { error: [{ code: '403', description: 'api_key is missing or not valid.' }] },
    });
  });

  it('answers every invalid field 400, named as the client sent it', async () => {
    const cases: [Record<string, string | string[]>, string[]][] = [
      [{ service_code: 'gata.nope' }, ['service_code: there is no service gata.nope']],
      [
        { lat: [], long: [], address_string: [] },
        ['A location is required: lat and long, address_string or address_id.'],
      ],
      [{ lat: 'north' }, ['lat: invalid_format (a WGS84 decimal degree, e.g. 55.605)']],
      [{ long: [], address_string: [] }, ['long: required']],
      [{ lat: '95' }, ['lat: invalid_format']],
      [
        { media_url: 'javascript:alert(1)' },
        ['media_url: invalid_url (an absolute http or https URL)'],
      ],
      [
        { 'attribute[hur]': [], 'attribute[antal]': 'två', 'attribute[okand]': 'x' },
        [
          'attribute[okand]: unknown_attribute',
          'attribute[hur]: required',
          'attribute[antal]: invalid_format',
        ],
      ],
      [
        { email: 'inte-en-adress', description: 'x'.repeat(4001) },
        ['description: too_long', 'email: invalid_email'],
      ],
      [
        { jurisdiction_id: 'annan.example.se' },
        ['This endpoint does not serve the jurisdiction annan.example.se.'],
      ],
    ];
    for (const [fields, descriptions] of cases) {
      const response = await file({ ...streetLight, ...fields });
      const status = fields.jurisdiction_id ? 404 : 400;
      expect(response.status, JSON.stringify(fields)).toBe(status);
      const errors = (await response.json()) as { code: number; description: string }[];
      expect(errors.map((e) => e.description).sort(), JSON.stringify(fields)).toEqual(
        [...descriptions].sort(),
      );
      expect(new Set(errors.map((e) => e.code))).toEqual(new Set([status]));
    }
  });

  it('answers a retry with the same Idempotency-Key with the first request, filed once', async () => {
    const retry = () =>
      fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Idempotency-Key': 'open311-retry-1',
        },
        body: form(streetLight),
      });
    const first = (await (await retry()).json()) as { service_request_id: string }[];
    const again = await retry();
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(first);
    const rows = await server.database.inspect((db) =>
      db
        .selectFrom('open311_requests')
        .select(['client_id', 'account_id', 'device_id'])
        .where('case_reference', '=', first[0]?.service_request_id ?? '')
        .execute(),
    );
    expect(rows).toEqual([
      { client_id: 'felanmalan-app', account_id: 'konto-42', device_id: 'device-1' },
    ]);
  });

  it('reads a multipart form the same way, leaving its files out', async () => {
    const body = new FormData();
    for (const [name, value] of form({ ...streetLight, media_url: [] })) body.append(name, value);
    body.append(
      'media',
      new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
      'a.jpg',
    );
    const response = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      body,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const [created] = (await response.json()) as { service_request_id: string }[];
    const [request] = (await (
      await fetch(`${server.url}/open311/v2/requests/${created?.service_request_id}.json`)
    ).json()) as Record<string, unknown>[];
    expect(request).toMatchObject({ service_code: 'gata.gatubelysning', media_url: null });
  });

  it('refuses a body that is not a form', async () => {
    const response = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ api_key: KEY }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      { code: 400, description: 'Send the request as application/x-www-form-urlencoded.' },
    ]);
  });

  it('takes the api_key from the query string, as a few clients send it', async () => {
    const { api_key: _key, ...fields } = streetLight;
    const response = await fetch(`${server.url}/open311/v2/requests.json?api_key=${KEY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form(fields),
    });
    expect(response.status).toBe(201);
  });

  it('never shows a case that is not a fault report, not even by its reference', async () => {
    const contact = await fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validSubmission()),
    });
    expect(contact.status).toBe(201);
    const { reference } = (await contact.json()) as { reference: string };
    const one = await fetch(`${server.url}/open311/v2/requests/${reference}.json`);
    expect(one.status).toBe(404);
    const listed = await fetch(
      `${server.url}/open311/v2/requests.json?service_request_id=${reference}`,
    );
    expect(await listed.json()).toEqual([]);
    const all = (await (await fetch(`${server.url}/open311/v2/requests.json`)).json()) as {
      service_request_id: string;
    }[];
    expect(all.map((r) => r.service_request_id)).not.toContain(reference);
  });

  it('answers a token 404: every service is realtime and hands none out', async () => {
    const response = await fetch(`${server.url}/open311/v2/tokens/12345.json`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual([
      expect.objectContaining({ code: 404, description: expect.stringContaining('realtime') }),
    ]);
  });

  it('answers an unknown request 404, and an unknown path 404 in the spec format', async () => {
    for (const path of ['requests/KC-0000-0000.json', 'nothing.json', 'services/a/b.json']) {
      const response = await fetch(`${server.url}/open311/v2/${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual([expect.objectContaining({ code: 404 })]);
    }
  });
});

describe('requests filters', () => {
  it('filters by service_code and status, and lets service_request_id override them', async () => {
    const light = await fileStreetLight();
    const hole = await fileStreetLight({
      service_code: 'gata.hal-i-gata',
      'attribute[hur]': [],
      'attribute[var][]': [],
      'attribute[antal]': [],
    });
    const pick = async (query: string) => {
      const response = await fetch(`${server.url}/open311/v2/requests.json?${query}`);
      expect(response.status, query).toBe(200);
      const list = (await response.json()) as { service_request_id: string }[];
      expectValid(schemas.requests, list);
      return list.map((r) => r.service_request_id);
    };
    const holes = await pick('service_code=gata.hal-i-gata');
    expect(holes).toContain(hole);
    expect(holes).not.toContain(light);
    expect(await pick('service_code=gata.gatubelysning&status=open')).toContain(light);
    expect(await pick('service_code=gata.gatubelysning&status=closed')).not.toContain(light);
    expect(await pick('service_code=nobody.nothing')).toEqual([]);
    expect(await pick(`service_request_id=${hole}&service_code=gata.gatubelysning`)).toEqual([
      hole,
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await pick(`start_date=${today}T00:00:00Z`)).toEqual(
      expect.arrayContaining([light, hole]),
    );
    expect(await pick('end_date=2020-01-01T00:00:00Z')).toEqual([]);
    // The spec's own example query.
    expect(
      await pick('start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z&status=open'),
    ).toEqual([]);
    const xml = await fetch(
      `${server.url}/open311/v2/requests.xml?service_code=gata.gatubelysning`,
    );
    const list = readXml(await xml.text()) as { service_requests: { request: unknown[] } };
    expect(list.service_requests.request.length).toBeGreaterThan(1);
    const real = shape(await captured('service-requests.xml')) as {
      service_requests: { request: Record<string, unknown> };
    };
    const { address_id: _id, zipcode: _zip, ...common } = real.service_requests.request;
    expect(shape(list)).toEqual({ service_requests: { request: common } });
  });

  it('refuses dates more than 90 days apart, or not dates at all', async () => {
    for (const [query, description] of [
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 'at most 90 days'],
      ['start_date=yesterday', 'start_date must be an ISO 8601 date-time'],
      ['status=pending', 'status must be open, closed'],
    ]) {
      const response = await fetch(`${server.url}/open311/v2/requests.json?${query}`);
      expect(response.status, query).toBe(400);
      const [error] = (await response.json()) as { description: string }[];
      expect(error?.description).toContain(description);
    }
  });

  it('answers HEAD and OPTIONS, and refuses another jurisdiction_id on reads too', async () => {
    const head = await fetch(`${server.url}/open311/v2/services.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toContain('application/json');
    const options = await fetch(`${server.url}/open311/v2/services.json`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    const same = await fetch(
      `${server.url}/open311/v2/services.json?jurisdiction_id=kommun.example.se`,
    );
    expect(same.status).toBe(200);
    const other = await fetch(
      `${server.url}/open311/v2/services.xml?jurisdiction_id=annan.example.se`,
    );
    expect(other.status).toBe(404);
    expect(readXml(await other.text())).toEqual({
      errors: {
        error: [
          {
            code: '404',
            description: 'This endpoint does not serve the jurisdiction annan.example.se.',
          },
        ],
      },
    });
  });

  it('lets any page read, and no page file', async () => {
    const origin = { Origin: 'https://karta.example.org' };
    const services = await fetch(`${server.url}/open311/v2/services.json`, { headers: origin });
    expect(services.headers.get('access-control-allow-origin')).toBe('*');
    const filed = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { ...origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form(streetLight),
    });
    expect(filed.status).toBe(201);
    expect(filed.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = (method: string) =>
      fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'OPTIONS',
        headers: {
          ...origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': 'accept-language',
        },
      });
    const read = await preflight('GET');
    expect(read.status).toBe(204);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-allow-headers')).toContain('Accept-Language');
    const post = await preflight('POST');
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

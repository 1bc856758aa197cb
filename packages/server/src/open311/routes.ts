import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { faultSettingsOf } from '../faults/settings.js';
import { setHeader } from '../http/response-headers.js';
import { bodyLimit } from '../middleware/body-limit.js';
import type { Open311Format } from './answer.js';
import {
  answer,
  errorAnswer,
  formatOf,
  Open311Error,
  splitFormat,
  toOpen311Error,
} from './answer.js';
import { discoveryDocument } from './discovery.js';
import { requestQueryOf } from './filters.js';
import type { Open311RequestRow } from './operations.js';
import { dateTime, toOpen311Request } from './requests.js';
import type { DepartmentCatalog, ServiceEntry } from './services.js';
import { serviceIndex, toService, toServiceDefinition } from './services.js';
import type { Open311Settings } from './settings.js';
import { checkJurisdictionId } from './settings.js';
import { submitOpen311Request } from './submit.js';

/*
 * Open311 GeoReport v2 at `/open311/v2/`: discovery, services, service definitions, service
 * requests (read and filed) and tokens, each as `.json` or `.xml` (or `?format=`). Outside `/v1`,
 * so it picks its middleware itself: CORS open to every origin for reading (public data, no
 * credentials: a map in any browser may show it), none for filing (an `api_key` belongs on a
 * server, never in a page); the API's per-client rate limits and body limit; and errors in the
 * spec's shape rather than problem+json.
 */

export interface Open311RouteOptions {
  settings: Open311Settings;
  /** The API's per-client rate limit, shared with `/v1` so a client has one budget. */
  rateLimit: MiddlewareHandler<AppEnv>;
}

/** Services change only with the configuration (five minutes), requests as cases move (one). */
const SERVICES_CACHE = 'public, max-age=300';
const REQUESTS_CACHE = 'public, max-age=60';

/** What every handler of the endpoint reads: the app, its settings, the services by code. */
interface Endpoint {
  ctx: AppContext;
  settings: Open311Settings;
  services: ReadonlyMap<string, ServiceEntry>;
  /** Discovery's `changeset`. */
  changeset: string;
}

/**
 * The Open311 GeoReport v2 endpoint, mounted at `/open311/v2` by `createApp`. Its services are
 * the fault categories of the departments as configured at start.
 */
export function open311Routes(ctx: AppContext, options: Open311RouteOptions): Hono<AppEnv> {
  const { settings } = options;
  const endpoint: Endpoint = {
    ctx,
    settings,
    services: serviceIndex(catalogsOf(ctx)),
    changeset: dateTime(settings.changeset ?? ctx.now().toISOString()),
  };
  const routes = new Hono<AppEnv>();
  routes.onError((error, c) => errorResponse(c, ctx, error));
  routes.use(openReads);
  routes.use(options.rateLimit);
  routes.use(bodyLimit(ctx.bodyLimit));
  routes.use(checkJurisdiction(settings));
  routes.get('/:file', (c) => topLevel(c, endpoint));
  routes.get('/services/:file', (c) => serviceDefinition(c, endpoint));
  // The spec says `requests/{id}`; community Swagger files say `request/{id}`: both answer.
  routes.get('/requests/:file', (c) => oneRequest(c, endpoint));
  routes.get('/request/:file', (c) => oneRequest(c, endpoint));
  routes.get('/tokens/:file', token);
  routes.post('/:file', (c) => fileRequest(c, endpoint));
  routes.all('*', (c) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, preflight(c));
    throw notFound(c);
  });
  return routes;
}

/** The fault catalogs of the departments that take fault reports. */
function catalogsOf(ctx: AppContext): DepartmentCatalog[] {
  const catalogs: DepartmentCatalog[] = [];
  for (const department of ctx.departments.values()) {
    const faults = faultSettingsOf(department);
    if (faults) catalogs.push({ department: department.id, ...faults });
  }
  return catalogs;
}

/** Any error in the spec's shape; one the client cannot have caused is logged and a 500. */
function errorResponse(c: Context<AppEnv>, ctx: AppContext, error: Error): Response {
  const open311 = toOpen311Error(error);
  if (open311) return errorAnswer(c, formatOf(c), open311);
  ctx.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
  const failure = new Open311Error(500, 'Something went wrong on the server.');
  return errorAnswer(c, formatOf(c), failure);
}

/** `discovery.{fmt}`, `services.{fmt}` and `requests.{fmt}`. */
function topLevel(c: Context<AppEnv>, endpoint: Endpoint): Response | Promise<Response> {
  const { name, format } = resource(c, 'file');
  const { settings, services } = endpoint;
  if (name === 'discovery') {
    const url = settings.publicUrl ?? `${new URL(c.req.url).origin}/open311/v2`;
    return answer(c, format, 'discovery', discoveryDocument(settings, url, endpoint.changeset));
  }
  if (name === 'services') {
    const list = [...services.values()].map(toService);
    return answer(c, format, 'services', list, 200, { 'Cache-Control': SERVICES_CACHE });
  }
  if (name === 'requests') return listRequests(c, endpoint, format);
  throw notFound(c);
}

function serviceDefinition(c: Context<AppEnv>, { services }: Endpoint): Response {
  const { name, format } = resource(c, 'file');
  const entry = services.get(name);
  if (!entry) throw new Open311Error(404, `There is no service with the code ${name}.`);
  return answer(c, format, 'service_definition', toServiceDefinition(entry), 200, {
    'Cache-Control': SERVICES_CACHE,
  });
}

async function listRequests(
  c: Context<AppEnv>,
  endpoint: Endpoint,
  format: Open311Format,
): Promise<Response> {
  const { ctx, services } = endpoint;
  const query = requestQueryOf(new URL(c.req.url).searchParams, services, ctx.now());
  const rows = await ctx.store.read('selectOpen311Requests', query);
  return requestsAnswer(c, endpoint, format, rows);
}

/** `requests/{id}.{fmt}`: a list of one, or 404. */
async function oneRequest(c: Context<AppEnv>, endpoint: Endpoint): Promise<Response> {
  const { name, format } = resource(c, 'file');
  const rows = await endpoint.ctx.store.read('selectOpen311Requests', {
    references: [name],
    limit: 1,
    withNotes: c.req.query('extensions') === 'true',
  });
  if (rows.length === 0) throw new Open311Error(404, `There is no service request ${name}.`);
  return requestsAnswer(c, endpoint, format, rows);
}

function requestsAnswer(
  c: Context<AppEnv>,
  { services, ctx }: Endpoint,
  format: Open311Format,
  rows: readonly Open311RequestRow[],
): Response {
  const requests = rows.map((row) => toOpen311Request(row, services, ctx.departments));
  return answer(c, format, 'service_requests', requests, 200, { 'Cache-Control': REQUESTS_CACHE });
}

/**
 * `tokens/{token}.{fmt}`. Every service here is realtime: `POST requests` answers with the
 * service_request_id itself and never hands out a token, so no token can be known to this server
 * and every one is 404 in the spec's error format (what a batch server says of a token it does
 * not know).
 */
function token(c: Context<AppEnv>): never {
  const { name } = resource(c, 'file');
  throw new Open311Error(404, `There is no token ${name}: every service here is realtime.`);
}

/** `POST requests.{fmt}`. */
async function fileRequest(c: Context<AppEnv>, endpoint: Endpoint): Promise<Response> {
  const { name, format } = resource(c, 'file');
  if (name !== 'requests') throw notFound(c);
  const created = await submitOpen311Request(c, endpoint.ctx, endpoint);
  return answer(c, format, 'service_requests', created, 201);
}

/** A path segment's resource name and format (the suffix, `?format=`, else XML). */
function resource(c: Context, param: string): { name: string; format: Open311Format } {
  const { name } = splitFormat(c.req.param(param) ?? '');
  return { name, format: formatOf(c) };
}

const notFound = (c: Context) => new Open311Error(404, `Nothing at ${c.req.path}.`);

/**
 * Reading is open to every origin: Open311 data is public and read without credentials, so a
 * wildcard is safe and lets any browser client (a map, a dashboard) read it. Filing is not made
 * readable to pages: an `api_key` belongs on a server.
 */
const openReads: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    setHeader(c, 'Access-Control-Allow-Origin', '*');
  }
};

/**
 * `OPTIONS`: the methods, and for a browser's preflight of a read (a page sending, say,
 * `Accept-Language`) the CORS answer that lets it go ahead. Filing is never allowed from a page.
 */
function preflight(c: Context): Record<string, string> {
  const headers: Record<string, string> = { Allow: 'GET, HEAD, POST, OPTIONS' };
  const method = c.req.header('Access-Control-Request-Method');
  if (method === 'GET' || method === 'HEAD') {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Access-Control-Allow-Methods'] = 'GET, HEAD';
    headers['Access-Control-Allow-Headers'] = 'Accept, Accept-Language, Content-Language';
    headers['Access-Control-Max-Age'] = '600';
  }
  return headers;
}

/** The query string's `jurisdiction_id` (a POST's form field is checked where the form is read). */
function checkJurisdiction(settings: Open311Settings): MiddlewareHandler {
  return async (c, next) => {
    checkJurisdictionId(settings, c.req.query('jurisdiction_id'));
    await next();
  };
}

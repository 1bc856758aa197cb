import { Hono } from 'hono';
import { isSignedInAgentRequest } from './auth/sessions.js';
import { callbackRoutes } from './callbacks/routes.js';
import { chatAgentRoutes } from './chat/agent-routes.js';
import { chatCitizenRoutes, isChatSessionPath } from './chat/citizen-routes.js';
import { mapTileOrigins, mountConsole } from './console.js';
import type { AppContext } from './context.js';
import { isOriginAllowed } from './context.js';
import type { AppEnv } from './env.js';
import { ProblemError, problemResponse } from './http/http-error.js';
import { bodyLimit } from './middleware/body-limit.js';
import { clientAddress } from './middleware/client-address.js';
import { cors } from './middleware/cors.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { mountStatic } from './middleware/static.js';
import { open311Routes } from './open311/routes.js';
import { NO_OPEN311_CLIENTS } from './open311/settings.js';
import { adminNoticesRoutes } from './routes/admin-notices.js';
import { agentAuditRoutes } from './routes/agent-audit.js';
import { agentCasesRoutes } from './routes/agent-cases.js';
import { agentDashboardRoutes } from './routes/agent-dashboard.js';
import { agentLetterheadRoutes } from './routes/agent-letterhead.js';
import { agentOidcRoutes } from './routes/agent-oidc.js';
import { agentSessionRoutes } from './routes/agent-session.js';
import { agentSignInMethodsRoutes } from './routes/agent-sign-in-methods.js';
import { casesRoutes } from './routes/cases.js';
import { departmentFaultsRoutes } from './routes/department-faults.js';
import { departmentsRoutes } from './routes/departments.js';
import { faultsRoutes } from './routes/faults.js';
import { geocodeRoutes } from './routes/geocode.js';
import { healthRoutes, probeRoutes } from './routes/health.js';
import { noticesRoutes } from './routes/notices.js';
import { openapiRoutes } from './routes/openapi.js';
import { agentPhotoRoutes, casePhotoRoutes, photoUploadRoutes } from './routes/photos.js';
import { publicCasesRoutes } from './routes/public-cases.js';

/** Each API path and the methods it answers; anything else on it is a 405. */
const API_METHODS: Record<string, string[]> = {
  '/v1/cases': ['POST'],
  '/v1/cases/:reference': ['GET', 'HEAD'],
  '/v1/cases/:reference/lookup': ['POST'],
  '/v1/cases/:reference/stream': ['GET'],
  '/v1/cases/:reference/followers': ['POST', 'DELETE'],
  '/v1/cases/:reference/messages': ['POST'],
  '/v1/cases/:reference/photos/:id': ['GET', 'HEAD'],
  '/v1/photos': ['POST'],
  '/v1/departments': ['GET', 'HEAD'],
  '/v1/departments/:id': ['GET', 'HEAD'],
  '/v1/departments/:id/faults': ['GET', 'HEAD'],
  '/v1/faults': ['POST'],
  '/v1/faults/nearby': ['GET', 'HEAD'],
  '/v1/geocode': ['GET', 'HEAD'],
  '/v1/geocode/reverse': ['GET', 'HEAD'],
  '/v1/callbacks': ['POST'],
  '/v1/callbacks/slots': ['GET', 'HEAD'],
  '/v1/chat/availability': ['GET', 'HEAD'],
  '/v1/chat/sessions': ['POST'],
  '/v1/chat/sessions/:id': ['GET', 'HEAD'],
  '/v1/chat/sessions/:id/stream': ['GET'],
  '/v1/chat/sessions/:id/:action': ['POST'],
  '/v1/health': ['GET', 'HEAD'],
  '/v1/openapi.json': ['GET', 'HEAD'],
  '/v1/notices': ['GET', 'HEAD'],
  '/v1/notices/stream': ['GET'],
  '/v1/admin/notices': ['GET', 'HEAD', 'POST'],
  '/v1/admin/notices/:id': ['GET', 'HEAD', 'PUT'],
  '/v1/admin/notices/:id/withdraw': ['POST'],
  '/v1/agent/session': ['GET', 'HEAD', 'POST', 'DELETE'],
  '/v1/agent/audit': ['GET', 'HEAD'],
  '/v1/agent/dashboard': ['GET', 'HEAD'],
  '/v1/agent/dashboard/export.csv': ['GET', 'HEAD'],
  '/v1/agent/sign-in-methods': ['GET', 'HEAD'],
  '/v1/agent/cases': ['GET', 'HEAD', 'POST'],
  '/v1/agent/cases/:reference': ['GET', 'HEAD'],
  '/v1/agent/cases/:reference/:action': ['POST'],
  '/v1/agent/cases/:reference/mails/:mailId/retry': ['POST'],
  '/v1/agent/cases/:reference/photos/:id': ['GET', 'HEAD'],
  '/v1/agent/inbox/stream': ['GET'],
  '/v1/agent/reasons': ['GET', 'HEAD'],
  '/v1/agent/classification': ['GET', 'HEAD'],
  '/v1/agent/letterhead': ['GET', 'HEAD'],
  '/v1/agent/chat/queue': ['GET', 'HEAD'],
  '/v1/agent/chat/stream': ['GET'],
  '/v1/agent/chat/presence': ['PUT'],
  '/v1/agent/chat/take': ['POST'],
  '/v1/agent/chat/sessions/:id': ['GET', 'HEAD'],
  '/v1/agent/chat/sessions/:id/stream': ['GET'],
  '/v1/agent/chat/sessions/:id/:action': ['POST'],
};

/** The OpenID Connect endpoints, there only when it is configured (else 404, not 405). */
const OIDC_METHODS: Record<string, string[]> = {
  '/v1/agent/oidc/login': ['GET', 'HEAD'],
  '/v1/agent/oidc/callback': ['GET', 'HEAD'],
};

/** The Hono app with every middleware and route wired; `startServer` puts it on a socket. */
export function createApp(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(clientAddress(ctx.resolveClient));
  app.use(requestLog(ctx.logger));
  // The console shows a fault case's place on the department's map: its tiles' origins only…
  const tiles = mapTileOrigins(ctx.departments.values());
  app.use(
    securityHeaders({
      // …and so does a page served here with a fault report on it (the demo's felanmalan.html).
      imageSources: () => tiles,
    }),
  );
  app.use(
    '/v1/*',
    cors((origin, c) => isOriginAllowed(ctx, origin, c)),
  );
  const limit = rateLimit(ctx.rateLimit, ctx.now);
  // Per-address limits are for the public API: a contact center's agents share one address (NAT).
  // A chat in progress sends messages, receipts and typing: limited per session and address by
  // its own routes, not against the address's budget for sending cases.
  app.use('/v1/*', (c, next) =>
    isSignedInAgentRequest(c, ctx.auth) || isChatSessionPath(c.req.path) ? next() : limit(c, next),
  );
  const jsonBodyLimit = bodyLimit(ctx.bodyLimit);
  // A photo is bigger than any JSON body: its route caps it at its department's own limit.
  app.use('/v1/*', (c, next) => (c.req.path === '/v1/photos' ? next() : jsonBodyLimit(c, next)));

  app.route('/', probeRoutes(ctx));
  app.route('/v1/cases', casesRoutes(ctx));
  app.route('/v1/cases', publicCasesRoutes(ctx, { lookupLimit: ctx.lookupLimit }));
  app.route('/v1/cases', casePhotoRoutes(ctx));
  app.route('/v1/photos', photoUploadRoutes(ctx));
  app.route('/v1/departments', departmentsRoutes(ctx));
  app.route('/v1/departments', departmentFaultsRoutes(ctx));
  app.route('/v1/faults', faultsRoutes(ctx));
  app.route('/v1/geocode', geocodeRoutes(ctx));
  app.route('/v1/callbacks', callbackRoutes(ctx));
  app.route('/v1/chat', chatCitizenRoutes(ctx));
  app.route('/v1/health', healthRoutes());
  app.route('/v1/notices', noticesRoutes(ctx));
  app.route('/v1/admin/notices', adminNoticesRoutes(ctx));
  app.route('/v1/agent/session', agentSessionRoutes(ctx));
  app.route('/v1/agent/audit', agentAuditRoutes(ctx));
  app.route('/v1/agent/dashboard', agentDashboardRoutes(ctx));
  app.route('/v1/agent/chat', chatAgentRoutes(ctx));
  app.route('/v1/agent', agentCasesRoutes(ctx));
  app.route('/v1/agent', agentPhotoRoutes(ctx));
  app.route('/v1/agent/sign-in-methods', agentSignInMethodsRoutes(ctx));
  app.route('/v1/agent/letterhead', agentLetterheadRoutes(ctx));
  // Without OpenID Connect settings its endpoints are not there at all (404).
  if (ctx.oidc) app.route('/v1/agent/oidc', agentOidcRoutes(ctx, ctx.oidc));
  app.route('/v1/openapi.json', openapiRoutes());
  // Open311 GeoReport v2 picks its own CORS, formats and errors; it shares the API's rate limit.
  const open311 = ctx.open311 ?? NO_OPEN311_CLIENTS;
  app.route('/open311/v2', open311Routes(ctx, { settings: open311, rateLimit: limit }));
  const apiMethods = ctx.oidc ? { ...API_METHODS, ...OIDC_METHODS } : API_METHODS;
  for (const [path, methods] of Object.entries(apiMethods)) {
    const allow = [...methods, 'OPTIONS'].join(', ');
    app.all(path, (c) => {
      if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
      // An allowed method that no route took: a path of the pattern that is not there (e.g. an
      // action a case does not have), not a wrong method.
      if (methods.includes(c.req.method)) {
        throw new ProblemError(404, 'not_found', { detail: `Nothing at ${c.req.path}.` });
      }
      throw new ProblemError(405, 'method_not_allowed', {
        detail: `${c.req.method} is not allowed here; use ${methods.join(' or ')}.`,
        headers: { Allow: allow },
      });
    });
  }

  // Before the static mounts: `--serve /=…` would otherwise answer `/console/…` itself.
  if (ctx.consoleDir) mountConsole(app, ctx.consoleDir);
  for (const mount of ctx.serve) mountStatic(app, mount);

  app.notFound((c) =>
    problemResponse(
      new ProblemError(404, 'not_found', { detail: `Nothing at ${c.req.path}.` }),
      instanceOf(c.get('requestId')),
    ),
  );
  app.onError((error, c) => {
    const instance = instanceOf(c.get('requestId'));
    if (error instanceof ProblemError) return problemResponse(error, instance);
    ctx.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return problemResponse(new ProblemError(500, 'internal_error'), instance);
  });
  return app;
}

/** Problem documents name the request, so a person can quote it and we can find the log line. */
const instanceOf = (requestId: string) => `urn:kontakt:request:${requestId}`;

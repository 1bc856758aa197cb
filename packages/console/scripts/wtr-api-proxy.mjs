// A web-test-runner middleware that puts the test servers on the test page's own origin:
// `/__kontakt/<port>/v1/…` on the runner is passed to `http://127.0.0.1:<port>/v1/…` with the
// request's own `Host`. The console is served by the kontakt server itself, so its session cookie
// (`SameSite=Strict`, `HttpOnly`) and the CSRF checks (`Origin`, `Sec-Fetch-Site`) assume one
// origin; through this proxy the browser tests meet them exactly as the real console does,
// instead of a cross-origin setup the console never runs in. Streams (SSE) pass through as they come.
import { request } from 'node:http';

const PREFIX = /^\/__kontakt\/(\d{2,5})(\/.*)$/;

/** @returns {import('koa').Middleware} */
export function kontaktApiProxy() {
  return async (ctx, next) => {
    const match = PREFIX.exec(ctx.url);
    if (!match) return next();
    const [, port, path] = match;
    ctx.respond = false;
    await new Promise((resolve) => {
      const upstream = request(
        {
          host: '127.0.0.1',
          port: Number(port),
          method: ctx.method,
          path,
          headers: ctx.req.headers,
        },
        (response) => {
          ctx.res.writeHead(response.statusCode ?? 502, response.headers);
          ctx.res.flushHeaders();
          response.pipe(ctx.res);
          response.on('end', resolve);
          response.on('error', resolve);
        },
      );
      upstream.on('error', (error) => {
        if (!ctx.res.headersSent) ctx.res.writeHead(502, { 'content-type': 'text/plain' });
        ctx.res.end(`kontakt proxy: ${error.message}`);
        resolve();
      });
      // A page that goes away (a closed event stream) ends the upstream request too.
      ctx.res.on('close', () => upstream.destroy());
      ctx.req.pipe(upstream);
    });
  };
}

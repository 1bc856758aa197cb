import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { setHeader } from './response-headers.js';

function appWith(route: (app: Hono) => void): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    setHeader(c, 'X-Before', 'set before the handler');
    await next();
    setHeader(c, 'X-After', 'set after the handler');
    setHeader(c, 'Vary', 'Origin', { append: true });
  });
  route(app);
  return app;
}

describe('setHeader', () => {
  it('adds headers before and after a handler, keeping the handler’s own and its body', async () => {
    const app = appWith((app) =>
      app.get('/', (c) => {
        c.header('Vary', 'Accept-Language');
        return c.json({ ok: true }, 201);
      }),
    );
    const response = await app.request('/');
    expect(response.status).toBe(201);
    expect(response.headers.get('X-Before')).toBe('set before the handler');
    expect(response.headers.get('X-After')).toBe('set after the handler');
    expect(response.headers.get('Vary')).toBe('Accept-Language, Origin');
    await expect(response.json()).resolves.toEqual({ ok: true });
  });

  it('falls back to copying a response whose headers are immutable', async () => {
    const app = appWith((app) => app.get('/', () => Response.redirect('https://example.se/', 302)));
    const response = await app.request('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('https://example.se/');
    expect(response.headers.get('X-After')).toBe('set after the handler');
  });
});

import { NOTICES_CURRENT_EVENT } from '@kontakt/core/events';
import type { Department, Notice } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { departmentParam } from '../http/department-param.js';
import { appliesTo, noticeStream, publicNotice } from '../notices/notice-events.js';
import type { Cursor } from '../sse/index.js';

/**
 * The public side of notices, read by `<kc-notice>` on every department page:
 * - `GET /v1/notices?department=…`: the notices that have not ended (later ones included, so a
 *   page can show each from its start), and `cursor`, the event log's position they were read at;
 * - `GET /v1/notices/stream?department=…`: their changes as Server-Sent Events, resumed after
 *   `Last-Event-ID` (or the `lastEventId` parameter, e.g. the list's `cursor`). With `current=1`,
 *   a stream started without a last event id begins with the notices themselves (one
 *   `notices.current` event), so that a page needs one request, not the list and then the stream.
 */
export function noticesRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', async (c) => {
    const department = departmentParam(c, ctx);
    const { notices, cursor } = await currentNotices(ctx, department);
    const body = { notices, cursor: String(cursor) };
    // Changes arrive on the stream; a cached list would replay a withdrawn notice.
    return c.json(body, 200, { 'Cache-Control': 'no-cache' });
  });

  routes.get('/stream', (c) => {
    const department = departmentParam(c, ctx);
    // Without a last event id the client has (or, with `current=1`, is sent) the current list:
    // only what follows it.
    return ctx.hub.respond(c, noticeStream(department.id), {
      from: 'now',
      ...(c.req.query('current') === '1'
        ? {
            initial: async () => ({
              type: NOTICES_CURRENT_EVENT,
              data: { notices: (await currentNotices(ctx, department)).notices },
            }),
          }
        : {}),
    });
  });

  return routes;
}

/**
 * The notices that have not ended and apply to `department`, as the public sees them, and the
 * event log's cursor they were read at (see `store.currentNotices`).
 */
async function currentNotices(
  ctx: AppContext,
  department: Department,
): Promise<{ notices: Notice[]; cursor: Cursor }> {
  const { notices, cursor } = await ctx.store.currentNotices(ctx.now());
  return {
    notices: notices.filter((notice) => appliesTo(notice, department.id)).map(publicNotice),
    cursor,
  };
}

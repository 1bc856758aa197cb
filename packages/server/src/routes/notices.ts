import { NOTICES_CURRENT_EVENT } from '@kontakt/core/events';
import type { Department, Notice } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../http/http-error.js';
import { appliesTo, noticeStream, publicNotice } from '../notices/notice-events.js';
import { readLastEventId } from '../sse/last-event-id.js';

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
    const department = departmentOf(c, ctx);
    const { notices, cursor } = await ctx.store.currentNotices(ctx.now());
    const body = {
      notices: notices
        .filter((notice) => appliesTo(notice, department.id))
        .map((notice) => publicNotice(notice)),
      cursor: String(cursor),
    };
    // Changes arrive on the stream; a cached list would replay a withdrawn notice.
    return c.json(body, 200, { 'Cache-Control': 'no-cache' });
  });

  routes.get('/stream', async (c) => {
    const department = departmentOf(c, ctx);
    // Without a last event id the client has (or wants) the current list: only what follows.
    const response = await ctx.hub.respond(c, noticeStream(department.id), { from: 'now' });
    const body = response.body;
    if (c.req.query('current') !== '1' || readLastEventId(c) !== undefined || !body) {
      return response;
    }
    // Read after the hub took its place in the log: what changed before that is in these
    // notices, what changes after it comes on the stream (maybe both: the events say the same).
    let current: Notice[];
    try {
      const { notices } = await ctx.store.currentNotices(ctx.now());
      current = notices.filter((notice) => appliesTo(notice, department.id)).map(publicNotice);
    } catch (error) {
      await body.cancel();
      throw error;
    }
    const first = `event: ${NOTICES_CURRENT_EVENT}\ndata: ${JSON.stringify({ notices: current })}\n\n`;
    return new Response(startingWith(encoder.encode(first), body), {
      status: response.status,
      headers: response.headers,
    });
  });

  return routes;
}

const encoder = new TextEncoder();

/**
 * `rest` with `first` before it, read as the server reads it (a chunk when asked for one). The
 * stream's own bytes follow as they would have, whether they come through this body or, under
 * Node, straight to the response once it has started (see `SseConnection`): `first` is asked for
 * first, so it is written first.
 */
function startingWith(
  first: Uint8Array,
  rest: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  const reader = rest.getReader();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(first);
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** The `department` query parameter, which must name a configured department. */
function departmentOf(c: Context<AppEnv>, ctx: AppContext): Department {
  const id = c.req.query('department');
  if (!id) {
    throw new ProblemError(400, 'validation_failed', {
      detail: 'Name the department: ?department=<id>.',
      errors: [{ field: 'department', pointer: '/department', code: 'required' }],
    });
  }
  const department = ctx.departments.get(id);
  if (!department) {
    throw new ProblemError(404, 'department_not_found', {
      detail: `There is no department with the id ${JSON.stringify(id)}.`,
    });
  }
  return department;
}

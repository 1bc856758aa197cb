import type { AdminNotice, FieldError, NoticeInput } from '@kontakt/core/schemas';
import { NoticeInputSchema, toFieldErrors } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireApiKeyOrAdmin } from '../auth/require-admin.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import { invalid } from '../http/validation.js';
import { publishedEvents, withdrawnEvents } from '../notices/notice-events.js';
import { createNoticeId } from '../notices/notice-id.js';
import type { NewEvent } from '../store/events.js';

/**
 * `/v1/admin/notices`: administrators publish, change and withdraw crisis and service notices,
 * with an API key from the server's configuration or as an admin signed in to the console (with
 * the session's CSRF token). Every change and the events that carry it to the pages (and, for an
 * admin, the audit entry) are stored in one transaction, so a page never shows what was not
 * committed.
 */
export function adminNoticesRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireApiKeyOrAdmin(ctx));

  routes.get('/', async (c) => c.json({ notices: await ctx.store.listNotices() }));

  routes.get('/:id', async (c) => c.json(await existing(ctx, c.req.param('id'))));

  routes.post('/', async (c) => {
    const now = ctx.now();
    const input = validate(ctx, await readJsonBody(c, ctx.bodyLimit), now);
    const notice: AdminNotice = {
      id: createNoticeId(),
      ...input,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      withdrawnAt: null,
    };
    await save(
      ctx,
      c,
      notice,
      publishedEvents(notice, undefined, ctx.departments.keys()),
      now,
      'notice.published',
    );
    return c.json(notice, 201, { Location: `/v1/admin/notices/${notice.id}` });
  });

  routes.put('/:id', async (c) => {
    const now = ctx.now();
    const previous = await existing(ctx, c.req.param('id'));
    if (previous.withdrawnAt) {
      throw new ProblemError(409, 'notice_withdrawn', {
        detail: 'A withdrawn notice cannot be changed; publish a new one.',
      });
    }
    const input = validate(ctx, await readJsonBody(c, ctx.bodyLimit), now);
    const notice: AdminNotice = { ...previous, ...input, updatedAt: now.toISOString() };
    await save(
      ctx,
      c,
      notice,
      publishedEvents(notice, previous, ctx.departments.keys()),
      now,
      'notice.changed',
    );
    return c.json(notice);
  });

  routes.post('/:id/withdraw', async (c) => {
    const now = ctx.now();
    const previous = await existing(ctx, c.req.param('id'));
    // Withdrawing twice changes nothing and tells no page again.
    if (previous.withdrawnAt) return c.json(previous);
    const notice: AdminNotice = {
      ...previous,
      withdrawnAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await save(
      ctx,
      c,
      notice,
      withdrawnEvents(notice, ctx.departments.keys()),
      now,
      'notice.withdrawn',
    );
    return c.json(notice);
  });

  return routes;
}

async function existing(ctx: AppContext, id: string): Promise<AdminNotice> {
  const notice = await ctx.store.findNotice(id);
  if (!notice) {
    throw new ProblemError(404, 'notice_not_found', {
      detail: `There is no notice with the id ${JSON.stringify(id)}.`,
    });
  }
  return notice;
}

type ValidNotice = Pick<
  AdminNotice,
  'title' | 'text' | 'severity' | 'departments' | 'startsAt' | 'endsAt'
>;

/**
 * The notice as it will be stored, or a 422 naming every invalid field: the schema's rules,
 * departments the server does not know, and an end that is not after the start (now, when no
 * start is given). Times are stored in UTC, so they compare as text in both stores.
 */
function validate(ctx: AppContext, body: unknown, now: Date): ValidNotice {
  const parsed = NoticeInputSchema.safeParse(body, { reportInput: true });
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  const input = parsed.success ? (parsed.data as NoticeInput) : undefined;
  if (input && input.departments !== 'all') {
    input.departments.forEach((id, index) => {
      if (!ctx.departments.has(id)) {
        errors.push({
          field: `departments.${index}`,
          pointer: `/departments/${index}`,
          code: 'unknown_department',
          params: { department: id },
        });
      }
    });
  }
  const startsAt = input?.startsAt ? new Date(input.startsAt) : now;
  const endsAt = input?.endsAt ? new Date(input.endsAt) : null;
  if (input && endsAt && endsAt <= startsAt && !errors.some((e) => e.field === 'endsAt')) {
    errors.push({ field: 'endsAt', pointer: '/endsAt', code: 'end_before_start' });
  }
  if (!input || errors.length > 0) {
    throw invalid(errors);
  }
  return {
    title: input.title,
    text: input.text,
    severity: input.severity,
    departments: input.departments,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt ? endsAt.toISOString() : null,
  };
}

/**
 * Stores a change and its events; an admin's (not an API key's) is audited in the same
 * transaction. The log says who: the key's name (never the key) or the agent's id.
 */
async function save(
  ctx: AppContext,
  c: Context<AppEnv>,
  notice: AdminNotice,
  events: readonly NewEvent[],
  now: Date,
  action: 'notice.published' | 'notice.changed' | 'notice.withdrawn',
): Promise<void> {
  const agent = c.get('agent') as AppEnv['Variables']['agent'] | undefined;
  if (agent) {
    await ctx.store.write('saveNoticeAudited', notice, events, {
      agentId: agent.id,
      action,
      detail: { notice: notice.id, severity: notice.severity, departments: notice.departments },
      at: now,
    });
  } else {
    await ctx.store.saveNotice(notice, events, now);
  }
  ctx.logger.info(
    {
      ...(agent ? { agent: agent.id } : { apiKey: c.get('apiKeyId') }),
      notice: notice.id,
      severity: notice.severity,
      departments: notice.departments,
    },
    action.replace('.', ' '),
  );
}

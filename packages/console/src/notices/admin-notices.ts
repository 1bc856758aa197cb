import { InvalidResponseError } from '@kontakt/core';
import type { AgentClient } from '@kontakt/core/agent';
import { agentCall, signalOf } from '@kontakt/core/agent';
import type { AdminNotice, NoticeInput } from '@kontakt/core/schemas';
import { AdminNoticeSchema } from '@kontakt/core/schemas';

type Options = { signal?: AbortSignal };

/**
 * The admin notices API (`/v1/admin/notices`) with an admin's session: the agent client's own
 * ky instance (cookie and CSRF token), its error mapping and the shared schemas. Kept here until
 * the agent client has a notices resource of its own.
 */
export interface AdminNoticesResource {
  list(options?: Options): Promise<AdminNotice[]>;
  publish(input: NoticeInput, options?: Options): Promise<AdminNotice>;
  change(id: string, input: NoticeInput, options?: Options): Promise<AdminNotice>;
  withdraw(id: string, options?: Options): Promise<AdminNotice>;
}

export function adminNotices(client: AgentClient): AdminNoticesResource {
  const { http } = client;
  return {
    list: (options = {}) =>
      agentCall(async () => {
        const body = await http.get('v1/admin/notices', signalOf(options)).json();
        const notices = (body as { notices?: unknown }).notices;
        if (!Array.isArray(notices)) throw invalid(body);
        return notices.map((notice) => {
          const parsed = AdminNoticeSchema.safeParse(notice);
          if (!parsed.success) throw invalid(parsed.error.issues);
          return parsed.data;
        });
      }),
    publish: (input, options = {}) =>
      agentCall(() =>
        http
          .post('v1/admin/notices', { json: input, ...signalOf(options) })
          .json(AdminNoticeSchema),
      ),
    change: (id, input, options = {}) =>
      agentCall(() =>
        http
          .put(`v1/admin/notices/${encodeURIComponent(id)}`, { json: input, ...signalOf(options) })
          .json(AdminNoticeSchema),
      ),
    withdraw: (id, options = {}) =>
      agentCall(() =>
        http
          .post(`v1/admin/notices/${encodeURIComponent(id)}/withdraw`, signalOf(options))
          .json(AdminNoticeSchema),
      ),
  };
}

const invalid = (cause: unknown) =>
  new InvalidResponseError('The server answered with data that does not match the contract.', {
    cause,
  });

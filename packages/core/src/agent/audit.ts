import type { KyInstance } from 'ky';
import { signalOf } from './http.js';
import { agentJson } from './request.js';
import type { AuditPage, AuditQuery } from './schemas.js';
import { AuditPageSchema } from './schemas.js';

/** `client.audit`: the audit log (admins only; others get `forbidden`). */
export interface AuditResource {
  /** One page of entries, newest first; pass `next` back as `cursor` for the following page. */
  list(query?: AuditQuery, options?: { signal?: AbortSignal }): Promise<AuditPage>;
}

export function auditResource(http: KyInstance): AuditResource {
  return {
    list(query = {}, options = {}) {
      const searchParams = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined) searchParams.set(name, String(value));
      }
      return agentJson(http, 'v1/agent/audit', AuditPageSchema, {
        ...signalOf(options),
        searchParams,
      });
    },
  };
}

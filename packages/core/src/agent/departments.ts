import type { KyInstance } from 'ky';
import * as z from 'zod/mini';
import type { Department } from '../schemas/department.js';
import { DepartmentSchema } from '../schemas/department.js';
import { signalOf } from './http.js';
import { agentJson } from './request.js';

const DepartmentListSchema = z.object({ departments: z.array(DepartmentSchema) });

/** `client.departments`: the departments the contact center serves, for names and promises. */
export interface AgentDepartmentsResource {
  /** Every department, in the configured order. */
  list(options?: { signal?: AbortSignal }): Promise<Department[]>;
}

export function agentDepartmentsResource(http: KyInstance): AgentDepartmentsResource {
  return {
    async list(options = {}) {
      return (await agentJson(http, 'v1/departments', DepartmentListSchema, signalOf(options)))
        .departments;
    },
  };
}

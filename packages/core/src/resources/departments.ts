import type { KyInstance } from 'ky';
import * as z from 'zod/mini';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import type { Department } from '../schemas/index.js';
import { DepartmentSchema } from '../schemas/index.js';

const DepartmentListSchema = z.object({ departments: z.array(DepartmentSchema) });

/** `client.departments`: the departments (*förvaltningar*) the contact center serves. */
export interface DepartmentsResource {
  /**
   * One department with its categories, opening hours and answer-time promise. Default: the
   * client's own department. Rejects with `department_not_found` for an unknown id.
   */
  get(id?: string, options?: { signal?: AbortSignal }): Promise<Department>;
  /** Every department. */
  list(options?: { signal?: AbortSignal }): Promise<Department[]>;
}

export function departmentsResource(http: KyInstance, department: string): DepartmentsResource {
  return {
    async get(id = department, options = {}) {
      try {
        return await http
          .get(`v1/departments/${encodeURIComponent(id)}`, signalOf(options))
          .json(DepartmentSchema);
      } catch (error) {
        throw toKontaktError(error);
      }
    },
    async list(options = {}) {
      try {
        const body = await http.get('v1/departments', signalOf(options)).json(DepartmentListSchema);
        return body.departments;
      } catch (error) {
        throw toKontaktError(error);
      }
    },
  };
}

const signalOf = (options: { signal?: AbortSignal }) =>
  options.signal ? { signal: options.signal } : {};

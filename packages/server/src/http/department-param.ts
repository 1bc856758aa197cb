/**
 * The department a public route is asked about, named by its `?department=` query parameter: the
 * one way every such route refuses a missing or unknown one.
 */
import type { Department } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from './http-error.js';
import { invalid } from './validation.js';

/**
 * The configured department `?department=` names. Without one, `422 validation_failed`
 * (`department`: `required`); for one that is not configured, `404 department_not_found`.
 */
export function departmentParam(c: Context<AppEnv>, ctx: AppContext): Department {
  const id = c.req.query('department');
  if (!id) {
    throw invalid(
      [{ field: 'department', pointer: '/department', code: 'required' }],
      'query parameter(s)',
    );
  }
  const department = ctx.departments.get(id);
  if (!department) throw departmentNotFound(id);
  return department;
}

/** `404 department_not_found`, for a department id that is not configured. */
export const departmentNotFound = (id: string) =>
  new ProblemError(404, 'department_not_found', {
    detail: `There is no department with the id ${JSON.stringify(id)}.`,
  });

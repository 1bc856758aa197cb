import { readFile } from 'node:fs/promises';
import type { Department, FieldError } from '@kontakt/core/schemas';
import { DepartmentSchema, toFieldErrors } from '@kontakt/core/schemas';
import * as z from 'zod/mini';

/** A configuration that cannot be used; `errors` says which fields are wrong and why. */
export class ConfigError extends Error {
  readonly errors: FieldError[];

  constructor(source: string, errors: FieldError[]) {
    const lines = errors.map((error) => {
      const params = Object.entries(error.params ?? {}).map(([name, value]) => `${name}: ${value}`);
      const detail = params.length > 0 ? ` (${params.join(', ')})` : '';
      return `  - ${error.field || '(root)'}: ${error.code}${detail}`;
    });
    super(`Invalid configuration in ${source}:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.errors = errors;
  }
}

const ConfigFileSchema = z.object({
  departments: z.array(DepartmentSchema).check(z.minLength(1, 'required')),
});

/**
 * Validates departments with `DepartmentSchema` and fills in defaults. Also refuses duplicate ids
 * and time zones `Intl` does not know, which the schema alone cannot see.
 */
export function parseDepartments(input: unknown, source = 'departments'): Department[] {
  const parsed = ConfigFileSchema.safeParse({ departments: input });
  if (!parsed.success) throw new ConfigError(source, toFieldErrors(parsed.error.issues));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  parsed.data.departments.forEach((department, index) => {
    if (seen.has(department.id)) errors.push(fieldError(['departments', index, 'id'], 'duplicate'));
    seen.add(department.id);
    if (!isTimeZone(department.openingHours.timeZone)) {
      errors.push(fieldError(['departments', index, 'openingHours', 'timeZone'], 'invalid_option'));
    }
  });
  if (errors.length > 0) throw new ConfigError(source, errors);
  return parsed.data.departments;
}

/** Reads a departments file: JSON `{ "departments": [ … ] }`. */
export async function loadDepartmentsFile(path: string): Promise<Department[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the configuration file ${path}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The configuration file ${path} is not valid JSON`, { cause: error });
  }
  const departments =
    typeof data === 'object' && data !== null && 'departments' in data
      ? data.departments
      : undefined;
  return parseDepartments(departments, path);
}

/** A field error at a path of a configuration. */
export function fieldError(path: (string | number)[], code: string): FieldError {
  return { field: path.join('.'), pointer: `/${path.join('/')}`, code };
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

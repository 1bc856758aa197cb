import type { FieldError } from '@kontakt/core/schemas';
import { toFieldErrors } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import type { $ZodIssue, $ZodType, output } from 'zod/v4/core';

/** A configuration that cannot be used; `errors` says which fields are wrong and why. */
export class ConfigError extends Error {
  readonly errors: FieldError[];

  /** `source` names where the configuration came from: a file, a flag, `the server options`. */
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

/** A field error at a path of a configuration. */
export function fieldError(path: (string | number)[], code: string): FieldError {
  return { field: path.join('.'), pointer: `/${path.join('/')}`, code };
}

/**
 * Codes that only configurations have (the API's field-error codes are the contract's, in
 * `FIELD_ERROR_CODES`); a rule puts one in its message, as the contract's schemas do.
 */
const CONFIG_CODES = new Set(['too_small', 'not_a_directory', 'duplicate']);

/**
 * Field errors for zod issues of a configuration: `toFieldErrors`, plus the configuration's own
 * codes and the `params` a custom rule gave its issue (e.g. the directory that is missing).
 */
export function toConfigErrors(issues: readonly $ZodIssue[]): FieldError[] {
  return toFieldErrors(issues).map((error, index) => {
    const issue = issues[index];
    if (issue === undefined) return error;
    const own = CONFIG_CODES.has(issue.message) ? { code: issue.message } : {};
    const params = issue.code === 'custom' ? (issue.params as FieldError['params']) : undefined;
    return { ...error, ...own, ...(params ? { params } : {}) };
  });
}

/**
 * `error` of a part of a configuration, named from the configuration's top: a bad `postalCode`
 * of `letterhead.postalAddress` is `letterhead.postalAddress.postalCode` at
 * `/letterhead/postalAddress/postalCode`.
 */
export function fieldUnder(path: readonly (string | number)[], error: FieldError): FieldError {
  const prefix = path.join('.');
  return {
    ...error,
    field: error.field === '' ? prefix : `${prefix}.${error.field}`,
    pointer: `/${path.join('/')}${error.pointer === '/' ? '' : error.pointer}`,
  };
}

/**
 * Checks one top-level section of a configuration with its schema: the checked value, or a
 * `ConfigError` from `source` that names each bad field under the section (`chat.maxChatsPerAgent`).
 */
export function checkSection<S extends $ZodType>(
  schema: S,
  input: unknown,
  section: string,
  source: string,
): output<S> {
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    source,
    toConfigErrors(parsed.error.issues).map((error) => fieldUnder([section], error)),
  );
}

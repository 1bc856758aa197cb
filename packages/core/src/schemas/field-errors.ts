import type { $ZodIssue } from 'zod/v4/core';
import type { FieldError, FieldErrorCode } from './problem.js';
import { FIELD_ERROR_CODES } from './problem.js';

const KNOWN = new Set<string>(FIELD_ERROR_CODES);

/**
 * Turns zod issues into field errors with stable, translatable codes. Our schemas put the code in
 * each rule's message; anything else (a rule without one) is mapped from zod's own issue code.
 */
export function toFieldErrors(issues: readonly $ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const error: FieldError = {
      field: path.join('.'),
      pointer: `/${path.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
      code: KNOWN.has(issue.message) ? issue.message : fallbackCode(issue),
    };
    const params = paramsOf(issue);
    if (params) error.params = params;
    return error;
  });
}

function fallbackCode(issue: $ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_value':
      return 'invalid_option';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid_format';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_type';
    default:
      return 'invalid_format';
  }
}

function paramsOf(issue: $ZodIssue): Record<string, number> | undefined {
  if (issue.code === 'too_big') return { maximum: Number(issue.maximum) };
  if (issue.code === 'too_small') return { minimum: Number(issue.minimum) };
  return undefined;
}

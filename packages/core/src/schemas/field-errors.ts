import type { $ZodIssue } from 'zod/v4/core';
import type { FieldError, FieldErrorCode } from './problem.js';

/**
 * A code as our schemas write one in a rule's message (`FIELD_ERROR_CODES`, and the agent
 * contract's own): lower-case words joined by `_`. zod's own messages are sentences. Recognised
 * by its shape rather than looked up, so the list of codes stays out of every bundle that
 * validates.
 */
const CODE = /^[a-z]+(?:_[a-z]+)*$/;

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
      code: CODE.test(issue.message) ? issue.message : fallbackCode(issue),
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

import type { FaultAnswer, FaultCategory, FieldError } from '@kontakt/core/schemas';

/** Open311 `string` answers are one line; `text` may be long (the contract caps both). */
const STRING_MAX = 300;
/** ISO 8601 date, or date and time with an optional offset (what Open311 clients send). */
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Checks a report's answers against its category's questions and returns them normalised (a
 * number sent as a string becomes a number, one choice of a multiple-choice question a list), or
 * the field errors at `answers.<code>`: `required`, `unknown_attribute`, `not_a_choice`,
 * `invalid_format`. Informational attributes (`variable: false`) take no answer.
 */
export function checkAnswers(
  category: FaultCategory,
  answers: Readonly<Record<string, FaultAnswer>>,
  at: readonly string[],
): { answers: Record<string, FaultAnswer>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const error = (code: string, attribute: string) => {
    const path = [...at, attribute];
    errors.push({ field: path.join('.'), pointer: `/${path.join('/')}`, code });
  };
  const questions = new Map(
    category.attributes.filter((a) => a.variable).map((attribute) => [attribute.code, attribute]),
  );
  const checked: Record<string, FaultAnswer> = {};
  for (const code of Object.keys(answers)) {
    if (!questions.has(code)) error('unknown_attribute', code);
  }
  for (const [code, attribute] of questions) {
    const answer = answers[code];
    if (answer === undefined || isEmpty(answer)) {
      if (attribute.required) error('required', code);
      continue;
    }
    const keys = new Set(attribute.values.map((value) => value.key));
    const result = normalise(attribute.datatype, answer, keys);
    if (typeof result === 'string' && result in CODES) error(result, code);
    else checked[code] = (result as { value: FaultAnswer }).value;
  }
  return { answers: checked, errors };
}

const CODES = { invalid_format: true, not_a_choice: true } as const;
type Failure = keyof typeof CODES;

function normalise(
  datatype: FaultCategory['attributes'][number]['datatype'],
  answer: FaultAnswer,
  keys: ReadonlySet<string>,
): { value: FaultAnswer } | Failure {
  switch (datatype) {
    case 'number': {
      const value = typeof answer === 'string' ? Number(answer.trim()) : answer;
      return typeof value === 'number' && Number.isFinite(value) ? { value } : 'invalid_format';
    }
    case 'datetime':
      return typeof answer === 'string' &&
        ISO_DATE_TIME.test(answer.trim()) &&
        !Number.isNaN(Date.parse(answer.trim()))
        ? { value: answer.trim() }
        : 'invalid_format';
    case 'string':
      return typeof answer === 'string' && answer.length <= STRING_MAX && !/[\r\n]/.test(answer)
        ? { value: answer.trim() }
        : 'invalid_format';
    case 'text':
      return typeof answer === 'string' ? { value: answer.trim() } : 'invalid_format';
    case 'singlevaluelist': {
      const value = Array.isArray(answer) && answer.length === 1 ? answer[0] : answer;
      if (typeof value !== 'string') return 'invalid_format';
      return keys.has(value) ? { value } : 'not_a_choice';
    }
    case 'multivaluelist': {
      const values = Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : null;
      if (values === null) return 'invalid_format';
      if (!values.every((value) => keys.has(value))) return 'not_a_choice';
      return { value: [...new Set(values)] };
    }
  }
}

const isEmpty = (answer: FaultAnswer) =>
  (typeof answer === 'string' && answer.trim() === '') ||
  (Array.isArray(answer) && answer.length === 0);

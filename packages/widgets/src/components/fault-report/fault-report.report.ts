import type { Locale } from '@kontakt/core';
import type { FaultCatalog, FaultReportInput } from '@kontakt/core/schemas';
import type { FaultValues } from './fault-report.model.js';
import { hasPoint, questionsOf } from './fault-report.model.js';

/**
 * The report as the contract takes it, from the values: answers typed as their question's
 * datatype (numbers as numbers, date-times as ISO strings), empty answers left out, contact only
 * when the person chose to give it. The schema checks it before it is sent.
 */
export function toReport(
  catalog: FaultCatalog,
  values: FaultValues,
  photoIds: string[],
  locale: Locale,
): FaultReportInput {
  const category = catalog.categories.find((c) => c.id === values.category);
  const answers: Record<string, string | number | string[]> = {};
  for (const attribute of questionsOf(category)) {
    if (!attribute.variable) continue;
    const answer = values.answers[attribute.code];
    if (answer === undefined || answer === '' || (Array.isArray(answer) && !answer.length))
      continue;
    if (attribute.datatype === 'number' && typeof answer === 'string') {
      answers[attribute.code] = Number(answer.replace(',', '.'));
    } else if (attribute.datatype === 'datetime' && typeof answer === 'string') {
      const date = new Date(answer);
      answers[attribute.code] = Number.isNaN(date.getTime()) ? answer : date.toISOString();
    } else {
      answers[attribute.code] = answer;
    }
  }
  const address = values.address.trim();
  const location = {
    ...(hasPoint(values) ? { lat: values.lat, lon: values.lon } : {}),
    ...(values.accuracy !== undefined && values.source === 'position'
      ? { accuracy: values.accuracy }
      : {}),
    ...(address ? { address } : {}),
  };
  const anonymous = values.anonymous !== 'no';
  const contact = {
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
    ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
  };
  return {
    category: values.category,
    description: values.description,
    answers,
    location,
    photos: photoIds,
    anonymous,
    ...(anonymous ? {} : { contact }),
    answerLanguage: locale,
  };
}

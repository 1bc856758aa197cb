import type { AgentClient } from '@kontakt/core/agent';
import type { Department } from '@kontakt/core/schemas';
import type { ConsoleLocale } from './i18n/texts.js';
import { oncePerClient } from './internal/once-per-client.js';

/**
 * The server's departments (`client.departments.list()`), asked once per client: the console
 * names departments and their topics, and offers them to pick from, instead of asking for ids.
 */
export const departmentsOf: (client: AgentClient) => Promise<Department[]> = oncePerClient(
  (client) => client.departments.list(),
);

/** A department's or topic's name in the console's language, else Swedish; the id when unknown. */
export function nameIn(
  locale: ConsoleLocale,
  name: { sv: string; en?: string | undefined } | undefined,
  id: string,
): string {
  return (locale === 'en' ? name?.en : undefined) ?? name?.sv ?? id;
}

/** The name of department `id`, or the id when it is not (or not yet) known. */
export function departmentName(
  departments: Department[],
  locale: ConsoleLocale,
  id: string,
): string {
  return nameIn(locale, departments.find((each) => each.id === id)?.name, id);
}

/** The name of topic `topic` of department `id`, or the topic's id. */
export function topicName(
  departments: Department[],
  locale: ConsoleLocale,
  id: string,
  topic: string,
): string {
  const department = departments.find((each) => each.id === id);
  return nameIn(locale, department?.categories.find((each) => each.id === topic)?.name, topic);
}

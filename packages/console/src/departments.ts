import { InvalidResponseError } from '@kontakt/core';
import type { AgentClient } from '@kontakt/core/agent';
import { agentCall } from '@kontakt/core/agent';
import type { Department } from '@kontakt/core/schemas';
import { DepartmentSchema } from '@kontakt/core/schemas';
import type { ConsoleLocale } from './i18n/texts.js';

/** One request per client: the departments are configuration and change only with a restart. */
const loaded = new WeakMap<AgentClient, Promise<Department[]>>();

/**
 * The server's departments (`GET /v1/departments`, public), through the agent client's own ky
 * instance and error mapping, parsed with the shared schema: the console names departments and
 * their topics, and offers them to pick from, instead of asking for ids.
 */
export function departmentsOf(client: AgentClient): Promise<Department[]> {
  let departments = loaded.get(client);
  if (!departments) {
    departments = agentCall(async () => {
      const body = await client.http.get('v1/departments').json();
      const list = (body as { departments?: unknown }).departments;
      if (!Array.isArray(list)) throw invalid(body);
      return list.map((each) => {
        const parsed = DepartmentSchema.safeParse(each);
        if (!parsed.success) throw invalid(parsed.error.issues);
        return parsed.data;
      });
    });
    // A failure is not remembered: the next view asks again.
    departments.catch(() => loaded.delete(client));
    loaded.set(client, departments);
  }
  return departments;
}

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

const invalid = (cause: unknown) =>
  new InvalidResponseError('The server answered with data that does not match the contract.', {
    cause,
  });

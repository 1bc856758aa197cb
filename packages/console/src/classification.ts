import type { AgentClient, ClassLabel } from '@kontakt/core/agent';
import { isClassificationPath, labelsOf } from '@kontakt/core/agent';
import { nameIn } from './departments.js';
import type { ConsoleLocale } from './i18n/texts.js';
import { oncePerClient } from './internal/once-per-client.js';

/** Each department's classification labels, by department id. */
export type Classification = ReadonlyMap<string, readonly ClassLabel[]>;

/**
 * The departments' classification labels (`client.cases.classification()`), asked once per
 * client: configuration, which changes only with a restart.
 */
export const classificationOf: (client: AgentClient) => Promise<Classification> = oncePerClient(
  async (client) =>
    new Map((await client.cases.classification()).map((each) => [each.department, each.labels])),
);

/** The labels right under `parent` (`null`: the categories), in the configured order. */
export function labelsUnder(labels: readonly ClassLabel[], parent: string | null): ClassLabel[] {
  return labels.filter((label) => label.parent === parent);
}

/**
 * `Gata och trafik › Parkering`: a path by its labels' names in the console's language (an id
 * where a label is no longer configured).
 */
export function pathName(
  labels: readonly ClassLabel[],
  path: readonly string[],
  locale: ConsoleLocale,
): string {
  return labelsOf(labels, path)
    .map((label, index) => nameIn(locale, label?.name, path[index] ?? ''))
    .join(' › ');
}

/**
 * A path as the dashboard and the inbox's filter write it (`gata-och-trafik/parkering`) by its
 * names, in the first department whose tree has it; the ids when none has.
 */
export function pathNameAnywhere(
  classification: Classification,
  key: string,
  locale: ConsoleLocale,
): string {
  const path = key.split('/');
  for (const labels of classification.values()) {
    if (isClassificationPath(labels, path)) return pathName(labels, path, locale);
  }
  return path.join(' › ');
}

/**
 * The label whose address a case classified at `path` is e-mailed to: the deepest on the path
 * that escalates.
 */
export function escalatingLabel(
  labels: readonly ClassLabel[],
  path: readonly string[],
): ClassLabel | undefined {
  return labelsOf(labels, path)
    .filter((label) => label?.escalates)
    .at(-1);
}

/**
 * Every path of a department's tree, each label after its parent (`[['a'], ['a', 'b'], …]`):
 * the inbox's filter offers each, so a category finds its whole subtree.
 */
export function allPaths(labels: readonly ClassLabel[]): string[][] {
  const paths: string[][] = [];
  const walk = (parent: string | null, above: string[]) => {
    for (const label of labelsUnder(labels, parent)) {
      const path = [...above, label.id];
      paths.push(path);
      walk(label.id, path);
    }
  };
  walk(null, []);
  return paths;
}

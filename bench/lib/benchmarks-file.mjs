// BENCHMARKS.md holds one section per benchmark script (`npm run bench:widgets`, `npm run
// bench:server`), each between markers, so that running one script rewrites its own section and
// leaves the others' figures (measured on another run, said in their own section) as they were.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const FILE = join(ROOT, 'BENCHMARKS.md');
const HEADER = `# Benchmarks

Each section is written by the command it names; do not edit by hand, run it again instead.
The figures of a section were measured side by side in one invocation, on the machine it names:
compare within a section, not numbers across sections or days.
`;

/**
 * Replaces (or adds) the section `name` of BENCHMARKS.md with `markdown`.
 * @param {string} name   e.g. `widgets`, `server`
 * @param {string} markdown
 */
export function writeSection(name, markdown) {
  const start = `<!-- section:${name} -->`;
  const end = `<!-- /section:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  // A file from before the sections existed held only the widgets' figures: start over.
  if (!text.includes('<!-- section:')) text = HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${block}${text.slice(to + end.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
}

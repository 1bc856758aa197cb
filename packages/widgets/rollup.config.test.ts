// The script-tag build shares code between widgets: two widgets on one page load one copy of Lit
// and of the core. Built in memory with the real config plus a stand-in second widget.
import { fileURLToPath } from 'node:url';
import type { OutputChunk } from 'rollup';
import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
import config from './rollup.config.mjs';

const cdn = config[1];
if (!cdn || Array.isArray(cdn.output) || !cdn.output) throw new Error('no script-tag build');

async function buildTwoWidgets(): Promise<OutputChunk[]> {
  const input = {
    ...(cdn.input as Record<string, string>),
    'second-widget': fileURLToPath(
      new URL('src/test-support/second-widget/starter.ts', import.meta.url),
    ),
  };
  const bundle = await rollup({ ...cdn, input, onwarn: () => {} });
  try {
    const { output } = await bundle.generate(cdn.output as object);
    return output.filter((file): file is OutputChunk => file.type === 'chunk');
  } finally {
    await bundle.close();
  }
}

const isLit = (id: string) => /node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(id);
const isCore = (id: string) => id.includes('/packages/core/src/');
const holding = (chunks: OutputChunk[], test: (id: string) => boolean) =>
  chunks.filter((chunk) => Object.keys(chunk.modules).some(test));

describe('the script-tag build', () => {
  it('puts Lit and the shared core in chunks both widgets import, never in a copy per widget', async () => {
    const chunks = await buildTwoWidgets();
    const modules = chunks.flatMap((chunk) => Object.keys(chunk.modules));
    const copies = modules.filter((id, index) => modules.indexOf(id) !== index);
    expect(copies, 'modules in more than one chunk').toEqual([]);

    const lit = holding(chunks, isLit);
    expect(lit.map((chunk) => chunk.fileName)).toEqual([
      expect.stringMatching(/^chunks\/lit-.+\.js$/),
    ]);

    const starters = chunks.filter((chunk) => chunk.isEntry);
    expect(starters.map((chunk) => chunk.name).sort()).toEqual(['contact-form', 'second-widget']);
    const elements = chunks.filter((chunk) =>
      Object.keys(chunk.modules).some(
        (id) => id.includes('/src/define/') || id.endsWith('/second-widget.ts'),
      ),
    );
    expect(elements).toHaveLength(2);
    for (const element of elements) expect(element.imports).toContain(lit[0]?.fileName);
    // Each starter names Lit's chunk, so it is fetched beside the element, not after it.
    for (const starter of starters) expect(starter.code).toContain(`./${lit[0]?.fileName}`);

    // The light core the first render needs (the department request) is one shared chunk that
    // both starters import; neither starter holds a copy of its own.
    const [sharedCore, ...more] = holding(chunks, (id) => id.endsWith('department-preview.ts'));
    expect(more).toEqual([]);
    for (const starter of starters) {
      expect(starter.imports).toContain(sharedCore?.fileName);
      expect(Object.keys(starter.modules).filter(isCore)).toEqual([]);
    }
  }, 60_000);
});

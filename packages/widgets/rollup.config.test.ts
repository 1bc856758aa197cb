// The script-tag build shares code between widgets: widgets on one page load one copy of Lit
// and of the core (the chat launcher, built without Lit, loads the core alone). Built in memory with
// the real config plus a stand-in second widget. <kc-notice> is one file of its own.
import { fileURLToPath } from 'node:url';
import type { OutputChunk } from 'rollup';
import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT } from './rollup/compile-hints.mjs';
import config from './rollup.config.mjs';

const cdn = config[1];
if (!cdn || Array.isArray(cdn.output) || !cdn.output) throw new Error('no script-tag build');
const noticeBuild = config[2];
if (Array.isArray(noticeBuild.output) || !noticeBuild.output) {
  throw new Error('no script-tag build of the notice');
}

async function buildNotice(): Promise<OutputChunk[]> {
  const bundle = await rollup({ ...noticeBuild, onwarn: () => {} });
  try {
    const { output } = await bundle.generate(noticeBuild.output as object);
    return output.filter((file): file is OutputChunk => file.type === 'chunk');
  } finally {
    await bundle.close();
  }
}

/** The script-tag build with a second widget, made once for the tests that read it. */
let twoWidgets: Promise<OutputChunk[]> | undefined;
const builtTwoWidgets = () => {
  twoWidgets ??= buildTwoWidgets();
  return twoWidgets;
};

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

// Lit's directives are left out: each stays with the widget part that uses it (rollup.config.mjs).
const isLitTemplates = (id: string) =>
  /node_modules\/(lit|lit-html|lit-element|@lit\/(?!reactive-element\/)[^/]+)\//.test(id) &&
  !/node_modules\/(lit|lit-html)\/(directives\/|directive\.js|directive-helpers\.js|async-directive\.js)/.test(
    id,
  );
const isReactiveElement = (id: string) =>
  id.includes('node_modules/@lit/reactive-element/') && !id.endsWith('/css-tag.js');
/** Lit's `css` tag: every widget's styles, the DOM-built ones too. */
const isCssTag = (id: string) =>
  /node_modules\/@lit\/reactive-element\/(development\/)?css-tag\.js$/.test(id);
const holding = (chunks: OutputChunk[], test: (id: string) => boolean) =>
  chunks.filter((chunk) => Object.keys(chunk.modules).some(test));
/** Every chunk `chunk` imports, directly or through others. */
const importsOf = (chunks: OutputChunk[], chunk: OutputChunk, seen = new Set<string>()) => {
  for (const file of chunk.imports) {
    if (seen.has(file)) continue;
    seen.add(file);
    const next = chunks.find((each) => each.fileName === file);
    if (next) importsOf(chunks, next, seen);
  }
  return seen;
};

describe('the script-tag build', () => {
  it('puts Lit and the shared core in chunks every widget imports, never in a copy per widget', async () => {
    const chunks = await builtTwoWidgets();
    // Starters carry their own copies of what they import (ids `\0starter-copy:…`), by design.
    const modules = chunks
      .flatMap((chunk) => Object.keys(chunk.modules))
      .filter((id) => !id.startsWith('\0starter-copy:'));
    const copies = modules.filter((id, index) => modules.indexOf(id) !== index);
    expect(copies, 'modules in more than one chunk').toEqual([]);

    // Lit (templates and ReactiveElement) in one chunk; the light core every widget needs, with
    // Lit's `css` tag, in another that the first imports.
    const lit = holding(chunks, isLitTemplates);
    expect(lit.map((chunk) => chunk.fileName)).toEqual([
      expect.stringMatching(/^chunks\/lit-[^/]+\.js$/),
    ]);
    expect(holding(chunks, isReactiveElement)).toEqual(lit);
    const shared = holding(chunks, isCssTag);
    expect(shared.map((chunk) => chunk.fileName)).toEqual([
      expect.stringMatching(/^chunks\/shared-.+\.js$/),
    ]);
    const [litChunk, sharedChunk] = [lit[0]?.fileName ?? '', shared[0]?.fileName ?? ''];
    expect(lit[0]?.imports).toContain(sharedChunk);

    const starters = chunks.filter((chunk) => chunk.isEntry);
    const starter = (name: string) => starters.find((chunk) => chunk.name === name) as OutputChunk;
    expect(starters.map((chunk) => chunk.name).sort()).toEqual([
      'chat-bubble',
      'contact-form',
      'fault-report',
      'second-widget',
      'status-tracker',
    ]);
    const elementOf = (test: (id: string) => boolean) => {
      const [element, ...more] = chunks.filter((chunk) => Object.keys(chunk.modules).some(test));
      expect(more).toEqual([]);
      return element as OutputChunk;
    };
    const templateWidgets = [
      elementOf((id) => id.endsWith('/src/define/contact-form.ts')),
      elementOf((id) => id.endsWith('/second-widget.ts')),
    ];
    for (const element of templateWidgets) expect(element.imports).toContain(litChunk);
    // Nor do the chunks every widget shares drag in the client's ky and zod.
    const heavy = holding(chunks, (id) => /node_modules\/(ky|zod)\//.test(id));
    expect(heavy.map((chunk) => chunk.fileName)).not.toContain(sharedChunk);

    // The chat launcher too (its 10 KB): the panel with Lit's templates, the client and the
    // schemas is a chunk of its own, loaded when the chat is opened.
    const chat = elementOf((id) => id.endsWith('/src/define/chat-bubble.ts'));
    expect(chat.imports).toContain(sharedChunk);
    const launcher = [chat.fileName, ...importsOf(chunks, chat)];
    expect(launcher).not.toContain(litChunk);
    for (const file of launcher) expect(heavy.map((chunk) => chunk.fileName)).not.toContain(file);
    expect(chat.dynamicImports.some((file) => file.includes('chat-bubble.panel'))).toBe(true);

    // Each starter names what its element needs, so it is fetched beside the element, not after.
    for (const name of ['contact-form', 'second-widget']) {
      expect(starter(name).code).toContain(`./${litChunk}`);
      expect(starter(name).code).toContain(`./${sharedChunk}`);
    }

    // Every starter is one file that imports nothing: its own copies of the few import-free
    // modules it runs (the target check, the early department request) are inside it, so the
    // browser fetches the element and all its chunks the moment the starter arrives.
    for (const each of starters) {
      expect(each.imports, `${each.name} imports`).toEqual([]);
      expect(each.code.length, `${each.name} size`).toBeLessThan(2500);
    }
    // The department request itself (and the core's errors) stays one shared copy, loaded with
    // the element.
    const [sharedCore, ...more] = holding(chunks, (id) => id.endsWith('department-preview.ts'));
    expect(more).toEqual([]);
    expect(sharedCore?.isEntry).toBe(false);
    expect(starter('contact-form').code).toContain('/v1/departments/');
  }, 60_000);

  it("marks each widget's first-render chunks with V8's compile hint, and nothing loaded later", async () => {
    const chunks = await builtTwoWidgets();
    const hinted = chunks
      .filter((chunk) => chunk.code.startsWith(`${COMPILE_HINT}\n`))
      .map((chunk) => chunk.fileName);
    const holdingOne = (test: (id: string) => boolean) => {
      const [chunk, ...more] = holding(chunks, test);
      expect(more).toEqual([]);
      return (chunk as OutputChunk).fileName;
    };
    // What runs before the contact form's first frame: its element, Lit and the shared core.
    const element = holdingOne((id) => id.endsWith('/src/define/contact-form.ts'));
    expect(hinted).toContain(element);
    expect(hinted).toContain(holdingOne(isLitTemplates));
    expect(hinted).toContain(holdingOne(isCssTag));
    // Not what loads once the form is used (its submit path), nor the small starters.
    expect(hinted).not.toContain(holdingOne((id) => id.endsWith('/contact-form.deferred.ts')));
    for (const starter of chunks.filter((chunk) => chunk.isEntry)) {
      expect(hinted).not.toContain(starter.fileName);
    }
    // The hint is the first line: the source map moves down one line with the code.
    const withHint = chunks.find((chunk) => chunk.fileName === element);
    expect(withHint?.map?.mappings.startsWith(';')).toBe(true);
  }, 60_000);

  it('builds <kc-notice> as one file with everything it ever loads, without Lit, ky or zod', async () => {
    const files = await buildNotice();
    const [notice, ...words] = files as [OutputChunk, ...OutputChunk[]];
    expect(notice.fileName).toBe('notice.js');
    // Only its words in the other languages are files of their own, loaded on a page in them.
    expect(words.map((file) => file.name).sort()).toEqual([
      'notice.texts.ar',
      'notice.texts.en',
      'notice.texts.fi',
    ]);
    for (const file of words) expect([file.imports, file.dynamicImports]).toEqual([[], []]);
    expect(notice.imports).toEqual([]);
    expect(notice.dynamicImports.sort()).toEqual(words.map((file) => file.fileName).sort());
    const modules = Object.keys(notice.modules);
    expect(modules.some((id) => id.endsWith('/src/define/notice.ts'))).toBe(true);
    // Its live feed, read with the core's one event-stream reader.
    expect(modules.some((id) => id.endsWith('/core/src/events/parser.ts'))).toBe(true);
    const foreign = modules.filter(
      (id) => isLitTemplates(id) || isReactiveElement(id) || /node_modules\/(ky|zod)\//.test(id),
    );
    expect(foreign).toEqual([]);
  }, 60_000);
});

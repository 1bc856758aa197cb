// The element's manifest entry, made from its source with the widgets' own `cem analyze` plugins,
// as custom-elements.json is: what the wrapper tests hold the wrappers against.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as analyzer from '@custom-elements-manifest/analyzer/index.js';
import type { Package } from 'custom-elements-manifest/schema';
import cemConfig from '../../../widgets/custom-elements-manifest.config.mjs';

// The analyzer's typings leave out its programmatic API; this is its documented shape.
const { create, ts } = analyzer as unknown as {
  create(options: { modules: unknown[]; plugins?: unknown[] }): Package;
  ts: typeof import('typescript');
};

/** The element's manifest entry, made from its source with the widgets' own `cem analyze` plugins. */
export function manifestOf(relativePath: string) {
  // Relative to src/, where the wrappers and their tests are.
  const path = fileURLToPath(new URL(`../${relativePath}`, import.meta.url));
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const manifest = create({ modules: [source], plugins: cemConfig.plugins });
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  return declarations.find((declaration) => 'tagName' in declaration && declaration.tagName);
}

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Every file a module pulls in when bundled, as the widgets' bundler would. */
async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('KontaktError module', () => {
  it('pulls in neither ky nor zod, so code for the first render can import it', async () => {
    for (const entry of ['./KontaktError.ts', './NetworkError.ts', './ValidationError.ts']) {
      const inputs = await bundledInputs(entry);
      expect(inputs.filter((input) => /node_modules\/(ky|zod)\//.test(input))).toEqual([]);
      expect(inputs.filter((input) => input.includes('/schemas/'))).toEqual([]);
    }
  });
});

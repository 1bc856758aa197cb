import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('@kontakt/core/events', () => {
  it('pulls in neither ky nor zod nor the schemas, and stays small, for <kc-notice>', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /node_modules\/(ky|zod)\//.test(input))).toEqual([]);
    expect(inputs.filter((input) => input.includes('/schemas/'))).toEqual([]);
    const { gzipSync } = await import('node:zlib');
    const gzipped = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
    // A guard against accidents, not the budget (size-limit checks budgets on the build).
    expect(gzipped).toBeLessThan(3_500);
  });
});

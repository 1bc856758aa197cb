import { defineConfig } from 'vitest/config';

// Node-side tests (core SDK and server). Widget tests run in Chromium through web-test-runner.
export default defineConfig({
  resolve: { conditions: ['@kontakt/source'] },
  ssr: { resolve: { conditions: ['@kontakt/source'] } },
  test: {
    include: [
      'packages/{core,server,react}/src/**/*.test.ts',
      'packages/widgets/*.test.ts',
      'examples/*/*.test.ts',
    ],
    // `*.browser.test.ts` need IndexedDB and a DOM: web-test-runner runs them in Chromium.
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});

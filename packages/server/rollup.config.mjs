import { library } from '../../scripts/rollup/library.mjs';

export default library({
  // The embedded store's worker thread is an entry of its own: `new Worker(…/sqlite-worker.js)`.
  input: ['src/index.ts', 'src/main.ts', 'src/store/sqlite-worker.ts'],
  platform: 'node',
});

import { library } from '../../scripts/rollup/library.mjs';

export default library({
  input: [
    'src/index.ts',
    'src/schemas/index.ts',
    'src/calendar/index.ts',
    'src/events/index.ts',
    'src/early.ts',
    'src/agent/index.ts',
  ],
});

// Removes every build output, so a build never ships a module or chunk an earlier build left behind.
// (`tsc -b` keeps its state in .cache/tsbuildinfo; it goes too, or tsc would not emit again.)
import { readdirSync, rmSync } from 'node:fs';

for (const name of readdirSync('packages')) {
  rmSync(`packages/${name}/dist`, { recursive: true, force: true });
}
rmSync('.cache/tsbuildinfo', { recursive: true, force: true });

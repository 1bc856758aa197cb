/*
 * Whether the embedded store can run on this Node, asked before its native module is loaded: on
 * an older Node it does not fail to load, it crashes the process.
 */
import { EmbeddedStoreUnsupportedError } from './errors.js';

/** N-API 10, which better-sqlite3 13's native module needs: Node 22.14 and later. */
const NAPI_NEEDED = 10;

/**
 * Why the embedded store cannot run on the Node whose `process.versions` these are (one sentence
 * a person can act on), or `undefined` when it can.
 */
export function embeddedStoreProblem(versions: {
  node: string;
  napi?: string;
}): string | undefined {
  if (Number(versions.napi ?? 0) >= NAPI_NEEDED) return undefined;
  return `The embedded store needs Node 22.14 or later, and this is Node ${versions.node}: run the server on Node 24 LTS, or on PostgreSQL with DATABASE_URL.`;
}

/** Throws `EmbeddedStoreUnsupportedError` where the embedded store cannot run. */
export function assertEmbeddedStoreRuns(): void {
  const problem = embeddedStoreProblem(process.versions);
  if (problem) throw new EmbeddedStoreUnsupportedError(problem);
}

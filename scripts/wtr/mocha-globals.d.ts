// The globals web-test-runner's mocha gives browser tests (`*.browser.test.ts`, widget tests), typed
// here so that `tsc -p tsconfig.check.json` checks those tests without adding @types/mocha.
export {};

type Done = (error?: unknown) => void;

interface MochaContext {
  /** Sets this test's or hook's timeout in milliseconds. */
  timeout(ms: number): void;
  /** Marks the test as skipped (use sparingly: a skipped test cannot fail). */
  skip(): never;
}

type TestFunction = (this: MochaContext, done: Done) => undefined | PromiseLike<unknown>;

interface SuiteFunction {
  (title: string, fn: (this: MochaContext) => void): void;
  only(title: string, fn: (this: MochaContext) => void): void;
  skip(title: string, fn: (this: MochaContext) => void): void;
}

interface TestFunctionWithModifiers {
  (title: string, fn?: TestFunction): void;
  only(title: string, fn?: TestFunction): void;
  skip(title: string, fn?: TestFunction): void;
}

type HookFunction = (fn: TestFunction) => void;

declare global {
  var describe: SuiteFunction;
  var it: TestFunctionWithModifiers;
  var before: HookFunction;
  var after: HookFunction;
  var beforeEach: HookFunction;
  var afterEach: HookFunction;
}

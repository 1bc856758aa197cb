// A web-test-runner plugin that gives browser tests real kontakt servers, started from source as
// child processes, through `executeServerCommand` (@web/test-runner-commands):
//
//   kontakt-server-start   { origin?, config?, lookupLimit?, citizenAwayAfter? } → { id, url }
//                                                   a fresh server with an empty data dir
//                                                   (`lookupLimit`: --lookup-limit; `citizenAwayAfter`:
//                                                   --chat-citizen-away-after, in seconds)
//   kontakt-server-shared  { origin?, config? }  → { id, url }   the run's one server for these
//                                                   settings, started at the first ask and shared by
//                                                   the test files that ask: case lookups and POSTs
//                                                   are not limited (--lookup-limit, --rate-limit
//                                                   10000/1m), so files do not use up each other's
//                                                   attempts. Never stop or
//                                                   restart it; tests of the limit start their own.
//   kontakt-server-stop    { id }                → { stopped }    kill it (the port and data stay)
//   kontakt-server-restart { id }                → { id, url }    same port and data dir: "server up again"
//   kontakt-server-count-cases { id }            → { count }      rows in the `cases` table
//   kontakt-server-stored-message { id, reference } → { message }  the case's stored message (JSON)
//   kontakt-server-publish-notice { id, notice, noticeId? } → the notice   through the admin API
//                                                   (`noticeId`: change that notice instead)
//   kontakt-server-withdraw-notice { id, noticeId } → the notice    through the admin API
//   kontakt-component-docs { file }              → { tag, cssParts, cssProperties, cssStates, events }
//                                                   what a component's JSDoc documents (as the manifest)
//   kontakt-story-states { file }                → { [story]: states }   the custom states each
//                                                   exported story's JSDoc names (`:state(ready)`)
//
// Each server is a real process (not an in-process app), so "server down" in a test is a real closed
// port and "server up" a real restart on the same SQLite file. The processes run the server's
// source bundled once per run (scripts/server-from-source.mjs): a start takes about a second, not
// the 3–30 s of transforming every module with tsx again.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serverFromSource } from '../server-from-source.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CONFIG = join(ROOT, 'scripts/wtr/departments.json');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
/** Starts on a port an earlier server of the run had, before giving up (the OS rarely repeats). */
const PORT_ATTEMPTS = 10;
/** Shared servers' case lookups: far more than a run's tests make, so none is refused. */
const GENEROUS_LOOKUP_LIMIT = '10000/1m,10000';
/**
 * Shared servers' POSTs, for the same reason: every file that shares one sends from the same
 * address, and under the default (60 a minute) one file's cases used up another's.
 */
const GENEROUS_RATE_LIMIT = '10000/1m';

/**
 * The admin API key of every test server, made for this run: tests publish and withdraw notices
 * through the real admin API (the server gets only its hash, as in production).
 */
const ADMIN_API_KEY = `kk_${randomBytes(20).toString('hex')}`;
const ADMIN_API_KEYS = `wtr:sha256:${createHash('sha256').update(ADMIN_API_KEY).digest('hex')}`;

/**
 * @typedef {object} KontaktServer
 * @property {string} id
 * @property {string} dataDir
 * @property {string} config
 * @property {string} origin
 * @property {string | undefined} lookupLimit   `--lookup-limit`, when not the default
 * @property {string | undefined} rateLimit   `--rate-limit` (POSTs), when not the default
 * @property {number | undefined} citizenAwayAfter   `--chat-citizen-away-after`, when not the default
 * @property {number} port
 * @property {string} url
 * @property {import('node:child_process').ChildProcess | undefined} child
 * @property {string[]} log   last lines of output, shown when the server fails to start
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function kontaktServerPlugin() {
  /** @type {Map<string, KontaktServer>} */
  const servers = new Map();
  /** The shared servers by their settings, while starting and after. @type {Map<string, Promise<KontaktServer>>} */
  const shared = new Map();
  /** The ports of every server started in this run. @type {Set<number>} */
  const usedPorts = new Set();
  let pageOrigin = 'http://localhost:8000';
  let counter = 0;

  /** Starts a server with a new data dir. @returns {Promise<KontaktServer>} */
  const launch = async (payload) => {
    counter += 1;
    /** @type {KontaktServer} */
    const server = {
      id: `server-${counter}`,
      dataDir: mkdtempSync(join(tmpdir(), 'kontakt-wtr-')),
      config: payload?.config ? resolve(ROOT, payload.config) : DEFAULT_CONFIG,
      origin: payload?.origin ?? pageOrigin,
      lookupLimit: typeof payload?.lookupLimit === 'string' ? payload.lookupLimit : undefined,
      rateLimit: typeof payload?.rateLimit === 'string' ? payload.rateLimit : undefined,
      citizenAwayAfter:
        typeof payload?.citizenAwayAfter === 'number' ? payload.citizenAwayAfter : undefined,
      port: 0,
      url: '',
      child: undefined,
      log: [],
    };
    servers.set(server.id, server);
    await start(server);
    // Every server of the run gets a port no earlier one had. The browser keeps cacheable answers
    // (a department's fault catalog, for five minutes) by URL, so a new server on a stopped one's
    // port would be read as that one (a CI run got another file's photo limits so); and a stopped
    // server restarts on its own port, which must still be free.
    for (let attempt = 1; usedPorts.has(server.port); attempt++) {
      await stop(server);
      if (attempt === PORT_ATTEMPTS)
        throw new Error(`kontakt server got only used ports in ${PORT_ATTEMPTS} starts`);
      server.port = 0;
      await start(server);
    }
    usedPorts.add(server.port);
    return server;
  };

  const killAll = () => {
    for (const server of servers.values()) server.child?.kill('SIGKILL');
  };
  // Whatever way the runner ends, no server is left behind.
  process.on('exit', killAll);

  return {
    name: 'kontakt-server',

    serverStart({ config }) {
      // Bundled while the browser starts; a failure shows at the first server start.
      serverFromSource().catch(() => {});
      pageOrigin = `${config.protocol ?? 'http:'}//${config.hostname ?? 'localhost'}:${config.port}`;
    },

    async serverStop() {
      await Promise.all([...servers.values()].map((server) => stop(server)));
      for (const server of servers.values())
        rmSync(server.dataDir, { recursive: true, force: true });
      servers.clear();
      shared.clear();
      process.off('exit', killAll);
    },

    async executeCommand({ command, payload }) {
      switch (command) {
        case 'kontakt-server-start': {
          const server = await launch(payload);
          return { id: server.id, url: server.url };
        }
        case 'kontakt-server-shared': {
          const settings = {
            ...payload,
            lookupLimit: GENEROUS_LOOKUP_LIMIT,
            rateLimit: GENEROUS_RATE_LIMIT,
          };
          const key = JSON.stringify([settings.origin ?? pageOrigin, settings.config ?? '']);
          let starting = shared.get(key);
          if (!starting) {
            starting = launch(settings);
            shared.set(key, starting);
            // A failed start is not kept: the next file that asks tries again.
            starting.catch(() => shared.delete(key));
          }
          const server = await starting;
          return { id: server.id, url: server.url };
        }
        case 'kontakt-server-stop': {
          await stop(get(servers, payload));
          return { stopped: true };
        }
        case 'kontakt-server-restart': {
          const server = get(servers, payload);
          await stop(server);
          await start(server);
          return { id: server.id, url: server.url };
        }
        case 'kontakt-server-count-cases': {
          return { count: await countCases(get(servers, payload)) };
        }
        case 'kontakt-server-stored-message': {
          return { message: await storedMessage(get(servers, payload), payload?.reference) };
        }
        case 'kontakt-server-publish-notice': {
          const server = get(servers, payload);
          const path = payload?.noticeId ? `/${payload.noticeId}` : '';
          return admin(server, path, payload?.noticeId ? 'PUT' : 'POST', payload?.notice);
        }
        case 'kontakt-server-withdraw-notice': {
          return admin(get(servers, payload), `/${payload?.noticeId}/withdraw`, 'POST');
        }
        case 'kontakt-component-docs': {
          return componentDocs(payload?.file);
        }
        case 'kontakt-story-states': {
          return storyStates(payload?.file);
        }
        default:
          return undefined;
      }
    },
  };
}

function get(servers, payload) {
  const server = servers.get(payload?.id);
  if (!server) throw new Error(`No kontakt server with id ${JSON.stringify(payload?.id)}.`);
  return server;
}

/** @param {KontaktServer} server */
async function start(server) {
  const args = [
    await serverFromSource(),
    '--port',
    String(server.port),
    '--host',
    '127.0.0.1',
    '--data',
    server.dataDir,
    '--config',
    server.config,
    '--allow-origin',
    server.origin,
    '--log-level',
    'info',
    ...(server.lookupLimit ? ['--lookup-limit', server.lookupLimit] : []),
    ...(server.rateLimit ? ['--rate-limit', server.rateLimit] : []),
    ...(server.citizenAwayAfter === undefined
      ? []
      : ['--chat-citizen-away-after', String(server.citizenAwayAfter)]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', KONTAKT_ADMIN_API_KEYS: ADMIN_API_KEYS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.child = child;
  server.log = [];

  let listening = false;
  return new Promise((resolvePromise, reject) => {
    const remember = (line) => {
      server.log.push(line);
      if (server.log.length > 40) server.log.shift();
    };
    const fail = (reason) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`kontakt server did not start: ${reason}\n${server.log.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`no "listening" line within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );

    createInterface({ input: child.stderr }).on('line', remember);
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry?.msg === 'kontakt server listening' && typeof entry.url === 'string') {
        clearTimeout(timer);
        listening = true;
        server.url = entry.url.replace(/\/$/, '');
        // Later restarts reuse the port, so a page that keeps its client sees "the same server".
        server.port = Number(new URL(server.url).port);
        resolvePromise();
      }
    });
    // An exit before listening is a failed start; a later one is a stop or a crash the test sees.
    child.once('exit', (code, signal) => {
      if (!listening) fail(`exited with ${signal ?? code}`);
    });
  }).catch((error) => {
    server.child = undefined;
    throw error;
  });
}

/** @param {KontaktServer} server */
function stop(server) {
  const child = server.child;
  server.child = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/**
 * One request to the server's admin notices API; throws with the problem document when it fails.
 * @param {KontaktServer} server @param {string} path @param {string} method @param {unknown} [body]
 */
async function admin(server, path, method, body) {
  const response = await fetch(`${server.url}/v1/admin/notices${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${ADMIN_API_KEY}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await response.json();
  if (!response.ok)
    throw new Error(`${method} /v1/admin/notices${path}: ${JSON.stringify(answer)}`);
  return answer;
}

/** @param {KontaktServer} server */
async function countCases(server) {
  const file = join(server.dataDir, 'kontakt.sqlite');
  if (!existsSync(file)) return 0;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Number(db.prepare('select count(*) as count from cases').get().count);
  } finally {
    db.close();
  }
}

/** The message a case was filed with, as the store keeps it (`null` for no such case). */
async function storedMessage(server, reference) {
  const { default: Database } = await import('better-sqlite3');
  const file = join(server.dataDir, 'kontakt.sqlite');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select message from cases where reference = ?').get(String(reference));
    return row ? JSON.parse(row.message) : null;
  } finally {
    db.close();
  }
}

/**
 * Reads a component's documented API with the same analyzer that writes custom-elements.json, so
 * tests can hold the JSDoc (the contract) against what the element really renders.
 */
async function componentDocs(file) {
  if (typeof file !== 'string' || !file.startsWith('packages/')) {
    throw new Error('kontakt-component-docs needs { file: "packages/…/component.ts" }');
  }
  const { create, ts } = await import('@custom-elements-manifest/analyzer');
  const path = resolve(ROOT, file);
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const manifest = create({ modules: [source] });
  const declaration = manifest.modules[0]?.declarations?.find((each) => each.customElement);
  if (!declaration) throw new Error(`${file} declares no custom element`);
  const names = (list) => (list ?? []).map((item) => item.name).filter(Boolean);
  return {
    tag: declaration.tagName,
    cssParts: names(declaration.cssParts),
    cssProperties: names(declaration.cssProperties),
    cssStates: names(declaration.cssStates),
    events: names((declaration.events ?? []).filter((event) => event.description)),
  };
}

/**
 * The custom states each story of a stories file shows, as its JSDoc says (`:state(ready)`): what
 * Storybook's docs page shows above the story is what the stories test checks the widget is in.
 * @param {unknown} file   e.g. "stories/contact-form.stories.ts"
 * @returns {Promise<Record<string, string[]>>}   by export name; stories without a state: []
 */
async function storyStates(file) {
  if (typeof file !== 'string' || !/^stories\/[\w.-]+\.stories\.ts$/.test(file)) {
    throw new Error('kontakt-story-states needs { file: "stories/<widget>.stories.ts" }');
  }
  const { ts } = await import('@custom-elements-manifest/analyzer');
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  /** @type {Record<string, string[]>} */
  const states = {};
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((each) => each.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const docs = (ts.getLeadingCommentRanges(text, statement.pos) ?? [])
      .map((range) => text.slice(range.pos, range.end))
      .filter((comment) => comment.startsWith('/**'))
      .join('\n');
    const named = [...docs.matchAll(/:state\(([a-z-]+)\)/g)].map(([, state]) => state);
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name)) states[declaration.name.text] = [...new Set(named)];
    }
  }
  return states;
}

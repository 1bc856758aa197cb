// The bench's web server on loopback: the pages, the peers' bundles, kontakt's script-tag bundle,
// and the peers' stand-in services. Responses are compressed the way a CDN serves them (brotli, else
// gzip, by Accept-Encoding) and compressed once, ahead of the request: compressing while the page
// waits would count the server's work as the embed's.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { pageHtml } from './pages.mjs';
import { STAND_INS } from './stand-ins.mjs';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

/**
 * @typedef {{ raw: Buffer, br: Buffer, gzip: Buffer }} Encoded
 * @typedef {{ url: string, close: () => Promise<void> }} BenchServer
 */

/** @param {Buffer} raw @returns {Promise<Encoded>} */
export async function encode(raw) {
  const [br, gzipped] = await Promise.all([
    brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gz(raw, { level: 9 }),
  ]);
  return { raw, br, gzip: gzipped };
}

/**
 * @param {object} options
 * @param {Record<string, string>} options.mounts     URL prefix → directory
 * @param {import('./pages.mjs').Page[]} options.pages
 * @param {() => import('./pages.mjs').PageContext} options.context   read when a page is served
 * @returns {Promise<BenchServer>}
 */
export async function startStaticServer({ mounts, pages, context }) {
  /** @type {Map<string, Promise<Encoded | undefined>>} */
  const cache = new Map();
  const load = (/** @type {string} */ file) => {
    if (!cache.has(file)) {
      cache.set(
        file,
        readFile(file).then(encode, () => undefined),
      );
    }
    return /** @type {Promise<Encoded | undefined>} */ (cache.get(file));
  };

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const standIn = Object.entries(STAND_INS).find(([prefix]) => path.startsWith(prefix));
    if (standIn) return standIn[1](req, res);
    const page = pages.find((each) => path === `/${each.id}.html`);
    const body = page
      ? await encode(Buffer.from(pageHtml(page, context())))
      : await load(fileFor(mounts, path) ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    send(req, res, body, TYPES[extname(path)] ?? 'application/octet-stream');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** @param {Record<string, string>} mounts @param {string} path */
function fileFor(mounts, path) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!path.startsWith(prefix)) continue;
    const rest = normalize(decodeURIComponent(path.slice(prefix.length)));
    if (rest.startsWith('..')) return undefined;
    return join(dir, rest);
  }
  return undefined;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Encoded} body
 * @param {string} type
 */
function send(req, res, body, type) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  const bytes = encoding ? body[encoding] : body.raw;
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(bytes);
}

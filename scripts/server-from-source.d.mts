/**
 * The path of the kontakt server's CLI bundled from today's source (once per process, removed at
 * exit): `node <path> --config …` runs the server. See server-from-source.mjs.
 */
export function serverFromSource(): Promise<string>;

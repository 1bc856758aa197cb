// Stand-ins on loopback for the services the peers talk to when they start, so that each embed
// reaches the state a visitor would see instead of waiting on a network the bench does not have.
// They answer at once: for the peers these numbers are a lower bound.

/** @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} Handler */

/** @param {import('node:http').ServerResponse} res @param {unknown} body */
function json(res, body) {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Answers once the request body has been read (a POST left unread can stall the socket). */
const answer = (/** @type {unknown} */ body) =>
  /** @type {Handler} */ (
    (req, res) => {
      req.resume();
      req.on('end', () => json(res, body));
    }
  );

/**
 * Papercups shows its launcher only after its chat iframe (a React app on chat-widget.papercups.io)
 * posts `chat:loaded`. This page does only that, from the origin Papercups is told to expect.
 */
const PAPERCUPS_FRAME = `<!doctype html><meta charset="utf-8"><title>Papercups stand-in</title>
<script>parent.postMessage({ event: 'chat:loaded', payload: {} }, '*');</script>`;

/** URL path prefix → handler. */
/** @type {Record<string, Handler>} */
export const STAND_INS = {
  // n8n's chat asks its webhook for the previous session when it starts.
  '/n8n-webhook': answer({ data: [], output: 'Tack! Vi svarar snart.' }),
  '/papercups-api/': answer({ data: {} }),
  '/papercups-frame': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(PAPERCUPS_FRAME);
  },
};

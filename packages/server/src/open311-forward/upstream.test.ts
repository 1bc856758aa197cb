import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardedReport } from './operations.js';
import type { ForwardSettings } from './settings.js';
import { fileRequest, requestForm, requestIdOf, requestStates, UpstreamError } from './upstream.js';

/*
 * The upstream client against a local HTTP server that answers the way real Open311 servers do
 * (and the ways they get it wrong): ids as numbers, lists wrapped in an object, statuses in
 * capitals, entries missing fields, HTML error pages, bodies that are not JSON, no answer at all.
 */

let server: Server;
let settings: ForwardSettings;
/** The next answer: status, body, and how long to wait first. */
let answer: { status: number; body: string; delayMs?: number } = { status: 200, body: '[]' };
let lastUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    lastUrl = req.url ?? '';
    req.resume();
    const { status, body, delayMs = 0 } = answer;
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  settings = {
    url: `http://127.0.0.1:${port}/open311/v2`,
    apiKey: 'k',
    serviceCode: '017',
    jurisdictionId: 'exempelstaden.se',
    pollIntervalSeconds: 60,
    name: 'Driftsystemet',
    timeoutSeconds: 1,
    retryDelaySeconds: 1,
    maxAttempts: 3,
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const report: ForwardedReport = {
  description: 'Släckt lampa',
  lat: 55.6035,
  lon: 13.0011,
  address: 'Södergatan 12',
  answers: { hur: 'slackt', antal: 2, var: ['gata', 'park'] },
  anonymous: false,
  name: 'Karin Anna Lind',
  email: 'karin@example.se',
};

const signal = () => AbortSignal.timeout(2000);

describe('the upstream Open311 client', () => {
  it('files the form the spec describes, the contact only when not anonymous', () => {
    const form = requestForm(settings, report);
    expect([...form]).toEqual([
      ['api_key', 'k'],
      ['service_code', '017'],
      ['jurisdiction_id', 'exempelstaden.se'],
      ['lat', '55.6035'],
      ['long', '13.0011'],
      ['address_string', 'Södergatan 12'],
      ['attribute[hur]', 'slackt'],
      ['attribute[antal]', '2'],
      ['attribute[var][]', 'gata'],
      ['attribute[var][]', 'park'],
      ['description', 'Släckt lampa'],
      ['email', 'karin@example.se'],
      ['first_name', 'Karin'],
      ['last_name', 'Anna Lind'],
    ]);
    const anonymous = requestForm(settings, { ...report, anonymous: true });
    expect(anonymous.has('email') || anonymous.has('first_name')).toBe(false);
  });

  it('reads an id given as a number, and a token', async () => {
    answer = { status: 201, body: '[{"service_request_id":638344,"service_notice":""}]' };
    expect(await fileRequest(settings, report, 'key', signal())).toEqual({
      serviceRequestId: '638344',
    });
    answer = { status: 201, body: '[{"token":"12345"}]' };
    expect(await fileRequest(settings, report, 'key', signal())).toEqual({ token: '12345' });
    answer = { status: 200, body: '[{"service_request_id":"","token":"12345"}]' };
    expect(await requestIdOf(settings, '12345', signal())).toBeUndefined();
    expect(lastUrl).toBe(
      '/open311/v2/tokens/12345.json?jurisdiction_id=exempelstaden.se&api_key=k',
    );
  });

  it('says why a request was refused, and whether sending it again can help', async () => {
    answer = { status: 400, body: '[{"code":400,"description":"service_code not found"}]' };
    await expect(fileRequest(settings, report, 'key', signal())).rejects.toMatchObject({
      message: 'HTTP 400: service_code not found',
      permanent: true,
    });
    answer = { status: 403, body: '<html>Forbidden</html>' };
    await expect(fileRequest(settings, report, 'key', signal())).rejects.toMatchObject({
      message: 'HTTP 403',
      permanent: false,
    });
    answer = { status: 502, body: '<html>Bad Gateway</html>' };
    await expect(fileRequest(settings, report, 'key', signal())).rejects.toMatchObject({
      permanent: false,
    });
    answer = { status: 200, body: 'OK' };
    await expect(fileRequest(settings, report, 'key', signal())).rejects.toThrow(
      'the answer is not JSON',
    );
    answer = { status: 200, body: '[{"service_notice":"thanks"}]' };
    await expect(fileRequest(settings, report, 'key', signal())).rejects.toBeInstanceOf(
      UpstreamError,
    );
    answer = { status: 200, body: '[]', delayMs: 1500 };
    await expect(
      fileRequest(settings, report, 'key', AbortSignal.timeout(200)),
    ).rejects.toMatchObject({ message: 'no answer in time', permanent: false });
  });

  it('reads statuses from bare or wrapped lists and skips entries it cannot read', async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        service_requests: [
          { service_request_id: 1, status: 'Closed', status_notes: 'Bytt lampa' },
          { service_request_id: '2', status: 'open', status_notes: null },
          { service_request_id: '3', status: 'acknowledged' },
          { status: 'open' },
          'nonsense',
          { service_request_id: '4', status: 'closed', extended_status: 'DUPLICATE' },
        ],
      }),
    };
    const { states, unreadable } = await requestStates(settings, ['1', '2', '3', '4'], signal());
    expect(lastUrl).toBe(
      '/open311/v2/requests.json?service_request_id=1%2C2%2C3%2C4&jurisdiction_id=exempelstaden.se',
    );
    expect(Object.fromEntries(states)).toEqual({
      '1': { status: 'closed', notes: 'Bytt lampa' },
      '2': { status: 'open', notes: null },
      '4': { status: 'closed', notes: null, extendedStatus: 'DUPLICATE' },
    });
    expect(unreadable).toBe(3);
    answer = { status: 200, body: '{"error":"no"}' };
    await expect(requestStates(settings, ['1'], signal())).rejects.toThrow('not a list');
  });
});

/**
 * Browser-test fixtures for the console: a real kontakt server (a child process, see
 * scripts/wtr/kontakt-server-plugin.mjs) with three accounts, reached through the test page's own
 * origin (packages/console/scripts/wtr-api-proxy.mjs) as the console reaches its server, and the
 * app rendered at a URL under `/console`.
 */
import type { ContactMessageInput } from '@kontakt/core';
import { createClient } from '@kontakt/core';
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import { KcConsole as Console, LANGUAGE_KEY } from '../app/console.js';
import { KcSignIn } from '../app/sign-in.js';

/** A real kontakt server process started for a browser test. */
export interface TestServer {
  id: string;
  url: string;
}

/** The password of every account in `departments.json` (`anna` agent, `sven` specialist of `skola`, `alva` admin). */
export const PASSWORD = 'konsol-test-lösenord';

const CONFIG = 'packages/console/src/test-support/departments.json';
const START_URL = location.href;
const START_LANG = document.documentElement.lang;

/**
 * Starts a server with an empty store and the test accounts (`config`: another departments file,
 * e.g. the one `console-fault-config` writes; `citizenAwayAfter`: the server's
 * `chat.citizenAwayAfterSeconds`, when not its default).
 */
export function startServer(
  config = CONFIG,
  { citizenAwayAfter }: { citizenAwayAfter?: number } = {},
): Promise<TestServer> {
  return executeServerCommand<
    TestServer,
    { origin: string; config: string; citizenAwayAfter?: number }
  >('kontakt-server-start', {
    origin: location.origin,
    config,
    ...(citizenAwayAfter === undefined ? {} : { citizenAwayAfter }),
  });
}

export async function stopServer(server: TestServer): Promise<void> {
  await executeServerCommand('kontakt-server-stop', { id: server.id });
}

/** The server as the console reaches it: on this page's origin, through the runner's proxy. */
export function endpointOf(server: TestServer): string {
  return `${location.origin}/__kontakt/${new URL(server.url).port}`;
}

export function defineConsole(): void {
  KcSignIn.define('kc-sign-in');
  Console.define('kc-console');
}

/** The console at `/console<path>`, once it knows whether someone is signed in. */
export async function renderConsole(server: TestServer, path = '/'): Promise<KcConsole> {
  defineConsole();
  history.replaceState(null, '', `/console${path}`);
  const element = document.createElement('kc-console') as KcConsole;
  element.setAttribute('endpoint', endpointOf(server));
  document.body.append(element);
  await waitUntil(() => heading(element) !== '' && !isLoading(element), 'console did not start', {
    timeout: 10_000,
  });
  return element;
}

/** Removes every console, signs out what it can, and puts the page back as it was. */
export async function cleanupConsoles(): Promise<void> {
  for (const element of document.querySelectorAll<KcConsole>('kc-console')) {
    await element.client?.session.signOut().catch(() => undefined);
    element.remove();
  }
  history.replaceState(null, '', START_URL);
  localStorage.removeItem(LANGUAGE_KEY);
  document.documentElement.lang = START_LANG;
}

/** The first element matching `selector` anywhere below `root`, through every shadow root. */
export function deepQuery<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T | null {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const found = scope.querySelector<T>(selector);
  if (found) return found;
  for (const element of scope.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const inner = deepQuery<T>(element, selector);
      if (inner) return inner;
    }
  }
  return null;
}

/** Every element matching `selector` below `root`, through every shadow root. */
export function deepQueryAll<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T[] {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const found = [...scope.querySelectorAll<T>(selector)];
  for (const element of scope.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll<T>(element, selector));
  }
  return found;
}

/** The text of the view's `<h1>`. */
export function heading(element: KcConsole): string {
  return element.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
}

function isLoading(element: KcConsole): boolean {
  return ['Laddar …', 'Loading …'].includes(heading(element));
}

/** The element that has focus, looked up through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What the app's polite live region says. */
export function announced(element: KcConsole): string {
  return element.shadowRoot?.querySelector('[role="status"][aria-live]')?.textContent?.trim() ?? '';
}

/**
 * Whether the live region says `message` now: alone, or with the other messages of the same
 * frame, which the console reads out together.
 */
export function announces(element: KcConsole, message: string): boolean {
  return announced(element).includes(message);
}

/** Fills the sign-in form and submits it, as a person would with the mouse. */
export async function signIn(
  element: KcConsole,
  username: string,
  password = PASSWORD,
): Promise<void> {
  const form = deepQuery<KcSignIn>(element, 'kc-sign-in');
  if (!form) throw new Error('No sign-in form');
  const root = form.shadowRoot as ShadowRoot;
  (root.querySelector('#username') as HTMLInputElement).value = username;
  (root.querySelector('#password') as HTMLInputElement).value = password;
  (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
}

/** Signs in and waits for the shell. */
export async function signedIn(element: KcConsole, username: string): Promise<void> {
  await signIn(element, username);
  await waitUntil(() => element.shadowRoot?.querySelector('nav') !== null, 'not signed in', {
    timeout: 10_000,
  });
}

/** A message as a citizen sends it through the form's client; resolves with its reference. */
export async function submitCase(
  server: TestServer,
  message: Partial<ContactMessageInput> = {},
  department = 'gata',
): Promise<string> {
  const client = createClient({
    endpoint: endpointOf(server),
    department,
    outbox: false,
    retry: 0,
    pageUrl: () => `https://${department}.example.se/sida`,
  });
  const receipt = await client.cases.submit({
    topic: department === 'gata' ? 'parkering' : 'skolval',
    message: 'Hur söker jag boendeparkering?',
    answerChannel: 'email',
    email: 'anna.andersson@example.se',
    ...message,
  } as ContactMessageInput);
  return receipt.reference;
}

/** Goes to a path inside the console as a click on a link would. */
export async function goTo(
  element: KcConsole,
  path: string,
  expectedHeading: string,
): Promise<void> {
  element.navigate(path);
  await waitUntil(() => heading(element) === expectedHeading, `did not reach ${path}`, {
    timeout: 10_000,
  });
}

/** The first `selector` inside the view `tag` (selectors do not cross shadow roots; this does). */
export function inView<T extends Element = HTMLElement>(
  element: KcConsole,
  tag: string,
  selector: string,
): T | null {
  const view = deepQuery(element, tag);
  return view ? deepQuery<T>(view, selector) : null;
}

/** Every `selector` inside the view `tag`. */
export function allInView<T extends Element = HTMLElement>(
  element: KcConsole,
  tag: string,
  selector: string,
): T[] {
  const view = deepQuery(element, tag);
  return view ? deepQueryAll<T>(view, selector) : [];
}

/** A small PNG made by the browser, as the widgets' photo steps send them (`colour` tells them apart). */
export async function pngPhoto(colour = '#1b5e20'): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = colour;
  context.fillRect(0, 0, 64, 48);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

/** POSTs `body` to the server's public API as a widget does; resolves with the JSON answer. */
export async function postPublic(
  server: TestServer,
  path: string,
  body: BodyInit,
  type: string,
): Promise<unknown> {
  const response = await fetch(`${endpointOf(server)}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A message to `skola` (which takes photos with messages) as the contact form sends it, with
 * `photos` uploaded before; resolves with its receipt.
 */
export async function sendSkolaMessage(
  server: TestServer,
  message: string,
  photos: readonly string[] = [],
): Promise<{ reference: string; receiptToken: string }> {
  return (await postPublic(
    server,
    '/v1/cases',
    JSON.stringify({
      origin: {
        department: 'skola',
        pageUrl: 'https://skola.example.se/skolval',
        widget: 'kc-contact-form',
      },
      message: {
        topic: 'skolval',
        message,
        answerChannel: 'email',
        email: 'karin@example.se',
        ...(photos.length ? { photos } : {}),
      },
    }),
    'application/json',
  )) as { reference: string; receiptToken: string };
}

/** The photos shown in `container` (a case's `.photos` list): each image with its link. */
export const photoLinks = (container: ParentNode | null | undefined) =>
  [...(container?.querySelectorAll<HTMLImageElement>('.photos img') ?? [])].map((image) => ({
    image,
    link: image.closest('a') as HTMLAnchorElement,
  }));

/** Uploads `count` photos for `department` as a widget does; resolves with their ids, in order. */
export async function uploadPhotos(
  server: TestServer,
  department: string,
  count: number,
  colour?: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const path = `/v1/photos?department=${department}`;
    const uploaded = (await postPublic(server, path, await pngPhoto(colour), 'image/png')) as {
      id: string;
    };
    ids.push(uploaded.id);
  }
  return ids;
}

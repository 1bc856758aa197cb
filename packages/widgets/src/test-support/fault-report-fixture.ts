// Shared by the fault report's browser tests: a real kontakt server whose `gata` department takes
// fault reports (test-fixtures/departments.json), rendering, and helpers that read the shadow root.
import { fixture, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { TestServer } from './kontakt-server.js';
import { stopKontaktServer } from './kontakt-server.js';
import { pickFiles } from './photo-files.js';
import '../define/fault-report.js';
import type { KcFaultReport } from '../components/fault-report/fault-report.js';

export const CONFIG = 'packages/widgets/src/components/fault-report/test-fixtures/departments.json';
export const TRACKER = 'https://gata.example.se/arende';

export const server: TestServer = { id: '', url: '' };

/** Starts one server for the file (with the fault catalog) and clears drafts between tests. */
export function setUpFaultReportTests(): void {
  before(async () => {
    Object.assign(server, await startFaultServer());
  });
  after(async () => {
    if (server.id) await stopKontaktServer(server);
  });
  beforeEach(() => {
    sessionStorage.clear();
  });
}

/** A real server process whose `gata` takes fault reports, allowing this page's origin. */
export function startFaultServer(): Promise<TestServer> {
  return executeServerCommand<TestServer, { origin: string; config: string }>(
    'kontakt-server-start',
    { origin: location.origin, config: CONFIG },
  );
}

export const shadow = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

export function query<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

export const text = (element: Element, selector: string): string =>
  (shadow(element).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const active = (element: Element): Element | null => shadow(element).activeElement;

export const heading = (element: Element): string => text(element, '#step-heading');

export async function renderReport(
  options: { lang?: string; endpoint?: string } = {},
  container?: HTMLElement,
): Promise<KcFaultReport> {
  const element = await fixture<KcFaultReport>(
    html`<kc-fault-report
    endpoint=${options.endpoint ?? server.url}
    department="gata"
    tracker-url=${TRACKER}
    lang=${options.lang ?? 'sv'}
  ><p>Ring 040-34 10 00</p></kc-fault-report>`,
    container ? { parentNode: container } : {},
  );
  return loaded(element);
}

/** Waits until the catalog has filled in the first step. */
export async function loaded(element: KcFaultReport): Promise<KcFaultReport> {
  await waitUntil(
    () => element.matches(':state(ready)') || element.matches(':state(load-error)'),
    'the fault report did not load',
    { timeout: 10_000 },
  );
  await element.updateComplete;
  return element;
}

/** Presses Tab until focus is on `id` in the shadow root (at most 40 times). */
export async function tabTo(element: KcFaultReport, id: string): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (active(element)?.id === id) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached #${id} (at ${active(element)?.id})`);
}

/** Waits for the step whose heading ends with `name`, and for focus on that heading. */
export async function onStep(element: KcFaultReport, name: string): Promise<void> {
  await waitUntil(
    () => heading(element).endsWith(name) && active(element)?.id === 'step-heading',
    `not on step "${name}" (heading "${heading(element)}", focus on ${active(element)?.id})`,
    { timeout: 10_000 },
  );
}

/** Sets a control's value as typing would (an `input` event). */
export async function fill(element: KcFaultReport, id: string, value: string): Promise<void> {
  const control = query<HTMLInputElement | HTMLTextAreaElement>(element, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

/** Presses the step's next button and waits for the step `name`. */
export async function next(element: KcFaultReport, name: string): Promise<void> {
  query(element, '#next').click();
  await onStep(element, name);
}

/** Picks files in the photo step's file input, as the person would. */
export async function pickPhotos(element: KcFaultReport, files: File[]): Promise<void> {
  pickFiles(query<HTMLInputElement>(element, '#photo-take'), files);
}

/** A photo as a phone writes it: a JPEG with Exif and a GPS position in it. */
export async function phonePhoto(name = 'IMG_0001.jpg'): Promise<File> {
  const { exifBlock, halves, toBlob, withExif } = await import(
    '../internal/photos/exif-fixtures.js'
  );
  const jpeg = await toBlob(halves(1200, 900), 'image/jpeg', 0.9);
  return new File([await withExif(jpeg, exifBlock())], name, { type: 'image/jpeg' });
}

/** Picks a pothole (a category without questions) and describes the place, up to the photos. */
export async function toPhotoStep(
  element: KcFaultReport,
  address = 'Utanför Storgatan 12',
): Promise<void> {
  query<HTMLInputElement>(element, '#category-hal-i-gata').click();
  await element.updateComplete;
  await next(element, 'Var är felet?');
  await fill(element, 'address', address);
  await next(element, 'Foton');
}

/**
 * Fills a report of a pothole (a category without questions) up to the review: the place
 * described in words, the photos picked and ready, a description, anonymous.
 */
export async function fillToReview(
  element: KcFaultReport,
  options: { photos?: File[]; description?: string } = {},
): Promise<void> {
  await toPhotoStep(element);
  if (options.photos?.length) {
    await pickPhotos(element, options.photos);
    await waitUntil(
      () =>
        shadow(element).querySelectorAll('[part~="photo"] img').length === options.photos?.length,
      'the photos were not prepared',
      { timeout: 10_000 },
    );
  }
  await next(element, 'Beskriv felet');
  await fill(element, 'description', options.description ?? 'Ett djupt hål i cykelbanan.');
  await next(element, 'Kontaktuppgifter');
  await next(element, 'Kontrollera dina svar');
}

/** Records what the page's photo uploads answered (XMLHttpRequest, as the SDK uploads with it). */
export function recordUploads(): { ids: string[]; stop: () => void } {
  const ids: string[] = [];
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    const url = String(args[1]);
    if (url.includes('/v1/photos')) {
      this.addEventListener('load', () => {
        if (this.status === 201) ids.push((JSON.parse(this.responseText) as { id: string }).id);
      });
    }
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof XMLHttpRequest.prototype.open;
  const stop = () => {
    XMLHttpRequest.prototype.open = open;
  };
  return { ids, stop };
}

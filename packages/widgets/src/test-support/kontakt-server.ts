import type { AdminNotice, NoticeInput } from '@kontakt/core/schemas';
import { executeServerCommand } from '@web/test-runner-commands';

/** A real kontakt server process started for a browser test (see scripts/wtr/kontakt-server-plugin.mjs). */
export interface TestServer {
  id: string;
  url: string;
}

/**
 * Starts a server with an empty store, allowing this page's origin; `config`: its departments
 * file (a path from the repository's root), else the tests' default.
 */
export function startKontaktServer(config?: string): Promise<TestServer> {
  return executeServerCommand<TestServer, { origin: string; config?: string }>(
    'kontakt-server-start',
    { origin: location.origin, ...(config ? { config } : {}) },
  );
}

/**
 * The run's shared server for this page's origin and `config` (started by the first file that
 * asks): for tests that only need a server and do not stop it, restart it or run into its case
 * lookup limit (it has a generous one). Starting a server costs seconds, more on a busy machine.
 */
export function sharedKontaktServer(config?: string): Promise<TestServer> {
  return executeServerCommand<TestServer, { origin: string; config?: string }>(
    'kontakt-server-shared',
    { origin: location.origin, ...(config ? { config } : {}) },
  );
}

/** Stops the server process: its port is closed, as when a server is down. */
export async function stopKontaktServer(server: TestServer): Promise<void> {
  await executeServerCommand('kontakt-server-stop', { id: server.id });
}

/** Starts the server again on the same port with the same data: the server is back up. */
export async function restartKontaktServer(server: TestServer): Promise<void> {
  await executeServerCommand('kontakt-server-restart', { id: server.id });
}

/** How many cases the server has stored (read from its database). */
export async function countCases(server: TestServer): Promise<number> {
  const { count } = await executeServerCommand<{ count: number }, { id: string }>(
    'kontakt-server-count-cases',
    { id: server.id },
  );
  return count;
}

/** The message a case was filed with, as the server's store keeps it (`null`: no such case). */
export async function storedMessage(
  server: TestServer,
  reference: string,
): Promise<Record<string, unknown> | null> {
  const { message } = await executeServerCommand<
    { message: Record<string, unknown> | null },
    { id: string; reference: string }
  >('kontakt-server-stored-message', { id: server.id, reference });
  return message;
}

/**
 * Publishes a notice through the server's real admin API (or, with `noticeId`, changes that one);
 * resolves with the notice as the admin API answers it.
 */
export function publishNotice(
  server: TestServer,
  notice: NoticeInput,
  noticeId?: string,
): Promise<AdminNotice> {
  return executeServerCommand<AdminNotice, { id: string; notice: NoticeInput; noticeId?: string }>(
    'kontakt-server-publish-notice',
    { id: server.id, notice, ...(noticeId ? { noticeId } : {}) },
  );
}

/** Withdraws a notice through the server's admin API. */
export function withdrawNotice(server: TestServer, noticeId: string): Promise<AdminNotice> {
  return executeServerCommand<AdminNotice, { id: string; noticeId: string }>(
    'kontakt-server-withdraw-notice',
    { id: server.id, noticeId },
  );
}

/** What a component's JSDoc documents, read by the Custom Elements Manifest analyzer. */
export interface ComponentDocs {
  tag: string;
  cssParts: string[];
  cssProperties: string[];
  cssStates: string[];
  events: string[];
}

export function componentDocs(file: string): Promise<ComponentDocs> {
  return executeServerCommand<ComponentDocs, { file: string }>('kontakt-component-docs', { file });
}

/** The name of the default outbox's database (`indexedDBStore()` without options). */
export const DEFAULT_OUTBOX_DATABASE = 'kontakt-outbox';

/**
 * Whether the default outbox may hold submissions an earlier page load could not send, found out
 * without opening (or creating) anything: the database exists only while it holds something, so
 * a page whose outbox is empty never loads the outbox, IndexedDB code or the client for it.
 * Answers `true` when the browser cannot list its databases (looking is then up to the client).
 * `name` is the database of an outbox made with `indexedDBStore({ name })`.
 *
 * @since 0.2.0
 */
export async function mayHoldKeptSubmissions(name = DEFAULT_OUTBOX_DATABASE): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    const databases = await indexedDB.databases();
    return databases.some((database) => database.name === name);
  } catch {
    return true;
  }
}

import type { OutboxEntry, OutboxStore } from './types.js';

/**
 * Keeps outbox entries in memory for the life of the page or process: the default outside
 * browsers. Entries are copied in and out, as a real database would, so callers cannot change
 * what is stored by holding on to an object.
 *
 * @since 0.1.0
 */
export function memoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    async list(endpoint) {
      return [...entries.values()]
        .filter((entry) => entry.endpoint === endpoint)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((entry) => structuredClone(entry));
    },
    async get(id) {
      const entry = entries.get(id);
      return entry && structuredClone(entry);
    },
    async put(entry) {
      entries.set(entry.id, structuredClone(entry));
    },
    async delete(id) {
      entries.delete(id);
    },
  };
}

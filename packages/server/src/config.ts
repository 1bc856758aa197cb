import { readFile } from 'node:fs/promises';
import type { ContactReason, Letterhead } from '@kontakt/core/agent';
import { LetterheadSchema } from '@kontakt/core/agent';
import type { Department, FieldError } from '@kontakt/core/schemas';
import { DepartmentSchema, toFieldErrors } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import type { ClassificationConfig } from './agent-cases/classification.js';
import { parseClassification } from './agent-cases/classification.js';
import { parseReasons } from './agent-cases/reasons.js';
import type { ApiKeyConfig } from './api-keys.js';
import { ApiKeyConfigSchema } from './api-keys.js';
import type { AccountConfig } from './auth/accounts.js';
import { parseAccounts } from './auth/accounts.js';
import type { CallbackOptions } from './callbacks/settings.js';
import { CallbackOptionsSchema } from './callbacks/settings.js';
import type { ChatOptions } from './chat/settings.js';
import { ChatOptionsSchema } from './chat/settings.js';
import { ConfigError, checkSection, fieldError } from './config-error.js';
import { faultSettingsOf, parseFaultSettings, setFaultSettings } from './faults/settings.js';
import type { Open311Settings } from './open311/settings.js';
import { parseOpen311Options } from './open311/settings.js';
import { keepForwarding, parseForwarding, setForwarding } from './open311-forward/settings.js';

const ConfigFileSchema = z.object({
  departments: z.array(DepartmentSchema).check(z.minLength(1, 'required')),
});

/**
 * Validates departments with `DepartmentSchema` and fills in defaults. Also refuses duplicate ids
 * and time zones `Intl` does not know, which the schema alone cannot see.
 */
export function parseDepartments(input: unknown, source = 'departments'): Department[] {
  const parsed = ConfigFileSchema.safeParse({ departments: input });
  if (!parsed.success) throw new ConfigError(source, toFieldErrors(parsed.error.issues));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  parsed.data.departments.forEach((department, index) => {
    if (seen.has(department.id)) errors.push(fieldError(['departments', index, 'id'], 'duplicate'));
    seen.add(department.id);
    if (!isTimeZone(department.openingHours.timeZone)) {
      errors.push(fieldError(['departments', index, 'openingHours', 'timeZone'], 'invalid_option'));
    }
    // Fault settings stay out of `Department` (the geocoder is server-only): parsed apart.
    const given = (input as Record<string, unknown>[])[index];
    const faults = given?.faults;
    if (faults !== undefined) {
      const result = parseFaultSettings(faults, ['departments', index, 'faults']);
      if ('errors' in result) errors.push(...result.errors);
      else setFaultSettings(department, result.settings);
      // A category's `forward` (its api key a secret) is read apart from the public catalog.
      const forward = parseForwarding(faults, ['departments', index, 'faults']);
      if ('errors' in forward) errors.push(...forward.errors);
      else setForwarding(department, forward.forwarding);
    } else if (typeof given === 'object' && given !== null) {
      keepForwarding(given as unknown as Department, department);
      // A department parsed before (the config file, then startServer) keeps its settings.
      const known = faultSettingsOf(given as unknown as Department);
      if (known) setFaultSettings(department, known);
    }
  });
  if (errors.length > 0) throw new ConfigError(source, errors);
  return parsed.data.departments;
}

/** What a configuration file holds. */
export interface ConfigFile {
  departments: Department[];
  /** Keys of the admin API, by name and hash (`kontakt-server new-api-key` makes one). */
  adminApiKeys: ApiKeyConfig[];
  /** Local accounts of the agent console (`kontakt-server hash-password` makes the hashes). */
  accounts: AccountConfig[];
  /** The reasons for contact (`[{ id, name: { sv, en }, avoidable }]`); default `DEFAULT_REASONS`. */
  reasons?: ContactReason[];
  /**
   * Each department's classification in three levels (`{ "<department id>": [{ id, name: { sv,
   * en? }, escalationEmail?, children? }] }`); default none. Server-only: see `classification.ts`.
   */
  classification?: ClassificationConfig;
  /** How letters are headed (`{ sender, postalAddress, phone?, email?, web? }`); default none. */
  letterhead?: Letterhead;
  /** Open311 clients and discovery (`{ clients: [{ id, hash }], contact?, keyService?, … }`). */
  open311?: Open311Settings;
  /** Call-back slots (`{ slotMinutes, callsPerSlot, daysAhead }`); default `CALLBACK_DEFAULTS`. */
  callback?: CallbackOptions;
  /** The chat queue (`{ queue, maxChatsPerAgent, offerTimeoutSeconds, maxWaitMinutes, … }`); default `CHAT_DEFAULTS`. */
  chat?: ChatOptions;
}

const AdminApiKeysSchema = z
  .array(ApiKeyConfigSchema)
  .check(z.refine((keys) => new Set(keys.map((key) => key.id)).size === keys.length, 'duplicate'));

/**
 * Reads a configuration file: JSON `{ "departments": [ … ], "adminApiKeys": [ { "id", "hash" } ],
 * "accounts": [ { "id", "name", "email", "role", "departments", "passwordHash" } ] }`
 * (`adminApiKeys` may be left out: the admin API then answers every request 401; `accounts` too:
 * then only OpenID Connect signs agents in).
 */
export async function loadConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the configuration file ${path}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The configuration file ${path} is not valid JSON`, { cause: error });
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const departments = parseDepartments(record.departments, path);
  return {
    departments,
    adminApiKeys: parseApiKeys(record.adminApiKeys ?? [], path),
    accounts: parseAccounts(record.accounts ?? [], path),
    ...(record.reasons === undefined ? {} : { reasons: parseReasons(record.reasons, path) }),
    ...(record.classification === undefined
      ? {}
      : {
          classification: parseClassification(
            record.classification,
            new Set(departments.map((department) => department.id)),
            path,
          ),
        }),
    ...(record.letterhead === undefined
      ? {}
      : { letterhead: parseLetterhead(record.letterhead, path) }),
    ...(record.open311 === undefined ? {} : { open311: parseOpen311Options(record.open311, path) }),
    ...(record.callback === undefined ? {} : { callback: parseCallback(record.callback, path) }),
    ...(record.chat === undefined ? {} : { chat: parseChat(record.chat, path) }),
  };
}

/** Reads the departments of a configuration file (see `loadConfigFile`). */
export async function loadDepartmentsFile(path: string): Promise<Department[]> {
  return (await loadConfigFile(path)).departments;
}

/** Checks admin API keys (`[{ id, hash }]`); a bad one throws `ConfigError` naming it. */
export function parseApiKeys(input: unknown, source = 'adminApiKeys'): ApiKeyConfig[] {
  return checkSection(AdminApiKeysSchema, input, 'adminApiKeys', source);
}

/**
 * Admin API keys from an environment variable: `name:sha256:…` entries separated by commas,
 * e.g. `KONTAKT_ADMIN_API_KEYS=crisis-team:sha256:9f86…,console:sha256:2c26…`.
 */
export function parseApiKeysText(text: string, source: string): ApiKeyConfig[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      return at < 0
        ? { id: entry, hash: '' }
        : { id: entry.slice(0, at), hash: entry.slice(at + 1) };
    });
  return parseApiKeys(entries, source);
}

/** Checks the `callback` section; a bad field throws `ConfigError` naming it (`callback.slotMinutes`). */
export function parseCallback(input: unknown, source = 'callback'): CallbackOptions {
  return checkSection(CallbackOptionsSchema, input, 'callback', source);
}

/** Checks the `chat` section; a bad field throws `ConfigError` naming it (`chat.maxChatsPerAgent`). */
export function parseChat(input: unknown, source = 'chat'): ChatOptions {
  checkSection(ChatOptionsSchema, input, 'chat', source);
  // Only what the file says: the command line's settings fill in over it, field by field.
  return input as ChatOptions;
}

/**
 * Checks the `letterhead` section (`LetterheadSchema`); a bad field throws `ConfigError` naming it
 * (`letterhead.postalAddress.postalCode`).
 */
export function parseLetterhead(input: unknown, source = 'letterhead'): Letterhead {
  return checkSection(LetterheadSchema, input, 'letterhead', source);
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

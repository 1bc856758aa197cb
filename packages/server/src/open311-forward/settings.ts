import type { Department, FieldError } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import { fieldUnder, toConfigErrors } from '../config-error.js';

/*
 * A fault category's `forward` setting: its reports go on to the department's own Open311
 * work-order system, which is then asked for their status. Read beside the fault settings (the
 * public catalog never holds it: the api key is a secret), from the same `faults.categories[]`.
 */

const upstreamUrl = z.string().check(
  z.maxLength(2048),
  z.refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), 'invalid_url'),
);

/**
 * An api key is given as it is, or (better, so the file holds no secret) as the name of an
 * environment variable that holds it: `{ "env": "GATA_OPEN311_KEY" }`.
 */
const ApiKeySchema = z.union([
  z.string().check(z.minLength(1, 'required'), z.maxLength(500)),
  z.object({ env: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'invalid_format')) }),
]);

export const ForwardOptionsSchema = z.object({
  /** The upstream endpoint's base (`https://drift.example.se/open311/v2`); `/requests.json` is added. */
  url: upstreamUrl,
  apiKey: ApiKeySchema,
  /** The upstream service this category's reports are filed as. */
  serviceCode: z.string().check(z.minLength(1, 'required'), z.maxLength(200)),
  jurisdictionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** How often the upstream is asked for the status of forwarded, open reports. */
  pollIntervalSeconds: z._default(z.number().check(z.minimum(1), z.maximum(86_400)), 300),
  /** The system's name in the citizen's timeline (*Skickat vidare till …*); default the host. */
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** An upstream request is cut off after this long. */
  timeoutSeconds: z._default(z.number().check(z.minimum(0.1), z.maximum(120)), 15),
  /** The first retry waits this long, each next one twice as long (at most an hour). */
  retryDelaySeconds: z._default(z.number().check(z.minimum(0.01), z.maximum(3600)), 30),
  /** Attempts before giving up and telling the agents (default 20: about a day). */
  maxAttempts: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(1000)), 20),
});
export type ForwardOptions = z.input<typeof ForwardOptionsSchema>;

/** A category's forwarding, checked, the api key read and defaults filled in. */
export interface ForwardSettings {
  readonly url: string;
  readonly apiKey: string;
  readonly serviceCode: string;
  readonly jurisdictionId?: string | undefined;
  readonly pollIntervalSeconds: number;
  readonly name: string;
  readonly timeoutSeconds: number;
  readonly retryDelaySeconds: number;
  readonly maxAttempts: number;
}

/** Forwarding by category id, for one department. */
export type DepartmentForwarding = ReadonlyMap<string, ForwardSettings>;

/**
 * Reads the `forward` settings of a department's `faults.categories[]` (as given, before the
 * fault settings' own parsing drops keys it does not know). Errors are named at `path`
 * (`departments.0.faults`); an api key's environment variable that is not set is `required`.
 */
export function parseForwarding(
  faults: unknown,
  path: (string | number)[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): { forwarding: DepartmentForwarding } | { errors: FieldError[] } {
  const categories = isRecord(faults) && Array.isArray(faults.categories) ? faults.categories : [];
  const forwarding = new Map<string, ForwardSettings>();
  const errors: FieldError[] = [];
  categories.forEach((category: unknown, index) => {
    if (!isRecord(category) || category.forward === undefined) return;
    const at = [...path, 'categories', index, 'forward'];
    const parsed = ForwardOptionsSchema.safeParse(category.forward);
    if (!parsed.success) {
      errors.push(...toConfigErrors(parsed.error.issues).map((error) => fieldUnder(at, error)));
      return;
    }
    const { apiKey, url, name, ...rest } = parsed.data;
    const key = typeof apiKey === 'string' ? apiKey : env[apiKey.env];
    if (!key) {
      const keyPath = typeof apiKey === 'string' ? [...at, 'apiKey'] : [...at, 'apiKey', 'env'];
      errors.push({ field: keyPath.join('.'), pointer: `/${keyPath.join('/')}`, code: 'required' });
      return;
    }
    if (typeof category.id === 'string') {
      forwarding.set(category.id, {
        ...rest,
        url: url.replace(/\/+$/, ''),
        apiKey: key,
        name: name ?? new URL(url).host,
      });
    }
  });
  return errors.length > 0 ? { errors } : { forwarding };
}

// Keyed by the department object, as the fault settings are (`faults/settings.ts`).
const forwardingOf = new WeakMap<Department, DepartmentForwarding>();

/** Remembers a department's forwarding (`parseDepartments` does this). */
export function setForwarding(department: Department, forwarding: DepartmentForwarding): void {
  if (forwarding.size > 0) forwardingOf.set(department, forwarding);
}

/** The forwarding of a department's category, `undefined` when its reports stay here. */
export function forwardSettingsOf(
  department: Department,
  category: string,
): ForwardSettings | undefined {
  return forwardingOf.get(department)?.get(category);
}

/** Every forwarded category of the departments, for the forwarder and the poller. */
export function forwardedCategories(
  departments: Iterable<Department>,
): { department: string; category: string; settings: ForwardSettings }[] {
  const found: { department: string; category: string; settings: ForwardSettings }[] = [];
  for (const department of departments) {
    for (const [category, settings] of forwardingOf.get(department) ?? []) {
      found.push({ department: department.id, category, settings });
    }
  }
  return found;
}

/**
 * Carries a department's forwarding over to its copy parsed again (the config file's
 * departments, then `startServer`'s), as the fault settings are.
 */
export function keepForwarding(from: Department, to: Department): void {
  const known = forwardingOf.get(from);
  if (known) forwardingOf.set(to, known);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

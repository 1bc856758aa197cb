import type { Agent } from '@kontakt/core/agent';
import { AgentIdSchema, AgentRoleSchema } from '@kontakt/core/agent';
import type { FieldError } from '@kontakt/core/schemas';
import { EmailSchema, SlugSchema } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import { ConfigError, checkSection, fieldError } from '../config-error.js';
import { isPasswordHash } from './passwords.js';

/**
 * A local account as the configuration file holds it (`accounts`): the person, their role, the
 * departments a specialist works for, and the hash of their password (`kontakt-server
 * hash-password`), never the password.
 */
export const AccountConfigSchema = z
  .object({
    id: AgentIdSchema,
    name: z.string().check(z.minLength(1, 'required'), z.maxLength(200, 'too_long')),
    email: EmailSchema,
    role: AgentRoleSchema,
    departments: z._default(z.optional(z.array(SlugSchema)), []),
    passwordHash: z.string().check(z.refine(isPasswordHash, 'invalid_format')),
  })
  .check(
    z.superRefine((account, ctx) => {
      // A specialist sees only what is forwarded to their departments: without any, nothing.
      if (account.role === 'specialist' && account.departments.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'required', path: ['departments'], input: [] });
      }
    }),
  );
export type AccountConfig = z.output<typeof AccountConfigSchema>;
export type AccountConfigInput = z.input<typeof AccountConfigSchema>;

/** The accounts, each valid, with no id or e-mail address used twice. */
export const AccountsSchema = z.array(AccountConfigSchema).check(
  z.superRefine((accounts, ctx) => {
    const ids = new Set<string>();
    const emails = new Set<string>();
    accounts.forEach((account, index) => {
      const id = account.id.toLowerCase();
      const email = account.email.toLowerCase();
      if (ids.has(id)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate', path: [index, 'id'], input: id });
      }
      if (emails.has(email)) {
        ctx.addIssue({
          code: 'custom',
          message: 'duplicate',
          path: [index, 'email'],
          input: email,
        });
      }
      ids.add(id);
      emails.add(email);
    });
  }),
);

/** Checks the `accounts` of a configuration; a bad one throws `ConfigError` naming it. */
export function parseAccounts(input: unknown, source = 'accounts'): AccountConfig[] {
  return checkSection(AccountsSchema, input, 'accounts', source);
}

/** Refuses accounts that name departments the server does not have. */
export function checkAccountDepartments(
  accounts: readonly AccountConfig[],
  departments: ReadonlySet<string>,
  source = 'the server options',
): void {
  const errors: FieldError[] = [];
  accounts.forEach((account, index) => {
    account.departments.forEach((department, at) => {
      if (!departments.has(department)) {
        errors.push({
          ...fieldError(['accounts', index, 'departments', at], 'unknown_department'),
          params: { department },
        });
      }
    });
  });
  if (errors.length > 0) throw new ConfigError(source, errors);
}

/** The account a person signs in as: by id or e-mail address, either in any case. */
export function findAccount(
  accounts: readonly AccountConfig[],
  username: string,
): AccountConfig | undefined {
  const wanted = username.trim().toLowerCase();
  return accounts.find(
    (account) => account.id.toLowerCase() === wanted || account.email.toLowerCase() === wanted,
  );
}

/** What the API shows of an account: everything but the password hash. */
export function agentOf(account: AccountConfig): Agent {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    departments: [...account.departments],
  };
}

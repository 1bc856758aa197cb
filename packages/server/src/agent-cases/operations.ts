import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Actor, CaseActionRequest } from './actions.js';
import { actOnCase } from './actions.js';
import { listInbox, selectAgentCase } from './inbox.js';
import type { ResumeRequest } from './parked.js';
import { dueParkedCases, nextParkedResume, resumeParkedCase } from './parked.js';
import type { RegisteredCase } from './register.js';
import { registerCase } from './register.js';
import type { RetryMailRequest } from './retry-mail.js';
import { retryCaseMail } from './retry-mail.js';

/** Case handling's reads, spread into `reads` in `store/operations.ts`. */
export const agentCaseReads = {
  listInbox,
  selectAgentCase,
  dueParkedCases,
  nextParkedResume,
};

/** Case handling's writes, spread into `writes` in `store/operations.ts`. */
export const agentCaseWrites = {
  actOnCase: (db: Kysely<Database>, request: CaseActionRequest) => actOnCase(db, request),
  registerCase: (db: Kysely<Database>, actor: Actor, input: RegisteredCase) =>
    registerCase(db, actor, input),
  retryCaseMail: (db: Kysely<Database>, request: RetryMailRequest) => retryCaseMail(db, request),
  resumeParkedCase: (db: Kysely<Database>, request: ResumeRequest) => resumeParkedCase(db, request),
};

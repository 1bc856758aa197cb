import * as z from 'zod/mini';
import { DateTimeSchema } from './common.js';
import { CaseReferenceSchema } from './reference.js';

/** The service promise shown on receipts: a written question is answered within N working days. */
export const AnswerTimePromiseSchema = z.object({
  workingDays: z.number().check(z.int(), z.minimum(1), z.maximum(60)),
});
export type AnswerTimePromise = z.infer<typeof AnswerTimePromiseSchema>;

/** A secret handed only to the sender; with the reference it opens the case's status. */
export const ReceiptTokenSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{32,64}$/, 'invalid_format'));

/** What the sender gets back once the case is durably stored. */
export const ReceiptSchema = z.object({
  reference: CaseReferenceSchema,
  receiptToken: ReceiptTokenSchema,
  submittedAt: DateTimeSchema,
  /** The latest time an answer is promised, counted in working days (weekends and holidays skipped). */
  expectedAnswerBy: DateTimeSchema,
  answerTimePromise: AnswerTimePromiseSchema,
});
export type Receipt = z.infer<typeof ReceiptSchema>;

import * as z from 'zod/mini';
import { DateTimeSchema, DepartmentIdSchema, HttpUrlSchema, LocaleSchema } from './common.js';
import { ContactMessageSchema } from './contact-message.js';
import { CaseReferenceSchema } from './reference.js';

/** received → in progress → (waiting for the citizen | forwarded) → resolved / closed. */
export const CASE_STATUSES = [
  'received',
  'in_progress',
  'waiting_for_citizen',
  'forwarded',
  'resolved',
  'closed',
  'duplicate',
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Every channel ends in one case list. */
export const CASE_CHANNELS = [
  'web_form',
  'fault_report',
  'chat',
  'email',
  'phone',
  'visit',
] as const;
export const CaseChannelSchema = z.enum(CASE_CHANNELS);
export type CaseChannel = z.infer<typeof CaseChannelSchema>;

/** Where a case came from: the department whose page embedded the widget, and that page. */
export const CaseOriginSchema = z.object({
  department: DepartmentIdSchema,
  /** The page URL read at submit time (single-page apps change it after load). */
  pageUrl: HttpUrlSchema,
  /** The element that sent it, e.g. `kc-contact-form`. */
  widget: z.string().check(z.minLength(1), z.maxLength(64, 'too_long')),
});
export type CaseOrigin = z.infer<typeof CaseOriginSchema>;

export const TimelineEntrySchema = z.object({
  at: DateTimeSchema,
  status: CaseStatusSchema,
  /** Set when the case was forwarded to another department. */
  department: z.optional(DepartmentIdSchema),
  /** A public note in plain language; never personal data. */
  note: z.optional(z.string().check(z.maxLength(2000))),
  /**
   * The language the note is written in, when staff said (the widgets mark the note with it, so
   * that it is read in that language whatever the page's is).
   */
  noteLanguage: z.optional(LocaleSchema),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/**
 * A case (*ärende*) as the public sees it: status and history, never the message or contact
 * details. What the person wrote stays on the server.
 */
export const CaseSchema = z.object({
  reference: CaseReferenceSchema,
  channel: CaseChannelSchema,
  origin: CaseOriginSchema,
  topic: z.string(),
  status: CaseStatusSchema,
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  timeline: z.array(TimelineEntrySchema),
});
export type Case = z.infer<typeof CaseSchema>;

/** The body of `POST /v1/cases`: a contact message and where it was written. */
export const CaseSubmissionSchema = z.object({
  origin: CaseOriginSchema,
  message: ContactMessageSchema,
});
export type CaseSubmission = z.infer<typeof CaseSubmissionSchema>;
export type CaseSubmissionInput = z.input<typeof CaseSubmissionSchema>;

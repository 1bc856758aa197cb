import * as z from 'zod/mini';
import { CaseChannelSchema, CaseStatusSchema, TimelineEntrySchema } from './case.js';
import { DateTimeSchema, DepartmentIdSchema, SlugSchema } from './common.js';
import { EmailSchema, MessageTextSchema } from './contact-message.js';
import { LatLonSchema } from './fault.js';
import { photoIdsSchema } from './photo.js';
import { ReceiptTokenSchema } from './receipt.js';
import { CaseReferenceSchema } from './reference.js';
import { MESSAGE_MAX_PHOTOS } from './vocabulary.js';

/*
 * What a citizen sees of a case (the status tracker, `client.cases.lookup`): its public status in
 * plain words and the public timeline. Never the message, the contact details, internal notes, who
 * handles it, or the photos' contents. Reached only with the reference plus a token or the e-mail
 * address used; every wrong guess gets the same answer as an unknown reference.
 */

/** `PublicCase` for a fault report also has the category and the (rounded) place. */
export const PublicFaultSchema = z.object({
  category: SlugSchema,
  /** Rounded to about ten metres. */
  location: z.optional(LatLonSchema),
  /** How many photos came with it (their contents are not public). */
  photoCount: z.number().check(z.int(), z.minimum(0)),
});
export type PublicFault = z.infer<typeof PublicFaultSchema>;

export const PublicCaseSchema = z.object({
  reference: CaseReferenceSchema,
  channel: CaseChannelSchema,
  department: DepartmentIdSchema,
  /** The topic (contact form) or fault category id. */
  topic: z.string(),
  status: CaseStatusSchema,
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  /** The promised answer date, when the department made one. */
  expectedAnswerBy: z.optional(DateTimeSchema),
  /** Set when the case was closed as a duplicate of another one, which the person can follow. */
  duplicateOf: z.optional(CaseReferenceSchema),
  fault: z.optional(PublicFaultSchema),
  timeline: z.array(TimelineEntrySchema),
});
export type PublicCase = z.infer<typeof PublicCaseSchema>;

/** How a person proves a case is theirs: the receipt token (receipt link) or the e-mail used. */
export const CaseLookupSchema = z.union([
  z.object({ token: ReceiptTokenSchema }),
  z.object({ email: EmailSchema }),
]);
export type CaseLookup = z.infer<typeof CaseLookupSchema>;

/**
 * `POST /v1/cases/{reference}/lookup`'s answer: the case and a token to read and follow it with
 * (`Authorization: Bearer …` on `GET /v1/cases/{reference}` and its `/stream`). For a receipt
 * token it is the same token.
 */
export const CaseAccessSchema = z.object({
  case: PublicCaseSchema,
  accessToken: ReceiptTokenSchema,
  /**
   * Whether the token is the sender's (the receipt token, an e-mail lookup's), who may add to the
   * case (`client.cases.addMessage`), or a follower's (`false`). Absent from older servers.
   */
  sender: z.optional(z.boolean()),
});
export type CaseAccess = z.infer<typeof CaseAccessSchema>;

/**
 * `POST /v1/cases/{reference}/followers`: follow someone else's open fault report instead of
 * filing a duplicate. With an e-mail address the person is told of its progress by mail.
 */
export const FollowRequestSchema = z.object({
  email: z.optional(EmailSchema),
  locale: z.optional(z.enum(['sv', 'en', 'fi', 'ar'])),
});
export type FollowRequest = z.infer<typeof FollowRequestSchema>;

/** `POST /v1/cases/{reference}/messages`: more information from the person who sent the case. */
export const CaseMessageSchema = z.object({
  /** Trimmed, required, at most `MESSAGE_MAX_LENGTH` characters: as a message's `message`. */
  text: MessageTextSchema,
  /**
   * Photos uploaded for the answer (`POST /v1/photos` for the case's department), at most that
   * department's `messagePhotos.maxCount` (none without `messagePhotos`). Never public.
   */
  photos: photoIdsSchema(MESSAGE_MAX_PHOTOS),
});
export type CaseMessage = z.infer<typeof CaseMessageSchema>;
export type CaseMessageInput = z.input<typeof CaseMessageSchema>;

/** The SSE event type on a case's public stream; its data is the whole `PublicCase` after the change. */
export const PUBLIC_CASE_EVENT = 'case.changed';

/*
 * How the contact center heads the letters it answers by (`answerChannel: 'letter'`): who they
 * are from, the return address and how to reach the contact center. Configured on the server,
 * which checks it with the same schema at start; the console prints it on a letter.
 */
import type { KyInstance } from 'ky';
import * as z from 'zod/mini';
import { LocalizedTextSchema } from '../schemas/common.js';
import { EmailSchema, PostalAddressSchema } from '../schemas/contact-message.js';
import { signalOf } from './http.js';
import { agentJson } from './request.js';

/** The longest phone number a letterhead prints, as written (`040-34 10 00`, `+46 40 34 10 00`). */
const LETTERHEAD_PHONE_MAX_LENGTH = 40;
/** The longest web address a letterhead prints. */
const LETTERHEAD_WEB_MAX_LENGTH = 200;

const isHttpsUrl = (value: string) => URL.canParse(value) && new URL(value).protocol === 'https:';

/** How letters from the contact center are headed: `GET /v1/agent/letterhead`. */
export const LetterheadSchema = z.object({
  /** Who the letter is from, e.g. `{ sv: 'Malmö stad, Kontaktcenter', en: 'City of Malmö, Contact Centre' }`. */
  sender: LocalizedTextSchema,
  /** The return address; the postcode is given back as the post writes it, `205 80`. */
  postalAddress: PostalAddressSchema,
  /** The phone number printed on the letter, as it should be read (`040-34 10 00`). */
  phone: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'required'),
        z.maxLength(LETTERHEAD_PHONE_MAX_LENGTH, 'too_long'),
      ),
  ),
  /** The e-mail address printed on the letter. */
  email: z.optional(EmailSchema),
  /** The web address printed on the letter: https only (`https://malmo.se`). */
  web: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(LETTERHEAD_WEB_MAX_LENGTH, 'too_long'),
        z.refine(isHttpsUrl, 'invalid_url'),
      ),
  ),
});
/** A letterhead as the server answers with it: checked, the postcode as `205 80`. */
export type Letterhead = z.infer<typeof LetterheadSchema>;
/** A letterhead as it is configured (the postcode may be written `20580`). */
export type LetterheadInput = z.input<typeof LetterheadSchema>;

/** The answer of `GET /v1/agent/letterhead`: `null` when the server has none configured. */
export const LetterheadAnswerSchema = z.object({ letterhead: z.nullable(LetterheadSchema) });
/** `{ letterhead }`, the answer of `GET /v1/agent/letterhead`. */
export type LetterheadAnswer = z.infer<typeof LetterheadAnswerSchema>;

/** `client.letterhead`: how the contact center's letters are headed, for printing them. */
export interface AgentLetterheadResource {
  /**
   * The configured letterhead; `null` when the server has none (a letter then goes without one).
   * Any signed-in member of staff may read it.
   */
  get(options?: { signal?: AbortSignal }): Promise<Letterhead | null>;
}

/**
 * Makes `client.letterhead` over an agent client's `http` (`withAgentResources` does it).
 *
 * @example
 * const letterhead = await agentLetterheadResource(client.http).get();
 */
export function agentLetterheadResource(http: KyInstance): AgentLetterheadResource {
  return {
    async get(options = {}) {
      return (
        await agentJson(http, 'v1/agent/letterhead', LetterheadAnswerSchema, signalOf(options))
      ).letterhead;
    },
  };
}

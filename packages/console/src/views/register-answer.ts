import type { RegisterCaseInput } from '@kontakt/core/agent';
import type { AnswerChannel } from '@kontakt/core/schemas';
import type { TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import type { ConsoleTexts } from '../i18n/texts.js';
import type { RegisterFieldContext } from './register-field.js';
import { registerField } from './register-field.js';
import type { RegisterTexts } from './register-texts.js';
import { choiceStyles } from './view.styles.js';

/*
 * The register form's answer part: how the person wants the answer, and the details that channel
 * needs. Agents type someone else's details, so the browser is asked not to offer the agent's own
 * (`autocomplete="off"`).
 */

/**
 * The ways to reach the person each channel asks for, besides the name (a letter's are its own).
 * Its keys are the radio buttons, in this order: the contract's `ANSWER_CHANNELS` lives in the
 * console's first load, and importing it here would add an export there (over its budget); the
 * `Record` type still makes a new channel a compile error here.
 */
const CONTACT_FIELDS: Record<AnswerChannel, readonly ('email' | 'phone')[]> = {
  email: ['email'],
  phone: ['phone'],
  visit: ['phone', 'email'],
  letter: [],
};
const CHANNELS = Object.keys(CONTACT_FIELDS) as AnswerChannel[];

export interface AnswerContext extends RegisterFieldContext {
  channel: AnswerChannel;
  t: ConsoleTexts;
  texts: RegisterTexts;
  choose: (channel: AnswerChannel) => void;
}

/**
 * The channels as radio buttons, then the details in one group: for a letter the envelope's
 * lines in its order (name, street, postcode, town); else the name and the channel's ways to
 * reach the person. The name stays one field in the same place, so what was typed in it survives
 * a change of channel.
 */
export function answerFields(ctx: AnswerContext): TemplateResult {
  const { channel, t, texts } = ctx;
  const letter = channel === 'letter';
  const asks = CONTACT_FIELDS[channel];
  return html`
    <fieldset>
      <legend>${texts.answerChannel}</legend>
      ${CHANNELS.map(
        (each) => html`<label class="radio">
          <input
            type="radio"
            name="answerChannel"
            value=${each}
            .checked=${each === channel}
            @change=${() => ctx.choose(each)}
          />
          ${t.vocabulary.answerChannels[each]}
        </label>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${letter ? t.caseView.letterTo : t.caseView.contact}</legend>
      ${registerField(ctx, 'name', letter ? texts.name : t.inbox.registerName, {
        autocomplete: 'off',
        required: letter,
      })}
      ${
        asks.includes('email')
          ? registerField(ctx, 'email', channel === 'email' ? texts.email : texts.emailOptional, {
              type: 'email',
              autocomplete: 'off',
              required: channel === 'email',
            })
          : nothing
      }
      ${
        asks.includes('phone')
          ? registerField(ctx, 'phone', t.inbox.registerPhone, { type: 'tel', autocomplete: 'off' })
          : nothing
      }
      ${letter ? addressFields(ctx) : nothing}
    </fieldset>
  `;
}

function addressFields(ctx: AnswerContext): TemplateResult {
  const { texts } = ctx;
  const options = { autocomplete: 'off', required: true };
  return html`
    ${registerField(ctx, 'street', texts.street, { ...options, hint: texts.streetHint })}
    ${registerField(ctx, 'postalCode', texts.postalCode, { ...options, inputmode: 'numeric' })}
    ${registerField(ctx, 'city', texts.city, options)}
  `;
}

type AnswerInput = Pick<
  RegisterCaseInput,
  'answerChannel' | 'name' | 'email' | 'phone' | 'postalAddress'
>;

/**
 * What the form sends about the answer: the channel, the name when given, and only the chosen
 * channel's details. A letter's address goes even when empty, so the server says which of its
 * parts is missing.
 */
export function answerInput(channel: AnswerChannel, value: (name: string) => string): AnswerInput {
  const input: AnswerInput = { answerChannel: channel };
  for (const name of ['name', ...CONTACT_FIELDS[channel]] as const) {
    if (value(name)) input[name] = value(name);
  }
  if (channel === 'letter') {
    input.postalAddress = {
      street: value('street'),
      postalCode: value('postalCode'),
      city: value('city'),
    };
  }
  return input;
}

/**
 * What the server takes without but the answer cannot go without: an answer by e-mail needs the
 * address (the server checks only a letter's details for a registered case).
 */
export function missingDetails(input: AnswerInput): [string, string][] {
  return input.answerChannel === 'email' && !input.email ? [['email', 'required_for_channel']] : [];
}

/** The fields of the answer's details: a change of channel makes their errors moot. */
const ANSWER_FIELDS = ['name', 'email', 'phone', 'street', 'postalCode', 'city'];

/** The form's errors without those about the answer's details (for a change of channel). */
export function withoutAnswerErrors(errors: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...errors].filter(([field]) => !ANSWER_FIELDS.includes(field)));
}

/**
 * A server's field path as the form's field: the address's parts are fields of their own
 * (`postalAddress.city` is `city`), and the address as a whole is its first, the street.
 */
export function formField(path: string): string {
  return path.replace(/^postalAddress(\.|$)/, (_, dot: string) => (dot ? '' : 'street'));
}

/** The groups' looks: the views' choices (`choiceStyles`), a postcode's box as wide as a postcode. */
export const answerStyles = [
  choiceStyles,
  css`
    legend {
      margin-block-end: var(--_space-s);
    }
    #register-postalCode {
      max-inline-size: 10em;
    }
  `,
];

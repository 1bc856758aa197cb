/*
 * The panel's forms checked as the server checks them (the contract's schemas), so a mistake is
 * named at its field before anything is sent.
 */
import type { CallbackRequestInput } from '@kontakt/core/schemas';
import {
  CALLBACK_NOTE_MAX_LENGTH,
  EmailSchema,
  NAME_MAX_LENGTH,
  PhoneSchema,
} from '@kontakt/core/schemas';

/** `undefined` for a valid address, else why not. */
export function checkEmail(email: string): 'required' | 'invalid_email' | undefined {
  if (!email) return 'required';
  return EmailSchema.safeParse(email).success ? undefined : 'invalid_email';
}

type CallbackInput = Pick<CallbackRequestInput, 'phone' | 'name' | 'note' | 'when'>;

/** The call-back form's values as a request, or the fields that are wrong (`phone`, `slot`, …). */
export function checkCallback(data: FormData): {
  input?: CallbackInput;
  errors: Record<string, string>;
} {
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const errors: Record<string, string> = {};
  const phone = value('phone');
  if (!phone) errors.phone = 'required';
  else if (!PhoneSchema.safeParse(phone).success) errors.phone = 'invalid_phone';
  const name = value('name');
  if (name.length > NAME_MAX_LENGTH) errors.name = 'too_long';
  const note = value('note');
  if (note.length > CALLBACK_NOTE_MAX_LENGTH) errors.note = 'too_long';
  const slot = value('slot');
  const asap = value('when') !== 'slot';
  if (!asap && !slot) errors.slot = 'required';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      phone,
      ...(name ? { name } : {}),
      ...(note ? { note } : {}),
      when: asap ? { asap: true } : { slot },
    },
  };
}

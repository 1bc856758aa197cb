/*
 * What a person wrote as a report's description is public (the form says so), but people still
 * type their e-mail address, phone number or personal identity number into it ("ring mig på
 * 070-123 45 67"). Open311 hands descriptions to anyone who asks, so those are taken out first.
 * The contact fields themselves are never shown at all; this only catches what slipped into text.
 */

/** What a removed detail is replaced with. */
export const REMOVED = '[borttaget]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

// A Swedish personal identity or coordination number: (YY)YYMMDD, a separator, four digits.
const PERSONAL_NUMBER = /(?<!\d)(?:19|20)?(\d{6})[-+ ]?(\d{4})(?!\d)/g;

// A Swedish or international phone number: 0 or +46/0046 and 7 to 11 more digits, with the
// spaces, dashes and brackets people write them with.
const PHONE = /(?<![\d+])(?:\+46|0046|0)(?:[\s\-()]*\d){7,11}(?!\d)/g;

/** `text` without e-mail addresses, phone numbers and personal identity numbers. */
export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, REMOVED)
    .replace(PERSONAL_NUMBER, (match, date: string, last: string) =>
      isPersonalNumber(date, last) ? REMOVED : match,
    )
    .replace(PHONE, REMOVED);
}

/**
 * A valid date (day + 60 for a coordination number) and the Luhn check digit: a ten-digit number
 * that is not one (a pole or an order number) stays.
 */
function isPersonalNumber(date: string, last: string): boolean {
  const month = Number(date.slice(2, 4));
  const day = Number(date.slice(4, 6)) % 60;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const digits = `${date}${last}`;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let value = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return sum % 10 === 0;
}

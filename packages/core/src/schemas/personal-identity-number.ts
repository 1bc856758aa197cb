/**
 * Swedish personal identity numbers (*personnummer*) and coordination numbers in running text:
 * `YYMMDD-NNNN`, `YYYYMMDDNNNN`, with `-`, `+` or a space, checked with the Luhn digit so that
 * order numbers and phone numbers rarely match.
 */
const CANDIDATE = /(?<!\d)(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g;

/** True when the text seems to hold a personal identity number (to warn before it is sent). */
export function containsPersonalIdentityNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const [, yy, mm, dd, last] = match as unknown as [string, string, string, string, string];
    const month = Number(mm);
    const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd); // coordination numbers add 60
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (luhnValid(`${yy}${mm}${dd}${last}`)) return true;
  }
  return false;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * What a person sees when an OpenID sign-in ends without a session: a small page in Swedish and
 * English that says what happened and what to do, with a way back to the console. Browsers
 * arrive here by redirect, so a problem document would be of no use to them; API clients asking
 * for JSON get one (see the routes).
 */

/** Why a sign-in ended without a session, in words a person can act on. */
export type SignInFailure =
  /** The person cancelled at the provider, or the provider would not let them in. */
  | 'cancelled'
  /** No transaction, an expired or foreign one, a wrong `state`, a replay, a failed check. */
  | 'not_completed'
  /** Signed in at the provider, but no role in the console. */
  | 'no_access'
  /** The provider cannot be reached. */
  | 'unavailable'
  /** `returnTo` was not a path of the console. */
  | 'bad_return_to';

const MESSAGES: Record<SignInFailure, { sv: [string, string]; en: [string, string] }> = {
  cancelled: {
    sv: [
      'Inloggningen avbröts',
      'Inloggningen avbröts hos identitetstjänsten. Du är inte inloggad.',
    ],
    en: [
      'Sign-in was cancelled',
      'Sign-in was cancelled at the identity provider. You are not signed in.',
    ],
  },
  not_completed: {
    sv: [
      'Inloggningen kunde inte slutföras',
      'Inloggningen tog för lång tid, startades i en annan webbläsare eller kunde inte kontrolleras. Försök igen.',
    ],
    en: [
      'Sign-in could not be completed',
      'Sign-in took too long, was started in another browser, or could not be verified. Please try again.',
    ],
  },
  no_access: {
    sv: [
      'Du har inte behörighet till konsolen',
      'Ditt konto finns hos identitetstjänsten men har ingen roll i kontaktcentrets konsol. Be en administratör om behörighet.',
    ],
    en: [
      'You do not have access to the console',
      'Your account is known to the identity provider but has no role in the contact center console. Ask an administrator for access.',
    ],
  },
  unavailable: {
    sv: [
      'Identitetstjänsten svarar inte',
      'Det går inte att nå identitetstjänsten just nu. Försök igen om en stund.',
    ],
    en: [
      'The identity provider is not answering',
      'The identity provider cannot be reached right now. Please try again in a while.',
    ],
  },
  bad_return_to: {
    sv: [
      'Felaktig inloggningslänk',
      'Länken pekar inte till konsolen. Öppna konsolen och logga in därifrån.',
    ],
    en: [
      'Invalid sign-in link',
      'The link does not lead to the console. Open the console and sign in from there.',
    ],
  },
};

/** The HTTP status each failure answers with. */
export const FAILURE_STATUS: Record<SignInFailure, 400 | 401 | 403 | 503> = {
  cancelled: 401,
  not_completed: 401,
  no_access: 403,
  unavailable: 503,
  bad_return_to: 400,
};

/** The English sentence, for `detail` of the problem document. */
export const failureDetail = (failure: SignInFailure): string => MESSAGES[failure].en[1];

/**
 * The page for `failure`. Every text in it is one of the fixed messages above: nothing from the
 * request or the provider is written into it.
 */
export function failurePage(failure: SignInFailure): string {
  const { sv, en } = MESSAGES[failure];
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${sv[0]} – kontakt</title>
</head>
<body>
<main>
<h1>${sv[0]}</h1>
<p>${sv[1]}</p>
<p><a href="/console/">Tillbaka till inloggningen</a></p>
<div lang="en">
<h2>${en[0]}</h2>
<p>${en[1]}</p>
<p><a href="/console/">Back to sign-in</a></p>
</div>
</main>
</body>
</html>
`;
}

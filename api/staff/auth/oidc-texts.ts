/** Words of signing in through the organisation's identity provider (./oidc-routes.ts), Dutch first. */
import type { RefusalReason } from '../../services/auth/oidc.ts';

export const nl = {
  button: (name: string | undefined) => (name ? `Inloggen via ${name}` : 'Inloggen via uw organisatie'),
  orPassword: 'Of log in met uw e-mailadres en wachtwoord:',
  unavailable: (name: string | undefined) =>
    `Inloggen via ${name ?? 'uw organisatie'} lukt nu niet: de inlogdienst is niet bereikbaar. Probeer het over een paar minuten opnieuw, of log in met uw e-mailadres en wachtwoord.`,
  refused: {
    expired:
      'Het inloggen is niet gelukt: het duurde te lang, of het is in een ander venster begonnen. Probeer het opnieuw.',
    provider_error: 'De inlogdienst heeft het inloggen niet bevestigd. Probeer het opnieuw.',
    unavailable:
      'Inloggen lukt nu niet: de inlogdienst is niet bereikbaar. Probeer het over een paar minuten opnieuw, of log in met uw e-mailadres en wachtwoord.',
    no_role:
      'U bent bij de inlogdienst aangemeld, maar uw account geeft geen toegang tot Podium. Vraag een beheerder van Podium om uw groep een rol te geven.',
    disabled: 'Uw account in Podium staat uit. Vraag een beheerder van Podium om het weer aan te zetten.',
    unverified_email:
      'Er is al een Podium-account met uw e-mailadres, maar de inlogdienst bevestigt dat adres niet. Log in met uw wachtwoord, of vraag een beheerder om hulp.',
    email_in_use:
      'Uw e-mailadres hoort al bij een ander Podium-account dat aan de inlogdienst gekoppeld is. Vraag een beheerder om hulp.',
    no_email: 'De inlogdienst gaf geen e-mailadres door. Vraag een beheerder om hulp.',
    no_organisation:
      'Podium weet niet bij welke organisatie u hoort (PODIUM_OIDC_ORGANISATION ontbreekt). Vraag de beheerder van de server om hulp.',
  } satisfies Record<RefusalReason, string>,
};

export const en: typeof nl = {
  button: (name) => (name ? `Log in through ${name}` : 'Log in through your organisation'),
  orPassword: 'Or log in with your e-mail address and password:',
  unavailable: (name) =>
    `Logging in through ${name ?? 'your organisation'} does not work right now: the sign-in service cannot be reached. Try again in a few minutes, or log in with your e-mail address and password.`,
  refused: {
    expired: 'Logging in did not work: it took too long, or it started in another window. Please try again.',
    provider_error: 'The sign-in service did not confirm your log-in. Please try again.',
    unavailable:
      'Logging in does not work right now: the sign-in service cannot be reached. Try again in a few minutes, or log in with your e-mail address and password.',
    no_role:
      'You are signed in at the sign-in service, but your account gives no access to Podium. Ask a Podium administrator to give your group a role.',
    disabled: 'Your Podium account is switched off. Ask a Podium administrator to switch it on again.',
    unverified_email:
      'A Podium account with your e-mail address exists, but the sign-in service does not confirm that address. Log in with your password, or ask an administrator for help.',
    email_in_use:
      'Your e-mail address already belongs to another Podium account linked to the sign-in service. Ask an administrator for help.',
    no_email: 'The sign-in service did not pass on an e-mail address. Ask an administrator for help.',
    no_organisation:
      'Podium does not know which organisation you belong to (PODIUM_OIDC_ORGANISATION is missing). Ask the server’s administrator for help.',
  },
};

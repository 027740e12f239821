/** Addresses of two-step verification: one's own page, the log-in's second step, the administrators' requirement. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as secondFactorTexts from './texts.ts';

const en = (lang: Locale, nl: string, english: string) => (lang === 'en' ? english : nl);

export const secondFactorPaths = {
  /** One's own page: set up (also during a log-in the organisation holds until it is), status, turn off. */
  own: (lang: Locale) => en(lang, '/beheer/tweestapsverificatie', '/en/manage/two-step-verification'),
  start: '/beheer/tweestapsverificatie/instellen',
  confirm: '/beheer/tweestapsverificatie/bevestigen',
  disable: '/beheer/tweestapsverificatie/uitzetten',
  /** Passkeys: the options for the browser's ceremony (JSON), the made passkey (a form), removing one. */
  passkeyAddOptions: '/beheer/tweestapsverificatie/passkeys/opties',
  passkeyAdd: '/beheer/tweestapsverificatie/passkeys',
  passkeyRemove: '/beheer/tweestapsverificatie/passkeys/verwijderen',
  /** The log-in's second step with a passkey: the options (JSON, pending cookie only), the signature (a form). */
  passkeyStepOptions: '/beheer/inloggen/passkey/opties',
  passkeyStep: (lang: Locale) => en(lang, '/beheer/inloggen/passkey', '/en/manage/login/passkey'),
  /** The ceremony's scripts: @simplewebauthn/browser as published, and ours (kit/assets/passkeys.js). */
  webauthnScript: '/beheer/assets/webauthn.js',
  passkeyScript: '/beheer/assets/passkeys.js',
  /** The log-in's second step (public: only a pending log-in's cookie opens it). */
  step: (lang: Locale) => en(lang, '/beheer/inloggen/code', '/en/manage/login/code'),
  /** Administrators: require a second factor for every local account. */
  policy: (lang: Locale) => en(lang, '/beheer/inlogbeveiliging', '/en/manage/sign-in-security'),
  policySave: '/beheer/inlogbeveiliging',
  /** Administrators: reset a colleague's factor (a form on the colleague's page). */
  reset: (id: string) => `/beheer/collegas/${id}/tweestapsverificatie`,
};

/** One's own page: for everyone, beside the other personal page (notifications) at the end of the nav. */
export const secondFactorScreens: StaffScreen[] = [
  {
    id: 'second-factor.own',
    path: secondFactorPaths.own,
    permission: 'session',
    label: { nl: secondFactorTexts.nl.nav, en: secondFactorTexts.en.nav },
  },
];

/** The administrators' requirement, beside the colleagues it applies to. */
export const signInSecurityScreens: StaffScreen[] = [
  {
    id: 'second-factor.policy',
    path: secondFactorPaths.policy,
    permission: 'admin',
    label: { nl: secondFactorTexts.nl.policy.nav, en: secondFactorTexts.en.policy.nav },
  },
];

/** Words of the sign-in settings page (api/staff/sign-in/), Dutch first. */
export const nl = {
  nav: 'Inloggen via organisatie',
  title: 'Inloggen via de organisatie',
  intro:
    'Collega’s kunnen inloggen met het account van de organisatie (bijvoorbeeld Entra ID of Keycloak). Hier staat welke groep bij de inlogdienst welke rol in Podium geeft. Wie in geen enkele groep uit deze lijst zit, komt niet binnen; bij elke keer inloggen krijgt iemand de rollen die de groepen nu geven.',
  notConfigured:
    'Er is nog geen inlogdienst ingesteld. De beheerder van de server stelt die in met PODIUM_OIDC_ISSUER, PODIUM_OIDC_CLIENT_ID en PODIUM_OIDC_CLIENT_SECRET. U kunt de lijst hieronder alvast invullen.',
  providerHeading: 'De inlogdienst',
  provider: 'Naam op de knop',
  issuer: 'Adres van de inlogdienst',
  claim: 'Gegeven met de groepen of rollen',
  redirect: 'Terugkeeradres (registreer dit bij de inlogdienst)',
  logoutRedirect: 'Adres na uitloggen (registreer dit ook)',
  noName: '(niet ingesteld)',
  mappingHeading: 'Groepen en rollen',
  row: (n: number) => `Regel ${n}`,
  newRow: (n: number) => `Nieuwe regel ${n}`,
  claimValue: 'Groep of rol bij de inlogdienst',
  claimHint:
    'Precies zoals de inlogdienst die doorgeeft, bijvoorbeeld podium-beheerders of een groeps-id. Maak dit veld leeg om de regel te verwijderen.',
  role: 'Rol in Podium',
  chooseRole: 'Kies een rol',
  department: 'Afdeling',
  departmentHint: 'Alleen voor de rol ‘Lid van een afdeling’.',
  noDepartment: 'Geen afdeling',
  save: 'Opslaan',
  saved: 'De lijst is opgeslagen.',
  unchanged: 'Er was niets veranderd.',
  empty: 'Er staan nog geen groepen in de lijst: niemand kan via de organisatie inloggen.',
  errors: {
    role: (value: string) => `Kies een rol voor ‘${value}’.`,
    department: (value: string) => `Kies de afdeling voor ‘${value}’: leden van een afdeling horen bij een afdeling.`,
    noDepartment: (value: string) =>
      `Haal de afdeling bij ‘${value}’ weg: alleen de rol ‘Lid van een afdeling’ hoort bij een afdeling.`,
    unknownDepartment: 'Een gekozen afdeling bestaat niet (meer). Laad de pagina opnieuw en probeer het nog eens.',
    tooLong: 'Deze groep is te lang (hoogstens 256 tekens).',
    tooMany: 'De lijst is te lang (hoogstens 200 regels).',
    version: 'De pagina was verouderd. Bekijk de lijst zoals die nu is en sla opnieuw op.',
    stale:
      'Iemand anders heeft de lijst intussen opgeslagen. Uw wijzigingen staan nog in het formulier; bekijk ze en sla opnieuw op.',
    change: (by: string | null, at: string) => `${by ?? 'Een collega'} sloeg op om ${at}.`,
  },
};

export const en: typeof nl = {
  nav: 'Single sign-on',
  title: 'Single sign-on',
  intro:
    'Colleagues can log in with their organisation account (for example Entra ID or Keycloak). This list says which group at the sign-in service gives which role in Podium. Someone in none of these groups is not let in; at every log-in a person gets the roles their groups give now.',
  notConfigured:
    'No sign-in service has been set up yet. The server’s administrator sets it with PODIUM_OIDC_ISSUER, PODIUM_OIDC_CLIENT_ID and PODIUM_OIDC_CLIENT_SECRET. You can fill in the list below already.',
  providerHeading: 'The sign-in service',
  provider: 'Name on the button',
  issuer: 'Address of the sign-in service',
  claim: 'Claim with the groups or roles',
  redirect: 'Return address (register it at the sign-in service)',
  logoutRedirect: 'Address after logging out (register it too)',
  noName: '(not set)',
  mappingHeading: 'Groups and roles',
  row: (n) => `Row ${n}`,
  newRow: (n) => `New row ${n}`,
  claimValue: 'Group or role at the sign-in service',
  claimHint:
    'Exactly as the sign-in service passes it on, for example podium-administrators or a group id. Empty this field to remove the row.',
  role: 'Role in Podium',
  chooseRole: 'Choose a role',
  department: 'Department',
  departmentHint: 'Only for the role ‘Department member’.',
  noDepartment: 'No department',
  save: 'Save',
  saved: 'The list has been saved.',
  unchanged: 'Nothing had changed.',
  empty: 'There are no groups in the list yet: nobody can log in through the organisation.',
  errors: {
    role: (value) => `Choose a role for ‘${value}’.`,
    department: (value) => `Choose the department for ‘${value}’: department members belong to a department.`,
    noDepartment: (value) =>
      `Remove the department from ‘${value}’: only the role ‘Department member’ belongs to a department.`,
    unknownDepartment: 'A chosen department no longer exists. Reload the page and try again.',
    tooLong: 'This group is too long (at most 256 characters).',
    tooMany: 'The list is too long (at most 200 rows).',
    version: 'The page was out of date. Look at the list as it is now and save again.',
    stale:
      'Someone else saved the list in the meantime. Your changes are still in the form; check them and save again.',
    change: (by, at) => `${by ?? 'A colleague'} saved at ${at}.`,
  },
};

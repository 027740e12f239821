/** The invitation mail's words (api/services/auth/colleagues.ts), Dutch first. */
export const nl = {
  mail: {
    subject: 'Uitnodiging voor de werkplek van Podium',
    greeting: (name: string) => `Beste ${name},`,
    body: (organisation: string) =>
      `U bent uitgenodigd voor de werkplek van ${organisation || 'uw gemeente'} in Podium, waar medewerkers de inbreng van inwoners behandelen. Kies via de link hieronder een wachtwoord.`,
    link: 'Kies uw wachtwoord',
    expires:
      'De link werkt één keer en is 7 dagen geldig. Werkt hij niet meer, vraag dan een beheerder om een nieuwe uitnodiging.',
    footer:
      'U krijgt deze e-mail omdat een beheerder u heeft uitgenodigd. Verwachtte u dit niet, dan kunt u deze e-mail negeren.',
  },
};

export const en: typeof nl = {
  mail: {
    subject: 'Invitation to the Podium workbench',
    greeting: (name) => `Dear ${name},`,
    body: (organisation) =>
      `You have been invited to the workbench of ${organisation || 'your municipality'} in Podium, where staff handle residents’ input. Choose a password with the link below.`,
    link: 'Choose your password',
    expires:
      'The link works once and is valid for 7 days. If it no longer works, ask an administrator for a new invitation.',
    footer:
      'You receive this e-mail because an administrator invited you. If you did not expect it, you can ignore this e-mail.',
  },
};

/** Words of the notifications page (api/staff/notifications/), Dutch first. */
export const nl = {
  nav: 'Meldingen',
  navUnread: (n: number) => `Meldingen (${n} ongelezen)`,
  title: 'Meldingen',
  listHeading: 'Uw meldingen',
  unreadCount: (n: number) =>
    n === 0
      ? 'U hebt geen ongelezen meldingen.'
      : n === 1
        ? 'U hebt 1 ongelezen melding.'
        : `U hebt ${n} ongelezen meldingen.`,
  empty: 'Er zijn nog geen meldingen.',
  unread: 'Ongelezen',
  openItem: 'Open het item',
  markAllRead: 'Alles als gelezen markeren',
  markedRead: (n: number) => (n === 1 ? '1 melding als gelezen gemarkeerd.' : `${n} meldingen als gelezen gemarkeerd.`),
  preferencesHeading: 'Hoe wilt u meldingen krijgen?',
  preferencesIntro: 'Kies per soort melding of u die in de werkplek ziet, per e-mail krijgt, of allebei.',
  workbench: 'In de werkplek',
  email: 'Per e-mail',
  language: 'Taal van de e-mails',
  languages: { nl: 'Nederlands', en: 'English' },
  save: 'Voorkeuren opslaan',
  saved: 'Uw voorkeuren zijn opgeslagen.',
  errors: {
    language: 'Kies de taal van de e-mails: Nederlands of English.',
    choice: 'Deze keuze bestaat niet. Vink het vakje aan of laat het leeg.',
    ids: 'Een van de meldingen bestaat niet. Laad de pagina opnieuw en probeer het nog eens.',
  },
};

export const en: typeof nl = {
  nav: 'Notifications',
  navUnread: (n) => `Notifications (${n} unread)`,
  title: 'Notifications',
  listHeading: 'Your notifications',
  unreadCount: (n) =>
    n === 0
      ? 'You have no unread notifications.'
      : n === 1
        ? 'You have 1 unread notification.'
        : `You have ${n} unread notifications.`,
  empty: 'There are no notifications yet.',
  unread: 'Unread',
  openItem: 'Open the item',
  markAllRead: 'Mark all as read',
  markedRead: (n) => (n === 1 ? '1 notification marked as read.' : `${n} notifications marked as read.`),
  preferencesHeading: 'How do you want to be notified?',
  preferencesIntro:
    'Choose for each kind of notification whether you see it in the workbench, receive it by e-mail, or both.',
  workbench: 'In the workbench',
  email: 'By e-mail',
  language: 'Language of the e-mails',
  languages: { nl: 'Nederlands', en: 'English' },
  save: 'Save preferences',
  saved: 'Your preferences have been saved.',
  errors: {
    language: 'Choose the language of the e-mails: Nederlands or English.',
    choice: 'This choice does not exist. Tick the box or leave it empty.',
    ids: 'One of the notifications does not exist. Reload the page and try again.',
  },
};

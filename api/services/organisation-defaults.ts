/**
 * What every organisation needs before its workbench and portal work, and nothing a
 * municipality would have to delete: the house rules moderators cite, and the promise and
 * staffed hours of the two channels every deployment has (the portal and the embedded
 * forms). `npx podium setup` starts a real organisation with these; the demo seed uses the
 * same function and adds its own content. Idempotent: rows that exist are left as they are.
 *
 * Not here, on purpose: the accessibility statement (a statement claims audits and a
 * status, which only the municipality can say; its settings page starts it), reply
 * templates and social accounts (its own), retention periods and the office calendar
 * (their defaults live in code until someone changes them).
 */
import type { Db } from '../db/client.ts';
import { channelGuidelines, houseRules, type LocalizedText } from '../db/schema.ts';

/** House rules moderators cite; written in plain language (B1). */
export const DEFAULT_HOUSE_RULES: Array<{ code: string; title: LocalizedText; body: LocalizedText }> = [
  {
    code: 'respect',
    title: { nl: 'Respectvol', en: 'Respectful' },
    body: {
      nl: 'Reageer op de inhoud, niet op personen. Schelden, discrimineren, bedreigen en beledigen plaatsen wij niet.',
      en: 'Respond to the subject, not to people. We do not publish swearing, discrimination, threats or insults.',
    },
  },
  {
    code: 'on-topic',
    title: { nl: 'Bij het onderwerp', en: 'On topic' },
    body: {
      nl: 'Uw reactie gaat over de vraag van de consultatie. Gaat ze over iets anders, dan sturen wij haar door naar wie erover gaat.',
      en: 'Your response is about the question of the consultation. If it is about something else, we pass it on to whoever deals with it.',
    },
  },
  {
    code: 'privacy',
    title: { nl: 'Geen persoonsgegevens', en: 'No personal data' },
    body: {
      nl: 'Zet geen namen, adressen, telefoonnummers of andere persoonsgegevens van uzelf of anderen in uw reactie. Wij halen ze weg voordat wij publiceren.',
      en: 'Do not put names, addresses, phone numbers or other personal data of yourself or others in your response. We remove them before we publish.',
    },
  },
  {
    code: 'no-spam',
    title: { nl: 'Geen reclame', en: 'No advertising' },
    body: {
      nl: 'Reclame, spam en herhaalde berichten plaatsen wij niet.',
      en: 'We do not publish advertising, spam or repeated messages.',
    },
  },
  {
    code: 'lawful',
    title: { nl: 'Binnen de wet', en: 'Within the law' },
    body: {
      nl: 'Berichten die in strijd zijn met de wet, of die oproepen tot geweld, plaatsen wij niet. Wij kunnen ze melden bij de politie.',
      en: 'We do not publish messages that break the law or call for violence. We may report them to the police.',
    },
  },
];

/** Working days, office hours. */
const OFFICE_HOURS = [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:00' }];

/** Working days within which the portal and the forms promise an answer. */
export const DEFAULT_RESPONSE_DAYS = 10;

export const DEFAULT_WIDGET_NAME: LocalizedText = {
  nl: 'Formulieren op de website van de gemeente',
  en: "Forms on the municipality's website",
};

export async function seedOrganisationDefaults(
  db: Db,
  organisationId: string,
  options: { widgetName?: LocalizedText } = {},
): Promise<void> {
  await db
    .insert(houseRules)
    .values(DEFAULT_HOUSE_RULES.map((rule, index) => ({ ...rule, organisationId, position: index + 1 })))
    .onConflictDoNothing({ target: [houseRules.organisationId, houseRules.code] });
  const allRules = DEFAULT_HOUSE_RULES.map((rule) => rule.code);
  await db
    .insert(channelGuidelines)
    .values([
      {
        organisationId,
        key: 'portal',
        channel: 'portal',
        name: { nl: 'Participatieportaal', en: 'Participation portal' },
        responseDays: DEFAULT_RESPONSE_DAYS,
        postingHours: OFFICE_HOURS,
        houseRules: allRules,
      },
      {
        organisationId,
        key: 'widget',
        channel: 'widget',
        name: options.widgetName ?? DEFAULT_WIDGET_NAME,
        responseDays: DEFAULT_RESPONSE_DAYS,
        postingHours: OFFICE_HOURS,
        houseRules: allRules,
      },
    ])
    .onConflictDoNothing({ target: [channelGuidelines.organisationId, channelGuidelines.key] });
}

/**
 * Demo data: a Dutch municipality with mobility consultations, so a fresh Podium shows
 * something real. Idempotent: every row is keyed on a natural key and skipped when present.
 */
import { fillMissingClocks, recomputeWaitingDueTimes } from './office-hours/due-times.ts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  accessibilityStatements,
  channelGuidelines,
  consultations,
  departments,
  organisations,
  questions,
  staffReplies,
  submissionAnswers,
  submissions,
  topics,
  type AnswerValue,
  type LocalizedText,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { seedDemoThread } from './seed-thread.ts';
import { seedRouteMap } from './seed-images.ts';
import { seedReplyTemplates } from './webcare/seed.ts';
import { generateFollowUpCode } from './follow-up-code.ts';
import { DEFAULT_HOUSE_RULES, seedOrganisationDefaults } from './organisation-defaults.ts';

/** The demo's house rules are the defaults every organisation starts with. */
export const DEMO_HOUSE_RULES = DEFAULT_HOUSE_RULES;

const DAY = 24 * 60 * 60 * 1000;

export type SeedReport = { organisation: string; created: boolean };

export async function seedDemoData(db: Db, now = new Date()): Promise<SeedReport> {
  const orgId = await upsertOrganisation(db);
  const existing = await db.select().from(topics).where(eq(topics.organisationId, orgId)).limit(1);

  const mobility = await upsertTopic(db, orgId, 'mobiliteit', 0, {
    title: { nl: 'Mobiliteit en vervoer', en: 'Mobility and transport' },
    description: {
      nl: 'Fietsen, lopen, het openbaar vervoer en parkeren in Demodam.',
      en: 'Cycling, walking, public transport and parking in Demodam.',
    },
  });
  await upsertTopic(db, orgId, 'openbare-ruimte', 1, {
    title: { nl: 'Openbare ruimte', en: 'Public space' },
    description: {
      nl: 'Straten, pleinen, groen en spelen in de wijk.',
      en: 'Streets, squares, green spaces and play areas.',
    },
  });
  const traffic = await upsertDepartment(db, orgId, 'verkeer', { nl: 'Team Verkeer', en: 'Traffic team' });

  const cycleRoute = await upsertConsultation(db, {
    organisationId: orgId,
    topicId: mobility,
    departmentId: traffic,
    slug: 'fietsroute-stationsstraat',
    status: 'open',
    moderation: 'pre',
    responseDays: 10,
    opensAt: new Date(now.getTime() - 14 * DAY),
    closesAt: new Date(now.getTime() + 42 * DAY),
    title: { nl: 'Nieuwe fietsroute Stationsstraat', en: 'New cycle route on Stationsstraat' },
    summary: {
      nl: 'Welke route moet de nieuwe fietsroute van het station naar het centrum volgen, en wat is daarbij belangrijk?',
      en: 'Which way should the new cycle route from the station to the town centre go, and what matters most?',
    },
    background: {
      nl: 'Steeds meer mensen fietsen naar het station. De Stationsstraat is smal en druk. De gemeente wil een veilige fietsroute aanleggen en wil weten wat u belangrijk vindt.',
      en: 'More and more people cycle to the station. Stationsstraat is narrow and busy. The municipality wants to build a safe cycle route and would like to know what matters to you.',
    },
    afterwards: {
      nl: 'We lezen alle reacties. Team Verkeer maakt er twee ontwerpen van. In het voorjaar kiest de gemeenteraad een ontwerp. Op deze pagina leest u wat we met uw inbreng deden.',
      en: 'We read every response. The traffic team turns them into two designs. In spring the municipal council chooses one. This page tells you what we did with your input.',
    },
    whoDecides: { nl: 'De gemeenteraad van Demodam', en: 'The municipal council of Demodam' },
    targetGroups: {
      nl: 'Fietsers, forenzen, bewoners en ondernemers rond de Stationsstraat',
      en: 'Cyclists, commuters, residents and businesses around Stationsstraat',
    },
  });
  await seedRouteMap(db, cycleRoute, now);
  await upsertQuestions(db, cycleRoute, [
    {
      key: 'route',
      kind: 'single_choice',
      required: true,
      prompt: { nl: 'Welke route heeft uw voorkeur?', en: 'Which route do you prefer?' },
      hint: { nl: 'Kies één route.', en: 'Choose one route.' },
      options: [
        { value: 'stationsstraat', label: { nl: 'Door de Stationsstraat', en: 'Through Stationsstraat' } },
        { value: 'parklaan', label: { nl: 'Langs de Parklaan', en: 'Along Parklaan' } },
        { value: 'geen-voorkeur', label: { nl: 'Geen voorkeur', en: 'No preference' } },
      ],
    },
    {
      key: 'veiligheid',
      kind: 'scale',
      required: false,
      prompt: {
        nl: 'Hoe veilig voelt u zich nu op de fiets in de Stationsstraat?',
        en: 'How safe do you feel cycling on Stationsstraat now?',
      },
      scaleMin: 1,
      scaleMax: 5,
      scaleMinLabel: { nl: 'Heel onveilig', en: 'Very unsafe' },
      scaleMaxLabel: { nl: 'Heel veilig', en: 'Very safe' },
    },
    {
      key: 'voorzieningen',
      kind: 'multiple_choice',
      required: false,
      prompt: { nl: 'Wat vindt u belangrijk langs de route?', en: 'What matters to you along the route?' },
      hint: { nl: 'Kies zoveel als u wilt.', en: 'Choose as many as you like.' },
      options: [
        { value: 'verlichting', label: { nl: 'Goede verlichting', en: 'Good lighting' } },
        { value: 'stallingen', label: { nl: 'Fietsenstallingen', en: 'Bicycle parking' } },
        { value: 'bomen', label: { nl: 'Bomen en groen', en: 'Trees and greenery' } },
        { value: 'gescheiden', label: { nl: 'Gescheiden van de auto', en: 'Separated from cars' } },
      ],
    },
    {
      key: 'toelichting',
      kind: 'open_text',
      required: true,
      maxLength: 2000,
      prompt: { nl: 'Wat wilt u ons verder meegeven?', en: 'What else would you like to tell us?' },
      hint: {
        nl: 'Schrijf geen persoonlijke gegevens van anderen op.',
        en: "Please don't include other people's personal details.",
      },
    },
  ]);

  const parking = await upsertConsultation(db, {
    organisationId: orgId,
    topicId: mobility,
    departmentId: traffic,
    slug: 'parkeren-centrum',
    status: 'decided',
    moderation: 'pre',
    responseDays: 10,
    opensAt: new Date(now.getTime() - 120 * DAY),
    closesAt: new Date(now.getTime() - 60 * DAY),
    title: { nl: 'Parkeren in het centrum', en: 'Parking in the town centre' },
    summary: {
      nl: 'Hoe kunnen we het centrum autoluw maken en toch bereikbaar houden?',
      en: 'How can we reduce car traffic in the centre and keep it easy to reach?',
    },
    background: {
      nl: 'Het centrum is druk met zoekverkeer. Ondernemers en bewoners vroegen om een plan.',
      en: 'The centre is busy with cars looking for a parking space. Businesses and residents asked for a plan.',
    },
    afterwards: {
      nl: 'Uw reacties zijn gebruikt voor het parkeerplan dat de raad heeft vastgesteld.',
      en: 'Your responses were used for the parking plan the council adopted.',
    },
    whoDecides: { nl: 'De gemeenteraad van Demodam', en: 'The municipal council of Demodam' },
    targetGroups: null,
    outcome: {
      nl: 'De raad besloot tot een parkeergarage aan de rand van het centrum en meer plekken voor bezorgers.',
      en: 'The council decided on a car park at the edge of the centre and more spaces for deliveries.',
    },
  });
  await upsertQuestions(db, parking, [
    {
      key: 'idee',
      kind: 'open_text',
      required: true,
      maxLength: 2000,
      prompt: { nl: 'Wat is uw idee?', en: 'What is your idea?' },
    },
  ]);

  await seedPublishedInput(db, orgId, cycleRoute, traffic, now, 'seed:fietsroute:1', {
    daysAgo: 2,
    answers: {
      route: 'parklaan',
      veiligheid: 2,
      voorzieningen: ['verlichting', 'gescheiden'],
      toelichting:
        'De Parklaan is rustiger en er rijden minder bussen. Wel graag goede verlichting, want in de winter is het daar donker.',
    },
    reply:
      'Dank u wel. Verlichting langs de Parklaan nemen we mee in beide ontwerpen. In maart laten we de ontwerpen zien op deze pagina.',
  });
  await seedPublishedInput(db, orgId, cycleRoute, traffic, now, 'seed:fietsroute:2', {
    answers: {
      route: 'stationsstraat',
      veiligheid: 1,
      toelichting:
        'Ik fiets elke dag naar de trein. De Stationsstraat is de kortste weg, maak die veilig in plaats van om te rijden.',
    },
    reply: null,
  });
  // More published input with answers, so <podium-answers> has pages to show.
  await seedPublishedInput(db, orgId, cycleRoute, traffic, now, 'seed:fietsroute:3', {
    daysAgo: 4,
    answers: {
      route: 'parklaan',
      voorzieningen: ['stallingen', 'bomen'],
      toelichting: 'Zet bij het station een grote, overdekte fietsenstalling. Nu staan de fietsen overal op de stoep.',
    },
    reply: 'Een overdekte stalling bij het station staat in beide ontwerpen. We kijken nog hoeveel plekken nodig zijn.',
  });
  await seedPublishedInput(db, orgId, cycleRoute, traffic, now, 'seed:fietsroute:4', {
    daysAgo: 5,
    language: 'en',
    answers: {
      route: 'geen-voorkeur',
      veiligheid: 3,
      toelichting: 'Whichever route you choose, please keep cyclists away from the buses at the station square.',
    },
    reply: 'Thank you. Both designs separate the cycle path from the bus lanes at the station square.',
  });
  await seedPublishedInput(db, orgId, cycleRoute, traffic, now, 'seed:fietsroute:5', {
    daysAgo: 6,
    answers: {
      route: 'stationsstraat',
      veiligheid: 2,
      voorzieningen: ['gescheiden'],
      toelichting: 'Haal de parkeerplaatsen in de Stationsstraat weg, dan past er een vrijliggend fietspad.',
    },
    reply:
      'Dit idee werken we uit in het ontwerp voor de Stationsstraat. Wat het betekent voor parkeren, leest u in maart.',
  });
  await seedPublishedInput(db, orgId, cycleRoute, traffic, now, 'seed:fietsroute:6', {
    daysAgo: 7,
    answers: {
      route: 'parklaan',
      veiligheid: 4,
      toelichting: 'Let op de oversteek bij de Parklaan en de Kerkweg. Daar rijden auto’s vaak te hard.',
    },
    reply: null,
  });
  await seedPublishedInput(db, orgId, parking, traffic, now, 'seed:parkeren:1', {
    answers: { idee: 'Een parkeergarage bij de ring en een pendelbus naar de markt.' },
    reply: 'Dit idee zit in het parkeerplan: de garage aan de ring komt er in 2027.',
  });
  // Enough published ideas to fill more than one page of "you said, we did".
  for (const [index, idea] of PARKING_IDEAS.entries()) {
    await seedPublishedInput(db, orgId, parking, traffic, now, `seed:parkeren:${index + 2}`, {
      answers: { idee: idea.text },
      reply: idea.reply,
      daysAgo: 4 + index,
    });
  }
  await seedRejectedInput(db, orgId, parking, now);
  if (existing.length === 0) await seedDemoThread(db, orgId, cycleRoute, now);
  if (existing.length === 0) await seedReplyTemplates(db, orgId);
  await seedOrganisationDefaults(db, orgId, {
    widgetName: { nl: 'Formulieren op demodam.example', en: 'Forms on demodam.example' },
  });
  await seedAccessibilityStatement(db, orgId, now);
  await seedDemoChannelGuidelines(db, orgId);
  // The demo's input was stored directly, and its thread before the guidelines: every item
  // gets the due time its channel promises.
  await fillMissingClocks(db);
  await recomputeWaitingDueTimes(db, orgId);
  await markContentChanged(db);

  return { organisation: 'demodam', created: existing.length === 0 };
}

async function seedDemoChannelGuidelines(db: Db, organisationId: string): Promise<void> {
  await db
    .insert(channelGuidelines)
    .values({
      organisationId,
      key: 'mastodon:@demodam@social.demodam.example',
      channel: 'social',
      platform: 'mastodon',
      name: { nl: 'Mastodon @demodam', en: 'Mastodon @demodam' },
      responseDays: 2,
      postingHours: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }],
      houseRules: DEFAULT_HOUSE_RULES.map((rule) => rule.code),
    })
    .onConflictDoNothing({ target: [channelGuidelines.organisationId, channelGuidelines.key] });
}

async function upsertOrganisation(db: Db): Promise<string> {
  await db
    .insert(organisations)
    .values({
      slug: 'demodam',
      name: 'Gemeente Demodam',
      locales: ['nl', 'en'],
      // Any port on localhost, so anyone can try an embed straight away.
      embedOrigins: ['http://localhost:*', 'http://127.0.0.1:*'],
      contactEmail: 'participatie@demodam.example',
      websiteUrl: 'https://www.demodam.example',
      phone: '14 0123',
      postalAddress: 'Postbus 100, 1234 AB Demodam',
      privacyEmail: 'privacy@demodam.example',
    })
    .onConflictDoNothing({ target: organisations.slug });
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'demodam'));
  return row!.id;
}

async function upsertTopic(
  db: Db,
  organisationId: string,
  slug: string,
  position: number,
  texts: { title: LocalizedText; description: LocalizedText },
): Promise<string> {
  await db
    .insert(topics)
    .values({ organisationId, slug, position, ...texts })
    .onConflictDoNothing({ target: [topics.organisationId, topics.slug] });
  const [row] = await db
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.organisationId, organisationId), eq(topics.slug, slug)));
  return row!.id;
}

async function upsertDepartment(db: Db, organisationId: string, slug: string, name: LocalizedText): Promise<string> {
  await db
    .insert(departments)
    .values({ organisationId, slug, name })
    .onConflictDoNothing({ target: [departments.organisationId, departments.slug] });
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), eq(departments.slug, slug)));
  return row!.id;
}

async function upsertConsultation(db: Db, values: typeof consultations.$inferInsert): Promise<string> {
  await db.insert(consultations).values(values).onConflictDoNothing({ target: consultations.slug });
  const [row] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.slug, values.slug));
  return row!.id;
}

type QuestionSeed = Omit<typeof questions.$inferInsert, 'consultationId' | 'position'>;

async function upsertQuestions(db: Db, consultationId: string, list: QuestionSeed[]): Promise<void> {
  await db
    .insert(questions)
    .values(list.map((q, position) => ({ ...q, consultationId, position })))
    .onConflictDoNothing({ target: [questions.consultationId, questions.key] });
}

async function seedPublishedInput(
  db: Db,
  organisationId: string,
  consultationId: string,
  departmentId: string,
  now: Date,
  key: string,
  input: {
    answers: Record<string, AnswerValue>;
    reply: string | null;
    /** Distinct days keep "newest first" meaningful in the answers widget. */
    daysAgo?: number;
    language?: 'nl' | 'en';
  },
): Promise<void> {
  const publishedAt = new Date(now.getTime() - (input.daysAgo ?? 3) * DAY);
  const language = input.language ?? 'nl';
  await db.transaction(async (tx) => {
    const [submission] = await tx
      .insert(submissions)
      .values({
        consultationId,
        channel: 'portal',
        language,
        status: input.reply ? 'answered' : 'published',
        reviewState: input.reply ? 'answered' : 'published',
        followUpCode: generateFollowUpCode(),
        idempotencyKey: key,
        createdAt: new Date(publishedAt.getTime() - 2 * DAY),
        updatedAt: publishedAt,
        publishedAt,
      })
      .onConflictDoNothing({ target: submissions.idempotencyKey })
      .returning();
    if (!submission) return; // seeded before
    const questionRows = await tx.select().from(questions).where(eq(questions.consultationId, consultationId));
    await tx.insert(submissionAnswers).values(
      Object.entries(input.answers).map(([questionKey, value]) => {
        const question = questionRows.find((q) => q.key === questionKey);
        if (!question) throw new Error(`Seed refers to unknown question ${questionKey}`);
        return { submissionId: submission.id, questionId: question.id, value };
      }),
    );
    if (input.reply) {
      await tx.insert(staffReplies).values({
        submissionId: submission.id,
        departmentId,
        language,
        body: input.reply,
        createdAt: publishedAt,
        publishedAt: new Date(publishedAt.getTime() + DAY),
      });
    }
    await recordAudit(tx, {
      organisationId,
      actorType: 'system',
      action: 'seed.submission',
      subjectType: 'submission',
      subjectId: submission.id,
    });
  });
}

/** The follow-up code of the demo's rejected input, so the demo shows a decision with its house rule. */
export const DEMO_REJECTED_CODE = 'DEMQ-RXJC-T3D9';

async function seedRejectedInput(db: Db, organisationId: string, consultationId: string, now: Date): Promise<void> {
  const createdAt = new Date(now.getTime() - 70 * DAY);
  await db.transaction(async (tx) => {
    const [submission] = await tx
      .insert(submissions)
      .values({
        consultationId,
        channel: 'widget',
        language: 'nl',
        status: 'rejected',
        reviewState: 'rejected',
        followUpCode: DEMO_REJECTED_CODE,
        idempotencyKey: 'seed:parkeren:rejected',
        moderationRule: 'on-topic',
        moderationReason: {
          nl: 'Uw reactie gaat over de afvalinzameling, niet over parkeren. Wij hebben haar doorgestuurd naar het team Afval.',
          en: 'Your response is about waste collection, not parking. We have passed it on to the waste team.',
        },
        createdAt,
        updatedAt: new Date(createdAt.getTime() + DAY),
      })
      .onConflictDoNothing({ target: submissions.idempotencyKey })
      .returning();
    if (!submission) return;
    const [question] = await tx.select().from(questions).where(eq(questions.consultationId, consultationId)).limit(1);
    if (!question) throw new Error('Seed: the parking consultation has no question');
    await tx.insert(submissionAnswers).values({
      submissionId: submission.id,
      questionId: question.id,
      value: 'De container in onze straat wordt te weinig geleegd.',
    });
    await recordAudit(tx, {
      organisationId,
      actorType: 'system',
      action: 'seed.submission',
      subjectType: 'submission',
      subjectId: submission.id,
    });
  });
}

async function seedAccessibilityStatement(db: Db, organisationId: string, now: Date): Promise<void> {
  await db
    .insert(accessibilityStatements)
    .values({
      organisationId,
      status: 'B',
      scope: {
        nl: 'Deze verklaring geldt voor het participatieportaal van de gemeente Demodam en de widgets waarmee de gemeente het op haar eigen website toont.',
        en: "This statement covers the participation portal of the municipality of Demodam and the widgets that show it on the municipality's own website.",
      },
      statementDate: new Date(now.getTime() - 30 * DAY),
      audits: [
        {
          title: { nl: 'Geautomatiseerde toets bij elke release', en: 'Automated check with every release' },
          by: 'Podium',
          date: new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10),
          url: null,
        },
      ],
      deviations: [
        {
          criterion: '1.1.1',
          description: {
            nl: "Sommige foto's in berichten van sociale media hebben geen beschrijving, omdat de schrijver die niet gaf.",
            en: 'Some photos in social-media posts have no description, because the author did not give one.',
          },
          measure: {
            nl: 'Wij tonen dan duidelijk "Geen beschrijving" en vragen de schrijver om een beschrijving.',
            en: 'We then show "No description" clearly and ask the author for one.',
          },
          resolveBy: null,
        },
      ],
      contactEmail: 'toegankelijkheid@demodam.example',
      responseDays: 5,
    })
    .onConflictDoNothing({ target: accessibilityStatements.organisationId });
}

const PARKING_IDEAS: Array<{ text: string; reply: string | null }> = [
  {
    text: 'Meer fietsenstallingen bij de markt, dan laten meer mensen de auto staan.',
    reply: 'Bij de markt komen 200 extra plekken voor fietsen.',
  },
  {
    text: 'Laat bezorgers alleen tot 11 uur het centrum in rijden.',
    reply: 'Dit venster voor bezorgers staat in het parkeerplan.',
  },
  { text: 'Een gratis pendelbus op zaterdag vanaf de garage aan de ring.', reply: null },
  {
    text: 'Parkeren voor bewoners moet betaalbaar blijven.',
    reply: 'Het tarief van de bewonersvergunning blijft in 2026 gelijk.',
  },
  { text: 'Maak de Markt autovrij op marktdagen.', reply: null },
  { text: 'Zorg voor oplaadpalen in de nieuwe garage.', reply: 'In de garage komen 40 plekken met een laadpaal.' },
  { text: 'Blauwe zone voor kort parkeren bij de winkels.', reply: null },
  {
    text: 'Betere borden naar de garages, zodat mensen niet rondjes rijden.',
    reply: 'Er komt een verwijssysteem dat laat zien hoeveel plekken vrij zijn.',
  },
  {
    text: 'Invalidenparkeerplaatsen dicht bij de ingang van het gemeentehuis houden.',
    reply: 'Die plekken blijven waar ze zijn, en er komen er twee bij.',
  },
  { text: 'Deelauto’s een vaste plek geven in elke wijk rond het centrum.', reply: null },
  {
    text: 'Minder parkeerplekken aan de gracht, meer bankjes en bomen.',
    reply: 'Aan de gracht vervallen 30 plekken voor groen en bankjes.',
  },
  { text: 'Fietsers en voetgangers voorrang geven in de Kerkstraat.', reply: null },
];

/** Demo answer templates, so webcare can start from one on a fresh installation. */
import type { Db } from '../../db/client.ts';
import { replyTemplates } from '../../db/schema.ts';

export async function seedReplyTemplates(db: Db, organisationId: string): Promise<void> {
  await db.insert(replyTemplates).values([
    {
      organisationId,
      title: { nl: 'Dank voor uw inbreng', en: 'Thank you for your input' },
      body: {
        nl: 'Dank u wel voor uw inbreng over {consultatie}. We lezen alles wat we krijgen. Wat we met uw inbreng doen, leest u later op deze pagina.',
        en: 'Thank you for your input on {consultation}. We read everything we receive. You can read on this page what we do with your input.',
      },
    },
    {
      organisationId,
      title: { nl: 'Doorgestuurd naar de afdeling', en: 'Passed on to the department' },
      body: {
        nl: 'Dank u wel voor uw vraag over {consultatie}. We hebben uw vraag doorgestuurd naar de afdeling die erover gaat. U krijgt binnen de beloofde tijd antwoord.',
        en: 'Thank you for your question about {consultation}. We passed it on to the department in charge. You will get an answer within the time we promised.',
      },
    },
  ]);
}

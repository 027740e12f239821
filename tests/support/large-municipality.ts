/**
 * Before the large municipality's server starts (playwright.config.ts): the demo and the
 * journeys' colleagues, as for the demo server (journey-accounts.ts), and then the generated
 * input of a large municipality (`podium generate`), once: a rerun on the same data
 * directory finds it there and adds none.
 */
import { like } from 'drizzle-orm';
import { loadConfig } from '../../api/config.ts';
import { consultations } from '../../api/db/schema.ts';
import { openConfiguredDatabase } from '../../api/server.ts';
import { generateItems } from '../../api/services/generate.ts';
import { LARGE_MUNICIPALITY_ITEMS } from './browser-env.ts';

await import('./journey-accounts.ts');
const database = await openConfiguredDatabase(loadConfig());
try {
  const generated = await database.db
    .select({ slug: consultations.slug })
    .from(consultations)
    .where(like(consultations.slug, 'gen-%'))
    .limit(1);
  if (generated.length === 0) {
    const report = await generateItems(database.db, { items: LARGE_MUNICIPALITY_ITEMS });
    console.log(`Generated ${report.submissions} items in ${report.consultations.length} consultations.`);
  } else {
    console.log('The generated items are in place.');
  }
} finally {
  await database.close();
}

/**
 * Content collections, all filled from the published snapshot (site/lib/snapshot.ts)
 * by inline loaders. The snapshot is validated as a whole first; the schemas here give
 * the pages their types. Entries are keyed by slug. Published input is not among them: it
 * grows with history, and the API serves it into the built pages (api/routes/portal-lists.ts).
 */
import { defineCollection } from 'astro:content';
import { Consultation, Organisation, TopicSummary } from '../shared/contracts/public-content.ts';
import { readSnapshot } from './lib/snapshot.ts';

const bySlug = <T extends { slug: string }>(items: readonly T[]) =>
  Object.fromEntries(items.map((item) => [item.slug, item]));

export const collections = {
  organisation: defineCollection({
    schema: Organisation,
    loader: async () => {
      const { organisation } = await readSnapshot();
      return bySlug([organisation]);
    },
  }),
  topics: defineCollection({
    schema: TopicSummary,
    loader: async () => bySlug((await readSnapshot()).topics),
  }),
  consultations: defineCollection({
    schema: Consultation,
    loader: async () => bySlug((await readSnapshot()).consultations),
  }),
};

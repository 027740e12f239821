/**
 * Static paths of the responses pages: one per consultation, page 1 at `…/reacties/`. It is
 * the shell the API fills with a page of responses at request time (api/routes/portal-lists.ts),
 * for page 1 and for pages 2 and up, which are not built: the build does not grow with the
 * published input.
 */
import type { Consultation } from '../../shared/contracts/public-content.ts';
import { getConsultations, getResponseCount } from './content.ts';

export type ResponsesPageProps = { consultation: Consultation; total: number };

export async function responsesPaths(): Promise<
  Array<{ params: { slug: string; page: string | undefined }; props: ResponsesPageProps }>
> {
  return Promise.all(
    (await getConsultations()).map(async (consultation) => ({
      params: { slug: consultation.slug, page: undefined },
      props: { consultation, total: await getResponseCount(consultation.slug) },
    })),
  );
}

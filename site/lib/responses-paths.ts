/**
 * Static paths of the paged responses: page 1 at `…/reacties/`, pages 2 and up at
 * `…/reacties/2/`, for every consultation with published input (and page 1 always,
 * so the link from a consultation page never breaks).
 */
import type { Consultation, PublishedSubmission } from '../../shared/contracts/public-content.ts';
import { getConsultations, getSubmissions, submissionsFor } from './content.ts';
import { type Page, paginate, RESPONSES_PER_PAGE } from './pagination.ts';

export type ResponsesPageProps = { consultation: Consultation; page: Page<PublishedSubmission> };

export async function responsesPaths(): Promise<
  Array<{ params: { slug: string; page: string | undefined }; props: ResponsesPageProps }>
> {
  const submissions = await getSubmissions();
  return (await getConsultations()).flatMap((consultation) =>
    paginate(submissionsFor(submissions, consultation.slug), RESPONSES_PER_PAGE).map((page) => ({
      params: { slug: consultation.slug, page: page.page === 1 ? undefined : String(page.page) },
      props: { consultation, page },
    })),
  );
}

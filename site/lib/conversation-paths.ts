/** Static paths of the mirrored threads, with the consultation each belongs to. */
import type { Consultation } from '../../shared/contracts/public-content.ts';
import type { SocialThreadSummary } from '../../shared/contracts/social-thread.ts';
import { getConsultations } from './content.ts';
import { readSnapshot } from './snapshot.ts';

export type ConversationPageProps = { thread: SocialThreadSummary; consultation: Consultation | undefined };

export async function conversationPaths(): Promise<Array<{ params: { id: string }; props: ConversationPageProps }>> {
  const consultations = await getConsultations();
  return (await readSnapshot()).threads.map((thread) => ({
    params: { id: thread.id },
    props: { thread, consultation: consultations.find((c) => c.slug === thread.consultation) },
  }));
}

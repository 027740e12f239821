/** English texts of <podium-answers>, with the shared ones: loaded only when it speaks English. */
import { en as sharedEn } from '../shared/messages-en.ts';
import type { Texts as SharedTexts } from '../shared/messages.ts';
import type { Texts } from './messages.ts';
import { pagerEn } from '../shared/pager-en.ts';

/** This widget's texts and the shared ones: the chunk carries both, so one import gives all English. */
export const en: Texts & SharedTexts = {
  ...sharedEn,
  ...pagerEn,
  loading: 'Loading the responses…',
  title: 'Responses and answers',
  count: '{count} published responses',
  countOne: '1 published response',
  empty: 'No responses have been published yet.',
  response: 'Response of {date}',
  reply: 'Answer from the municipality',
  replyFrom: 'Answer from {department}',
  noReply: 'The municipality has not answered yet.',
};

/** English texts of <podium-answers>, with the shared ones: loaded only when it speaks English. */
import { sharedMessagesEn } from '../shared/messages-en.ts';
import type { answersMessages } from './messages.ts';

const messages: typeof answersMessages & typeof sharedMessagesEn = {
  ...sharedMessagesEn,
  loading: 'Loading the responses…',
  title: 'Responses and answers',
  count: '{count} published responses',
  countOne: '1 published response',
  empty: 'No responses have been published yet.',
  response: 'Response of {date}',
  reply: 'Answer from the municipality',
  replyFrom: 'Answer from {department}',
  noReply: 'The municipality has not answered yet.',
  pages: 'Pages',
  pageOf: 'Page {page} of {pages}',
  previous: 'Previous page',
  next: 'Next page',
};

export default messages;

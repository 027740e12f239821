/** English texts of <podium-consultation>, with the shared ones: loaded only when it speaks English. */
import { sharedMessagesEn } from '../shared/messages-en.ts';
import type { consultationMessages } from './messages.ts';

const messages: typeof consultationMessages & typeof sharedMessagesEn = {
  ...sharedMessagesEn,
  deadline: 'You can respond until',
  opensAt: 'You can respond from',
  closedAt: 'Closed on',
  contributions: 'Responses so far',
  responseTime: 'The municipality responds within',
  workingDays: '{days} working days',
  statusOpen: 'Open',
  statusUpcoming: 'Opening soon',
  statusClosed: 'Closed',
  statusDecided: 'Decision made',
  status: 'Status',
  takePart: 'Give your opinion',
  readMore: 'Read what happens with the responses',
};

export default messages;

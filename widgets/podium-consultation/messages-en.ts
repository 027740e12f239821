/** English texts of <podium-consultation>, with the shared ones: loaded only when it speaks English. */
import { en as sharedEn } from '../shared/messages-en.ts';
import type { Texts as SharedTexts } from '../shared/messages.ts';
import type { Texts } from './messages.ts';

/** This widget's texts and the shared ones: the chunk carries both, so one import gives all English. */
export const en: Texts & SharedTexts = {
  ...sharedEn,
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

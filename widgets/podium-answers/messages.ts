/** Dutch texts of <podium-answers> (taalniveau B1); English is in messages-en.ts. */
import { pagerNl } from '../shared/pager-messages.ts';

export const nl = {
  ...pagerNl,
  loading: 'De reacties worden geladen…',
  title: 'Reacties en antwoorden',
  count: '{count} gepubliceerde reacties',
  countOne: '1 gepubliceerde reactie',
  empty: 'Er zijn nog geen gepubliceerde reacties.',
  response: 'Reactie van {date}',
  reply: 'Antwoord van de gemeente',
  replyFrom: 'Antwoord van {department}',
  noReply: 'De gemeente heeft nog niet geantwoord.',
};

/** This widget's own texts, typed from Dutch (the shared ones are in ../shared/messages.ts). */
export type Texts = typeof nl;

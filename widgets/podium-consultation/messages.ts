/** Dutch texts of <podium-consultation> (taalniveau B1); English is in messages-en.ts. */
export const nl = {
  deadline: 'Reageren kan tot',
  opensAt: 'Reageren kan vanaf',
  closedAt: 'Gesloten op',
  contributions: 'Aantal reacties',
  responseTime: 'De gemeente reageert binnen',
  workingDays: '{days} werkdagen',
  statusOpen: 'Open',
  statusUpcoming: 'Binnenkort open',
  statusClosed: 'Gesloten',
  statusDecided: 'Besluit genomen',
  status: 'Status',
  takePart: 'Geef uw mening',
  readMore: 'Lees wat er met de reacties gebeurt',
};

/** This widget's own texts, typed from Dutch (the shared ones are in ../shared/messages.ts). */
export type Texts = typeof nl;

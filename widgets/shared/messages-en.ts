/** English texts every widget shares; see messages.ts. Loaded only when a widget speaks English. */
import type { Texts } from './messages.ts';

export const en: Texts = {
  errorPrefix: 'Error:',
  loading: 'Loading the consultation…',
  loadFailed: 'The consultation could not be loaded. Please try again later.',
  loadOffline: 'You are offline. The consultation will load as soon as you are connected again.',
  retry: 'Try again',
  notFound: 'This consultation does not exist (any more).',
  corsRefused: 'This page is not allowed to show this widget. Ask the Podium administrator to add this web address.',
};

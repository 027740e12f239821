/**
 * Texts every widget shares, in Dutch (taalniveau B1). Dutch ships in each bundle because it
 * is also the fallback; English lives in messages-en.ts and is loaded only on English pages.
 */
export const nl = {
  errorPrefix: 'Fout:',
  loading: 'De consultatie wordt geladen…',
  loadFailed: 'De consultatie kon niet worden geladen. Probeer het later opnieuw.',
  loadOffline: 'U bent offline. De consultatie wordt geladen zodra er weer verbinding is.',
  retry: 'Opnieuw proberen',
  notFound: 'Deze consultatie bestaat niet (meer).',
  corsRefused: 'Deze pagina mag deze widget niet tonen. Vraag de beheerder van Podium om dit webadres toe te voegen.',
};

/** The texts every widget has, typed from Dutch. */
export type Texts = typeof nl;

/**
 * Counts of what grows with history (audit entries, assigned items), which Podium counts no
 * further than a limit: past it, the limit reads "meer dan 10.000" / "more than 10,000".
 */
import { formatDecimal } from '../format.ts';

export const nl = {
  count: (n: number, more = false): string => `${more ? 'meer dan ' : ''}${formatDecimal(n, 'nl')}`,
};

export type Texts = typeof nl;

export const en: Texts = {
  count: (n, more = false) => `${more ? 'more than ' : ''}${formatDecimal(n, 'en')}`,
};

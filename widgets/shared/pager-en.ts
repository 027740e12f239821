/** English texts of the pager (pager.ts), in the English chunk of each widget that pages. */
import type { PagerKey } from './pager-messages.ts';

export const pagerEn: Record<PagerKey, string> = {
  pages: 'Pages',
  pageOf: 'Page {page} of {pages}',
  previous: 'Previous page',
  next: 'Next page',
};

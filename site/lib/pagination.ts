/**
 * Splits a list into numbered pages for static pagination: page 1 at the list's own
 * address, pages 2 and up below it.
 */
export type Page<T> = {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  /** 1-based position of the first and last item on this page; 0 when the list is empty. */
  from: number;
  to: number;
};

export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer`);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: pages }, (_, index) => {
    const start = index * pageSize;
    const slice = items.slice(start, start + pageSize);
    return {
      items: slice,
      page: index + 1,
      pages,
      total: items.length,
      from: slice.length > 0 ? start + 1 : 0,
      to: start + slice.length,
    };
  });
}

/** How many published responses one page shows. */
export const RESPONSES_PER_PAGE = 10;
/** How many the consultation page itself shows before linking to all of them. */
export const RESPONSES_ON_CONSULTATION_PAGE = 5;

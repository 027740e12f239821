/** The kit's components: one folder each, with an examples.ts that drives its test. */
export { errorSummary, type ErrorSummaryItem, type ErrorSummaryOptions } from './error-summary/index.ts';
export { fieldError, type FieldErrorOptions } from './field-error/index.ts';
export { hiddenField, type HiddenFieldOptions } from './hidden-field/index.ts';
export { inlineText, localized, type Localized } from './localized/index.ts';
export { navItems, navLinks, type NavLink, type NavLinksOptions } from './nav-links/index.ts';
export { notice, type NoticeOptions } from './notice/index.ts';
export { pager, type PagerLink, type PagerOptions, type PagerPage } from './pager/index.ts';
export {
  lineBreaks,
  localizedParagraphs,
  paragraphs,
  type ParagraphsOptions,
  type TextLink,
} from './paragraphs/index.ts';
export { time, type TimeOptions, type TimeStyle } from './time/index.ts';

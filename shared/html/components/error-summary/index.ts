/**
 * The error summary at the top of a form that came back with errors: a heading and a link
 * to each invalid field (GOV.UK error summary). It takes focus when the page loads
 * (autofocus works without JavaScript), so a screen reader announces it first.
 *
 * One component for the portal and the staff workbench: `prefix` gives the classes and
 * ids each side's CSS, scripts and tests already use (`podium-error-summary`,
 * `staff-error-summary`). The portal's stylesheet styles BEM element classes
 * (`__heading`, `__list`); the staff stylesheet styles by descendant, so staff markup
 * carries none.
 */
import { attrs, html, nothing, type Html } from '../../core.ts';

export type ErrorSummaryItem = {
  message: string;
  /** The id of the control to move to; without one the message is shown unlinked. */
  target?: string | undefined;
};

export type ErrorSummaryOptions = {
  prefix: 'podium' | 'staff';
  heading: string;
  /** A sentence under the heading (the portal has one; staff pages do not). */
  intro?: string | undefined;
  errors: readonly ErrorSummaryItem[];
};

/** Nothing when there are no errors. */
export function errorSummary({ prefix, heading, intro, errors }: ErrorSummaryOptions): Html {
  if (errors.length === 0) return nothing;
  const id = `${prefix}-error-summary`;
  const element = (name: string) => (prefix === 'podium' ? `${id}__${name}` : undefined);
  const items = errors.map((error) =>
    error.target ? html`<li><a href="#${error.target}">${error.message}</a></li>` : html`<li>${error.message}</li>`,
  );
  return html`<div class="${id}" id="${id}" tabindex="-1" autofocus aria-labelledby="${id}-heading">
<h2${attrs({ class: element('heading'), id: `${id}-heading` })}>${heading}</h2>
${intro === undefined ? nothing : html`<p>${intro}</p>\n`}<ul${attrs({ class: element('list') })}>${items}</ul>
</div>`;
}

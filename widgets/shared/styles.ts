/**
 * Styles shared by every widget.
 *
 * - Theming: inherited custom properties with NL Design System (Utrecht) token names, so a
 *   municipality's existing theme styles the widget; each has a fallback that passes WCAG
 *   contrast on white, and those used more than once are read into a private `--_` variable.
 *   Between the two: the organisation's house colours from Podium (`--_org-*`, set by
 *   podium-element.ts from the `Podium-Theme` header), checked for contrast when saved.
 * - Typography comes from the host; sizes are in `em`, relative to the inherited font size
 *   (`rem` would follow a host's `html { font-size: 62.5% }` and shrink the widget).
 * - Targets are at least 44×44 CSS px (`max(44px, 2.75em)`): the px floor keeps targets
 *   large on a host with small text; text itself is never sized in px.
 * - Focus is an outline, never a box-shadow: outlines survive forced colours (WCAG 2.4.7).
 */
import { css } from './reactive-element.ts';

export const baseStyles = css`
  :host {
    /* Private copies of tokens used more than once; tokens used once are read in place. */
    --_muted: var(--utrecht-form-field-description-color, #4b4b4b);
    --_primary: var(--utrecht-button-primary-action-background-color, var(--_org-accent, #1a4f8b));
    --_control-color: var(--utrecht-form-control-color, #1a1a1a);
    --_invalid: var(--utrecht-form-control-invalid-border-color, #b30000);
    --_error: var(--utrecht-form-field-invalid-color, #b30000);
    --_focus: var(--utrecht-focus-outline-width, 0.1875em) var(--utrecht-focus-outline-style, solid)
      var(--utrecht-focus-outline-color, var(--_org-focus, #000));
    --_gap: var(--podium-space, 1em);
    --_target: max(44px, 2.75em);

    display: block;
    max-inline-size: 100%;
    font-family: var(--utrecht-document-font-family, inherit);
    color: var(--utrecht-document-color, inherit);
    line-height: var(--utrecht-document-line-height, 1.5);
    overflow-wrap: break-word;
  }

  :host([hidden]) {
    display: none;
  }

  /* A hostile host (* { box-sizing: content-box }) cannot reach in here. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .podium {
    background: var(--utrecht-document-background-color, transparent);
    min-inline-size: 0;
    outline: none;
  }

  .podium > * + * {
    margin-block-start: var(--_gap);
  }

  p {
    margin-block: 0 0.75em;
  }

  .heading {
    font-family: var(--utrecht-heading-font-family, inherit);
    color: var(--utrecht-heading-color, inherit);
    font-weight: var(--utrecht-heading-font-weight, 700);
    line-height: 1.25;
    margin-block: 0 0.5em;
  }
  .heading-1 {
    font-size: var(--podium-heading-font-size, 1.5em);
  }
  .heading-2,
  .heading-3 {
    font-size: var(--podium-subheading-font-size, 1.2em);
  }

  /* No !important: nothing outside the shadow root reaches this class. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  a {
    color: var(--utrecht-link-color, var(--_org-accent, #1a4f8b));
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: max(3px, 0.1875em);
  }

  /* Headings and panels that receive focus by script also show where focus is. */
  :focus-visible,
  [tabindex='-1']:not(.podium):focus {
    outline: var(--_focus);
    outline-offset: var(--utrecht-focus-outline-offset, 0.125em);
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    max-inline-size: 100%;
    padding-block: 0.5em;
    padding-inline: var(--utrecht-button-padding-inline-start, 1.25em) var(--utrecht-button-padding-inline-end, 1.25em);
    font: inherit;
    font-weight: var(--utrecht-button-font-weight, 700);
    line-height: 1.25;
    text-align: center;
    color: var(--utrecht-button-primary-action-color, var(--_org-on-accent, #fff));
    background: var(--_primary);
    /* Transparent borders become visible in forced colours, so the button keeps its shape. */
    border: var(--utrecht-button-border-width, 0.125em) solid
      var(--utrecht-button-primary-action-border-color, transparent);
    border-radius: var(--utrecht-button-border-radius, 0.25em);
    cursor: pointer;
  }
  .button:hover {
    background: var(--utrecht-button-primary-action-hover-background-color, var(--_org-accent-hover, #123a67));
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .button.secondary {
    color: var(--utrecht-button-secondary-action-color, var(--_primary));
    background: var(--utrecht-button-secondary-action-background-color, transparent);
    border-color: var(--utrecht-button-secondary-action-border-color, currentColor);
  }

  .panel {
    padding: var(--_gap);
    border: 0.125em solid transparent;
    border-inline-start: 0.375em solid var(--_primary);
    background: var(--utrecht-alert-background-color, #f3f6fa);
    color: var(--_control-color);
  }
  .panel.error {
    border-color: var(--_error);
  }
  .panel > :last-child {
    margin-block-end: 0;
  }

  /*
   * Forced colours repaint outlines and borders (transparent ones included) in system colours
   * by themselves; only the state that no attribute of the platform carries needs saying.
   */
  @media (forced-colors: active) {
    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
  /* No animations or transitions anywhere, so prefers-reduced-motion needs no block. */
`;

/**
 * Styles shared by every widget.
 *
 * - Theming: inherited custom properties with NL Design System (Utrecht) token names, so a
 *   municipality's existing theme styles the widget; each is read once into a private `--_`
 *   variable with a fallback that passes WCAG contrast on white.
 * - Typography comes from the host; sizes are in `em`, relative to the inherited font size
 *   (`rem` would follow a host's `html { font-size: 62.5% }` and shrink the widget).
 * - Targets are at least 44×44 CSS px (`max(44px, 2.75em)`): the px floor keeps targets
 *   large on a host with small text; text itself is never sized in px.
 * - Focus is an outline, never a box-shadow: outlines survive forced colours (WCAG 2.4.7).
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_font-family: var(--utrecht-document-font-family, inherit);
    --_color: var(--utrecht-document-color, inherit);
    --_background: var(--utrecht-document-background-color, transparent);
    --_muted: var(--utrecht-form-field-description-color, #4b4b4b);
    --_primary: var(--utrecht-button-primary-action-background-color, #1a4f8b);
    --_primary-hover: var(--utrecht-button-primary-action-hover-background-color, #123a67);
    --_on-primary: var(--utrecht-button-primary-action-color, #ffffff);
    --_radius: var(--utrecht-button-border-radius, 0.25em);
    --_link: var(--utrecht-link-color, #1a4f8b);
    --_control-border: var(--utrecht-form-control-border-color, #595959);
    --_control-border-width: var(--utrecht-form-control-border-width, 0.125em);
    --_control-background: var(--utrecht-form-control-background-color, #ffffff);
    --_control-color: var(--utrecht-form-control-color, #1a1a1a);
    --_control-radius: var(--utrecht-form-control-border-radius, 0.25em);
    --_accent: var(--utrecht-checkbox-checked-background-color, var(--_primary));
    --_invalid: var(--utrecht-form-control-invalid-border-color, #b30000);
    --_error: var(--utrecht-form-field-invalid-color, #b30000);
    --_focus-color: var(--utrecht-focus-outline-color, #000000);
    --_focus-width: var(--utrecht-focus-outline-width, 0.1875em);
    --_focus-style: var(--utrecht-focus-outline-style, solid);
    --_focus-offset: var(--utrecht-focus-outline-offset, 0.125em);
    --_surface: var(--utrecht-alert-background-color, #f3f6fa);
    --_success: var(--utrecht-alert-ok-border-color, #1e6b36);
    --_gap: var(--podium-space, 1em);
    --_heading-family: var(--utrecht-heading-font-family, inherit);
    --_heading-color: var(--utrecht-heading-color, inherit);
    --_target: max(44px, 2.75em);

    display: block;
    max-inline-size: 100%;
    font-family: var(--_font-family);
    color: var(--_color);
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
    background: var(--_background);
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
    font-family: var(--_heading-family);
    color: var(--_heading-color);
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

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  a {
    color: var(--_link);
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: max(3px, 0.1875em);
  }

  :focus-visible {
    outline: var(--_focus-width) var(--_focus-style) var(--_focus-color);
    outline-offset: var(--_focus-offset);
  }
  /* Headings and panels that receive focus by script still show where focus is. */
  [tabindex='-1']:not(.podium):focus {
    outline: var(--_focus-width) var(--_focus-style) var(--_focus-color);
    outline-offset: var(--_focus-offset);
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    max-inline-size: 100%;
    padding-block: 0.5em;
    padding-inline: var(--utrecht-button-padding-inline-start, 1.25em) var(--utrecht-button-padding-inline-end, 1.25em);
    font: inherit;
    font-weight: var(--utrecht-button-font-weight, 700);
    line-height: 1.25;
    text-align: center;
    color: var(--_on-primary);
    background: var(--_primary);
    /* Transparent borders become visible in forced colours, so the button keeps its shape. */
    border: var(--utrecht-button-border-width, 0.125em) solid
      var(--utrecht-button-primary-action-border-color, transparent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_primary-hover);
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
    background: var(--_surface);
    color: var(--_control-color);
  }
  .panel.error {
    border-color: var(--_error);
  }
  .panel.success {
    border-color: var(--_success);
  }
  .panel > :last-child {
    margin-block-end: 0;
  }

  @media (forced-colors: active) {
    :focus-visible,
    [tabindex='-1']:not(.podium):focus {
      outline-color: Highlight;
    }
    .button {
      border-color: ButtonText;
    }
    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    .panel {
      border-color: CanvasText;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Form controls: labels, hints, inputs, groups and field errors. */
export const formStyles = css`
  form {
    display: grid;
    gap: calc(var(--_gap) * 1.25);
    min-inline-size: 0;
  }

  .field {
    display: grid;
    gap: 0.375em;
    min-inline-size: 0;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  fieldset.field > legend,
  fieldset.group > legend {
    padding: 0;
    margin-block-end: 0.375em;
  }

  label,
  legend {
    font-weight: var(--utrecht-form-label-font-weight, 700);
  }

  .optional {
    font-weight: normal;
  }

  .hint {
    color: var(--_muted);
    margin: 0;
  }

  .field-error {
    color: var(--_error);
    font-weight: 700;
    margin: 0;
  }

  input[type='text'],
  input[type='email'],
  textarea {
    display: block;
    inline-size: 100%;
    max-inline-size: var(--podium-input-max-inline-size, 40em);
    min-block-size: var(--_target);
    padding: 0.5em;
    font: inherit;
    color: var(--_control-color);
    background: var(--_control-background);
    border: var(--_control-border-width) solid var(--_control-border);
    border-radius: var(--_control-radius);
  }
  textarea {
    min-block-size: 8em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_invalid);
    border-inline-start-width: 0.375em;
  }

  .stack {
    display: grid;
    gap: var(--_gap);
  }

  .options {
    display: grid;
    gap: 0.25em;
  }
  .options.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  /* The whole row is the click target: at least 44×44 px. */
  .choice {
    display: flex;
    align-items: center;
    gap: 0.625em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-inline: 0.25em 0.5em;
    font-weight: normal;
    cursor: pointer;
  }
  .choice input {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .choice input[aria-invalid='true'] {
    outline: 0.125em solid var(--_invalid);
    outline-offset: 0.0625em;
  }
  .choice input:focus-visible {
    outline: var(--_focus-width) var(--_focus-style) var(--_focus-color);
    outline-offset: var(--_focus-offset);
  }

  .count {
    color: var(--_muted);
    font-size: 0.9375em;
    margin: 0;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary li + li {
    margin-block-start: 0.25em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }

  @media (forced-colors: active) {
    [aria-invalid='true'] {
      border-color: CanvasText;
    }
    .choice input {
      forced-color-adjust: auto;
    }
  }
`;

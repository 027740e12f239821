/**
 * Styles of <podium-submit>'s form: labels, hints, inputs, groups and field errors. Only this
 * widget has a form, so these stay out of the chunk every widget shares.
 */
import { css } from '../shared/reactive-element.ts';

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
  legend {
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
    background: var(--utrecht-form-control-background-color, #fff);
    border: var(--utrecht-form-control-border-width, 0.125em) solid var(--utrecht-form-control-border-color, #595959);
    border-radius: var(--utrecht-form-control-border-radius, 0.25em);
  }
  textarea {
    min-block-size: 8em;
    resize: vertical;
  }

  .stack {
    display: grid;
    gap: var(--_gap);
  }

  .options {
    display: grid;
    gap: 0.25em;
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
    accent-color: var(--utrecht-checkbox-checked-background-color, var(--_primary));
    cursor: pointer;
  }

  .count {
    color: var(--_muted);
    font-size: 0.9375em;
    margin: 0;
  }
`;

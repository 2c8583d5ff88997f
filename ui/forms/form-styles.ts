import { css } from 'lit'

/** The layout of the app's long forms: a readable width, grouped fieldsets, fields side by side. */
export const formStyles = css`
  .form {
    max-width: 46rem;
  }
  h1 {
    margin-block: var(--ds-size-10) var(--ds-size-2);
  }
  .lead {
    color: var(--ds-color-neutral-text-subtle);
    margin-bottom: var(--ds-size-4);
  }
  .ds-error-summary,
  .ds-alert {
    margin-block: var(--ds-size-6);
  }
  form {
    margin-top: var(--ds-size-8);
  }
  form > * + *,
  fieldset > * + * {
    margin-top: var(--ds-size-6);
  }
  fieldset.group {
    border: 0;
    margin-inline: 0;
    min-width: 0;
    padding: 0;
  }
  fieldset.group > legend {
    margin-bottom: var(--ds-size-4);
  }
  .metric {
    border: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
    border-radius: var(--ds-border-radius-md);
    min-width: 0;
    padding: var(--ds-size-5);
  }
  .metric legend {
    padding-inline: var(--ds-size-2);
  }
  .metric > * + * {
    margin-top: var(--ds-size-3);
  }
  .pair,
  .quad {
    display: grid;
    gap: var(--ds-size-6) var(--ds-size-4);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
  }
  .quad {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
  }
  .pair.dates {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  .factors {
    align-items: end;
  }
  .actions {
    align-items: center;
    display: flex;
    flex-wrap: wrap;
    gap: var(--ds-size-6);
  }
  textarea {
    min-height: 6rem;
  }
`

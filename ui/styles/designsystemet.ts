import { type CSSResultOrNative, css, isServer } from 'lit'

/**
 * The document's style sheets (main.ts imports Designsystemet's components and theme there) as one
 * sheet for shadow roots, where the document's styles do not reach. Copied from the document rather
 * than bundled as a string, so the browser downloads the CSS once, as CSS, and not a second time
 * inside the JavaScript. The document's module scripts run only once its style sheets have loaded,
 * so the rules are there. One shared sheet: every element adopts the same object. The theme comes
 * along, so that `data-color` works on elements inside a shadow root.
 */
function documentStyles(): CSSStyleSheet {
  const rules: string[] = []
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) rules.push(rule.cssText)
    } catch {
      // A sheet from another origin (a browser extension's, say) keeps its rules to itself.
    }
  }
  const shared = new CSSStyleSheet()
  shared.replaceSync(rules.join('\n'))
  return shared
}

// Outside a browser (unit tests in Node) there is no document to copy from, and nothing to style.
export const designsystemet: CSSResultOrNative = isServer ? css`` : documentStyles()

/** What every element of the app shares: layout helpers and small additions to Designsystemet. */
export const appStyles = css`
  :host {
    display: block;
  }
  /*
   * Inside a date field focus sits on its parts and its calendar button, which Chromium does not
   * count as :focus-visible on the field: the whole field shows the focus ring instead.
   */
  input.ds-input[type='date']:focus-within {
    box-shadow: var(--dsc-focus-boxShadow);
    outline: var(--dsc-focus-outline);
    outline-offset: var(--ds-border-width-focus);
  }
  [hidden] {
    display: none !important;
  }
  .container {
    box-sizing: border-box;
    margin-inline: auto;
    max-width: 74rem;
    padding-inline: var(--ds-size-4);
  }
  @media (min-width: 48rem) {
    .container {
      padding-inline: var(--ds-size-8);
    }
  }
  .stack > * + * {
    margin-block-start: var(--ds-size-4);
  }
  .muted {
    color: var(--ds-color-neutral-text-subtle);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ds-size-2);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* A table that does not fit scrolls inside its own box, never the page. */
  .table-scroll {
    max-width: 100%;
    overflow-x: auto;
  }
  .table-scroll:focus-visible {
    outline: var(--ds-border-width-focus) solid var(--ds-color-focus-outer);
    outline-offset: 2px;
  }
  .ds-table {
    width: 100%;
  }
  .ds-table :is(th, td).number {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  h1.ds-heading,
  h2.ds-heading {
    hyphens: auto;
    overflow-wrap: break-word;
  }
  @media (max-width: 40rem) {
    h1.ds-heading[data-size='xl'],
    h1.ds-heading[data-size='lg'] {
      font-size: var(--ds-heading-md-font-size);
    }
  }
  /* Long compound words (tilgjengelighetserklæring) must not push the page sideways. */
  h1.ds-heading {
    overflow-wrap: anywhere;
  }
  .table-note {
    color: var(--ds-color-neutral-text-subtle);
    margin-bottom: var(--ds-size-2);
  }
  /*
   * On a phone a wide table becomes one block per row, each value with its column's name.
   * Such tables carry explicit ARIA roles, which keep them tables for screen readers.
   */
  @media (max-width: 40rem) {
    table.stack-narrow,
    table.stack-narrow > :is(tbody, tfoot),
    table.stack-narrow > :is(tbody, tfoot) > tr,
    table.stack-narrow > :is(tbody, tfoot) > tr > :is(th, td) {
      display: block;
    }
    table.stack-narrow > thead {
      clip: rect(0 0 0 0);
      height: 1px;
      overflow: hidden;
      position: absolute;
      width: 1px;
    }
    table.stack-narrow > :is(tbody, tfoot) > tr {
      border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
      padding-block: var(--ds-size-2);
    }
    table.stack-narrow > :is(tbody, tfoot) > tr > :is(th, td) {
      border: 0 !important;
      padding-block: var(--ds-size-1) !important;
    }
    table.stack-narrow.ds-table > :is(tbody, tfoot) > tr > td {
      display: flex;
      gap: var(--ds-size-4);
      justify-content: space-between;
      text-align: end;
      white-space: normal;
    }
    table.stack-narrow > :is(tbody, tfoot) > tr > td:not(:empty)::before {
      color: var(--ds-color-neutral-text-subtle);
      content: attr(data-label);
      text-align: start;
    }
  }
  mark {
    background: var(--ds-color-warning-surface-tinted);
    border-radius: var(--ds-border-radius-sm);
    color: inherit;
    font-weight: var(--ds-font-weight-semibold);
    padding-inline: 0.1em;
  }
  a:not([class]) {
    color: var(--ds-color-accent-text-subtle);
  }
  p,
  li,
  dd {
    overflow-wrap: anywhere;
  }
`

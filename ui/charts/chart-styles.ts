import { css } from 'lit'

/** What the charts share: text in the page's colours, visible focus on marks, legends, print. */
export const chartStyles = css`
  figure {
    margin: 0;
  }
  svg {
    display: block;
    max-width: 100%;
    overflow: visible;
  }
  svg text {
    fill: var(--ds-color-neutral-text-default);
    font-family: inherit;
    font-size: var(--ds-body-sm-font-size);
  }
  svg .subtle {
    fill: var(--ds-color-neutral-text-subtle);
  }
  svg .axis line,
  svg .axis path,
  svg .grid line {
    stroke: var(--ds-color-neutral-border-subtle);
  }
  .mark {
    cursor: default;
    outline: none;
  }
  .mark:focus-visible .focus-ring,
  .mark:hover .focus-ring {
    stroke: var(--ds-color-focus-outer);
    stroke-width: 3;
  }
  .focus-ring {
    fill: none;
    stroke: transparent;
  }
  .summary {
    margin-bottom: var(--ds-size-4);
    max-width: 46rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ds-size-2) var(--ds-size-5);
    list-style: none;
    margin: var(--ds-size-3) 0;
    padding: 0;
    font-size: var(--ds-body-sm-font-size);
  }
  .legend li {
    align-items: center;
    display: inline-flex;
    gap: var(--ds-size-2);
  }
  .swatch {
    border: 1px solid var(--ds-color-neutral-border-default);
    display: inline-block;
    height: 0.9rem;
    width: 0.9rem;
  }
  .swatch.line {
    border: none;
    border-top: 3px solid currentColor;
    height: 0;
    width: 1.4rem;
  }
  .swatch.dashed {
    border-top-style: dashed;
  }
  .chart-table {
    margin-top: var(--ds-size-4);
  }
  .chart-table summary {
    cursor: pointer;
    font-weight: var(--ds-font-weight-medium);
    padding-block: var(--ds-size-2);
  }
  .chart-table summary:focus-visible {
    outline: var(--ds-border-width-focus) solid var(--ds-color-focus-outer);
  }
  .chart-table caption {
    text-align: start;
    padding-block-end: var(--ds-size-2);
  }
  @media print {
    .chart-table {
      break-inside: avoid;
    }
    .chart-table > summary {
      display: none;
    }
    .chart-table:not([open]) > :not(summary) {
      display: block;
    }
    svg text {
      fill: #000;
    }
    .no-print {
      display: none !important;
    }
  }
`

import { css, html, nothing } from 'lit'
import type { Evaluation } from '../../schema/evaluation.ts'
import { AppElement } from '../app-element.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'

/**
 * One evaluation: its kind, method and outcome, the strength of its evidence explained in words,
 * what was learned, the measured results and what helped or hindered.
 */
export class EvaluationArticle extends AppElement {
  static override properties = { evaluation: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      article > * + * {
        margin-top: var(--ds-size-4);
      }
      h3,
      h4 {
        margin-bottom: 0;
      }
      h4 + * {
        margin-top: var(--ds-size-1);
      }
      dl.facts {
        display: grid;
        gap: var(--ds-size-2) var(--ds-size-4);
        margin: 0;
      }
      @media (min-width: 40rem) {
        dl.facts {
          grid-template-columns: max-content 1fr;
        }
      }
      dt {
        font-weight: var(--ds-font-weight-medium);
      }
      dd {
        margin: 0;
      }
      .explanation {
        color: var(--ds-color-neutral-text-subtle);
        display: block;
      }
      .factors {
        display: grid;
        gap: var(--ds-size-4);
      }
      @media (min-width: 48rem) {
        .factors {
          grid-template-columns: 1fr 1fr;
        }
      }
      ul {
        margin: var(--ds-size-1) 0 0;
        padding-inline-start: var(--ds-size-5);
      }
      li + li {
        margin-top: var(--ds-size-2);
      }
    `,
  ]

  declare evaluation: Evaluation

  override render() {
    const { evaluation: e, i18n } = this
    const t = i18n.t.bind(i18n)
    const evidence = i18n.evidence(e.evidenceLevel)
    const evaluator = e.evaluator.organisationName ?? e.evaluator.name
    const heading = [
      i18n.label('evaluationKind', e.kind),
      e.outcome ? i18n.label('outcome', e.outcome) : null,
    ]
      .filter(Boolean)
      .join(': ')
    return html`<article class="ds-card" data-color="neutral">
      <h3 class="ds-heading" data-size="xs">${heading}</h3>
      <dl class="facts ds-paragraph" data-size="sm">
        <dt>${t('pilot.evaluations.evidence')}</dt>
        <dd>
          ${
            evidence
              ? html`<strong>
                    ${t('pilot.evaluations.evidenceLevel', { level: e.evidenceLevel, title: evidence.title })}
                  </strong>
                  <span class="explanation">${evidence.explanation}</span>`
              : e.evidenceLevel
          }
        </dd>
        <dt>${t('pilot.evaluations.method')}</dt>
        <dd>${i18n.label('method', e.method)}</dd>
        ${evaluator ? html`<dt>${t('pilot.evaluations.evaluator')}</dt><dd>${evaluator}</dd>` : nothing}
        ${
          e.publishedAt
            ? html`<dt>${t('pilot.evaluations.published')}</dt><dd>${i18n.day(e.publishedAt)}</dd>`
            : nothing
        }
      </dl>
      ${
        e.summary
          ? html`<h4 class="ds-heading" data-size="2xs">${t('pilot.evaluations.summary')}</h4>
              <p class="ds-paragraph" lang=${CONTENT_LANG}>${e.summary}</p>`
          : nothing
      }
      <h4 class="ds-heading" data-size="2xs">${t('pilot.evaluations.lessons')}</h4>
      <p class="ds-paragraph" lang=${CONTENT_LANG}>${e.lessonsLearned}</p>
      ${this.#results()} ${this.#factors()} ${this.#report()}
    </article>`
  }

  #results() {
    const { evaluation: e, i18n } = this
    const t = i18n.t.bind(i18n)
    if (!e.results.length) return nothing
    const n = (v: number | null) => (v === null ? '–' : i18n.number(v))
    return html`<h4 class="ds-heading" data-size="2xs" id="results-heading">
        ${t('pilot.evaluations.results')}
      </h4>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="results-heading">
        <table class="ds-table stack-narrow" data-border data-size="sm" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${t('pilot.metrics.metric')}</th>
              <th scope="col" role="columnheader" class="number">${t('pilot.evaluations.observed')}</th>
              <th scope="col" role="columnheader" class="number">${t('pilot.evaluations.interval')}</th>
              <th scope="col" role="columnheader" class="number">${t('pilot.evaluations.n')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${e.results.map(
              (r) => html`<tr role="row">
                <th scope="row" role="rowheader">
                  <span lang=${CONTENT_LANG}>${r.metricName}</span>
                  ${
                    r.preregistered
                      ? nothing
                      : html`<span class="ds-tag" data-color="warning" data-size="sm">
                          ${t('pilot.metrics.notPreregistered')}
                        </span>`
                  }
                </th>
                <td role="cell" class="number" data-label=${t('pilot.evaluations.observed')}>
                  ${i18n.number(r.observed)}${r.unit ? ` ${r.unit}` : ''}
                </td>
                <td role="cell" class="number" data-label=${t('pilot.evaluations.interval')}>
                  ${
                    r.ciLow === null || r.ciHigh === null
                      ? '–'
                      : t('common.range', { from: n(r.ciLow), to: n(r.ciHigh) })
                  }
                </td>
                <td role="cell" class="number" data-label=${t('pilot.evaluations.n')}>${n(r.n)}</td>
              </tr>`
            )}
          </tbody>
        </table>
      </div>`
  }

  #factors() {
    const { evaluation: e, i18n } = this
    const t = i18n.t.bind(i18n)
    const list = (effect: 'promoted' | 'hindered') => {
      const factors = e.factors.filter((f) => f.effect === effect)
      if (!factors.length) return nothing
      return html`<div>
        <h4 class="ds-heading" data-size="2xs">${t(`pilot.evaluations.${effect}`)}</h4>
        <ul class="ds-paragraph" data-size="sm">
          ${factors.map(
            (f) => html`<li>
              <strong>${i18n.label('factor', f.factor)}</strong>${
                f.note ? html`: <span lang=${CONTENT_LANG}>${f.note}</span>` : nothing
              }
            </li>`
          )}
        </ul>
      </div>`
    }
    if (!e.factors.length && !e.otherFactors) return nothing
    return html`<div class="factors">${list('promoted')} ${list('hindered')}</div>
      ${
        e.otherFactors
          ? html`<h4 class="ds-heading" data-size="2xs">${t('pilot.evaluations.otherFactors')}</h4>
              <p class="ds-paragraph" data-size="sm" lang=${CONTENT_LANG}>${e.otherFactors}</p>`
          : nothing
      }`
  }

  #report() {
    const report = this.evaluation.report
    if (!report) return nothing
    const t = this.i18n.t.bind(this.i18n)
    // Only web addresses become links: text from the API never becomes a script URL.
    if (report.kind === 'url' && !/^https?:\/\//i.test(report.url)) return nothing
    return report.kind === 'url'
      ? html`<p><a class="ds-link" href=${report.url} rel="noopener">${t('pilot.evaluations.report')}</a></p>`
      : html`<p>
          <a class="ds-link" href=${report.href} download=${report.filename}>
            ${t('pilot.evaluations.reportPdf', { name: report.filename })}
          </a>
        </p>`
  }
}
customElements.define('evaluation-article', EvaluationArticle)

declare global {
  interface HTMLElementTagNameMap {
    'evaluation-article': EvaluationArticle
  }
}

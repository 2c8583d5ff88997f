import { css, html, nothing } from 'lit'
import type { Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'
import { paths } from '../router.ts'

/** The key facts of a pilot as a definition list: owner, partners, dates, money, legal basis. */
export class PilotFacts extends AppElement {
  static override properties = { pilot: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      h2 {
        margin: 0 0 var(--ds-size-4);
      }
      dl {
        margin: 0;
      }
      dt {
        font-weight: var(--ds-font-weight-medium);
      }
      dd {
        margin: 0 0 var(--ds-size-3);
      }
      dd ul:not(.tags) {
        margin: 0;
        padding-inline-start: var(--ds-size-5);
      }
    `,
  ]

  declare pilot: Pilot

  override render() {
    const { i18n, pilot } = this
    const t = i18n.t.bind(i18n)
    const range = (from: string | null, to: string | null) => {
      if (!from) return null
      return to ? t('common.range', { from: i18n.date(from), to: i18n.date(to) }) : i18n.date(from)
    }
    const row = (label: string, value: unknown) =>
      value === null || value === undefined || value === ''
        ? nothing
        : html`<dt>${label}</dt>
            <dd>${value}</dd>`
    const { legalBasis: legal, adoptionDecision: decision } = pilot
    const partners = pilot.partners.map(
      (p) => html`<li>
        ${t('pilot.facts.partner', { name: p.name, role: i18n.label('partnerRole', p.role) })}
      </li>`
    )
    const tags = pilot.tags.map(
      (tag) => html`<li><span class="ds-tag" data-size="sm" lang=${CONTENT_LANG}>${tag}</span></li>`
    )
    return html`<section
      class="ds-card"
      data-color="neutral"
      data-variant="tinted"
      aria-labelledby="facts-heading"
    >
      <h2 class="ds-heading" data-size="xs" id="facts-heading">${t('pilot.facts.title')}</h2>
      <dl class="ds-paragraph" data-size="sm">
        ${row(
          t('pilot.facts.owner'),
          `${pilot.owner.name} (${i18n.label('orgKind', pilot.owner.kind)})`
        )}
        ${row(t('pilot.facts.partners'), partners.length ? html`<ul>${partners}</ul>` : null)}
        ${row(t('pilot.facts.serviceArea'), i18n.label('serviceArea', pilot.serviceArea))}
        ${row(t('pilot.facts.innovationType'), i18n.label('innovationType', pilot.innovationType))}
        ${row(t('pilot.facts.stage'), i18n.label('stage', pilot.stage))}
        ${row(t('pilot.facts.outcome'), pilot.outcome && i18n.label('outcome', pilot.outcome))}
        ${row(t('pilot.facts.period'), range(pilot.actualStart, pilot.actualEnd))}
        ${row(t('pilot.facts.plannedPeriod'), range(pilot.plannedStart, pilot.plannedEnd))}
        ${row(t('pilot.facts.budget'), pilot.budgetNok === null ? null : i18n.nok(pilot.budgetNok))}
        ${row(t('pilot.facts.funding'), pilot.fundingSource)}
        ${row(
          t('pilot.facts.legalBasis'),
          [
            [i18n.label('legalBasis', legal.kind), legal.reference].filter(Boolean).join(': '),
            legal.approvalDate &&
              legal.expiryDate &&
              t('more.facts.approved', {
                from: i18n.date(legal.approvalDate),
                to: i18n.date(legal.expiryDate),
              }),
            legal.extendedUntil &&
              t('more.facts.extended', { date: i18n.date(legal.extendedUntil) }),
          ]
            .filter(Boolean)
            .join(', ')
        )}
        ${row(
          t('pilot.facts.evaluationMethod'),
          pilot.evaluationMethod && i18n.label('method', pilot.evaluationMethod)
        )}
        ${row(
          t('pilot.facts.decision'),
          decision &&
            t('pilot.facts.decisionValue', {
              reference: decision.reference,
              date: i18n.date(decision.date),
            })
        )}
        ${row(t('pilot.facts.discontinued'), pilot.discontinuedReason)}
        ${row(
          t('pilot.facts.basedOn'),
          pilot.basedOnPilotId &&
            html`<a class="ds-link" href=${paths.pilot(pilot.basedOnPilotId)}>
              ${t('pilot.facts.basedOnLink')}
            </a>`
        )}
        ${row(t('pilot.facts.tags'), tags.length ? html`<ul class="tags">${tags}</ul>` : null)}
      </dl>
    </section>`
  }
}
customElements.define('pilot-facts', PilotFacts)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-facts': PilotFacts
  }
}

import { css, html, nothing } from 'lit'
import type { Adoption } from '../../schema/adoption.ts'
import type { Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'

/**
 * The organisations that took a pilot up: how far they got, how closely they copied it, whom
 * they learned it from and how it went for them, with the replication evidence on top.
 */
export class AdoptionList extends AppElement {
  static override properties = {
    adoptions: { attribute: false },
    pilot: { attribute: false },
  }
  static override styles = [
    ...AppElement.styles,
    css`
      ul.adoptions {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.adoptions > li {
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        padding-block: var(--ds-size-4);
      }
      h3 {
        margin: 0 0 var(--ds-size-2);
      }
      p {
        margin: var(--ds-size-1) 0 0;
      }
      .replication {
        font-weight: var(--ds-font-weight-medium);
      }
    `,
  ]

  declare adoptions: readonly Adoption[]
  /** The origin pilot, for its owner's name and the replication summary. */
  declare pilot: Pilot

  override render() {
    const { i18n, pilot } = this
    const t = i18n.t.bind(i18n)
    const replication = pilot.evidence.replication
    if (!this.adoptions.length) {
      return html`<p class="ds-paragraph">${t('pilot.adoptions.empty')}</p>`
    }
    return html`${
      replication && replication.tried > 0
        ? html`<p class="ds-paragraph replication">
            ${t('pilot.adoptions.replication', {
              succeeded: i18n.number(replication.succeeded),
              tried: i18n.number(replication.tried),
            })}
          </p>`
        : nothing
    }
      <ul class="adoptions">
        ${this.adoptions.map((a) => this.#adoption(a))}
      </ul>`
  }

  #adoption(a: Adoption) {
    const { i18n, pilot } = this
    const t = i18n.t.bind(i18n)
    const dates = [
      a.interestedOn && t('pilot.adoptions.interestedOn', { date: i18n.date(a.interestedOn) }),
      a.triallingOn && t('pilot.adoptions.triallingOn', { date: i18n.date(a.triallingOn) }),
      a.adoptedOn && t('pilot.adoptions.adoptedOn', { date: i18n.date(a.adoptedOn) }),
      a.droppedOn && t('pilot.adoptions.droppedOn', { date: i18n.date(a.droppedOn) }),
    ].filter(Boolean)
    return html`<li>
      <h3 class="ds-heading" data-size="2xs">${a.organisation.name}</h3>
      <ul class="tags">
        <li>
          <span class="ds-tag" data-color=${a.status === 'dropped' ? 'neutral' : 'success'} data-size="sm">
            ${i18n.label('adoptionStatus', a.status)}
          </span>
        </li>
        <li>
          <span class="ds-tag" data-color="neutral" data-variant="outline" data-size="sm">
            ${i18n.label('adoptionDegree', a.degree)}
          </span>
        </li>
      </ul>
      <p class="ds-paragraph" data-size="sm">
        ${
          a.learnedFrom
            ? t('pilot.adoptions.learnedFrom', { org: a.learnedFrom.organisationName })
            : t('pilot.adoptions.learnedFromOrigin', { org: pilot.owner.name })
        }${dates.length ? html`. ${dates.join('. ')}.` : '.'}
      </p>
      ${
        a.localOutcome
          ? html`<p class="ds-paragraph" data-size="sm">
              ${t('pilot.adoptions.localOutcome', { outcome: i18n.label('outcome', a.localOutcome) })}
            </p>`
          : nothing
      }
      ${
        a.notes
          ? html`<p class="ds-paragraph muted" data-size="sm" lang=${CONTENT_LANG}>${a.notes}</p>`
          : nothing
      }
    </li>`
  }
}
customElements.define('adoption-list', AdoptionList)

declare global {
  interface HTMLElementTagNameMap {
    'adoption-list': AdoptionList
  }
}

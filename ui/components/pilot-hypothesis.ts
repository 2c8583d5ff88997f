import { css, html, nothing } from 'lit'
import type { Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'

const FIELD_MESSAGES: Record<string, MessageKey> = {
  hypothesis: 'field.hypothesis',
  name: 'field.name',
  unit: 'field.unit',
  baseline: 'field.baseline',
  target: 'field.target',
  direction: 'field.direction',
  primary: 'field.primary',
  metrics: 'field.metrics',
}

/**
 * The hypothesis as it stands, the pre-registered version frozen when the trial started, and
 * every amendment since, with its reason: outcome switching must be visible.
 */
export class PilotHypothesis extends AppElement {
  static override properties = { pilot: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      blockquote {
        border-inline-start: 4px solid var(--ds-color-accent-border-default);
        margin: 0;
        padding-inline-start: var(--ds-size-4);
      }
      .prereg {
        margin-top: var(--ds-size-5);
      }
      .prereg > * + * {
        margin-top: var(--ds-size-3);
      }
      h3 {
        margin: 0;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      ol > li + li {
        margin-top: var(--ds-size-4);
      }
      dl {
        display: grid;
        gap: var(--ds-size-1) var(--ds-size-3);
        grid-template-columns: max-content 1fr;
        margin: var(--ds-size-2) 0 0;
      }
      dt {
        font-weight: var(--ds-font-weight-medium);
      }
      dd {
        margin: 0;
      }
    `,
  ]

  declare pilot: Pilot

  override render() {
    const { pilot, i18n } = this
    const t = i18n.t.bind(i18n)
    const prereg = pilot.preregistration
    return html`
      ${
        pilot.hypothesis
          ? html`<p class="ds-paragraph" lang=${CONTENT_LANG}>${pilot.hypothesis}</p>`
          : html`<p class="ds-paragraph">${t('common.notGiven')}</p>`
      }
      <div class="prereg ds-card" data-color="neutral" data-variant="tinted">
        <h3 class="ds-heading" data-size="2xs">${t('pilot.prereg.title')}</h3>
        ${
          prereg
            ? html`<p class="ds-paragraph" data-size="sm">
                  ${t('pilot.prereg.explain', { date: i18n.day(prereg.frozenAt) })}
                </p>
                ${
                  prereg.hypothesis.trim() === pilot.hypothesis.trim()
                    ? html`<p class="ds-paragraph" data-size="sm">${t('pilot.prereg.unchanged')}</p>`
                    : html`<p class="ds-paragraph" data-size="sm">${t('pilot.prereg.changed')}</p>
                        <blockquote class="ds-paragraph" data-size="sm" lang=${CONTENT_LANG}>
                          ${prereg.hypothesis}
                        </blockquote>`
                }
                ${this.#amendments()}`
            : html`<p class="ds-paragraph" data-size="sm">${t('pilot.prereg.none')}</p>`
        }
      </div>
    `
  }

  #amendments() {
    const { pilot, i18n } = this
    const t = i18n.t.bind(i18n)
    if (!pilot.amendments.length) {
      return html`<p class="ds-paragraph" data-size="sm">${t('pilot.amendments.none')}</p>`
    }
    return html`<h4 class="ds-heading" data-size="2xs">${t('pilot.amendments.title')}</h4>
      <ol>
        ${pilot.amendments.map(
          (a) => html`<li>
            <p class="ds-paragraph" data-size="sm">
              <strong>
                ${t('pilot.amendments.item', { version: a.version, date: i18n.day(a.at) })}
              </strong>
              ${
                a.actor.organisationName || a.actor.name
                  ? html` – ${t('pilot.amendments.by', {
                      who: a.actor.organisationName ?? a.actor.name ?? '',
                    })}`
                  : nothing
              }
            </p>
            <dl class="ds-paragraph" data-size="sm">
              <dt>${t('pilot.amendments.reason')}</dt>
              <dd lang=${CONTENT_LANG}>${a.reason}</dd>
              ${Object.entries(a.changes).map(
                ([field, change]) => html`<dt>${this.#field(field)}</dt>
                  <dd>
                    ${t('pilot.amendments.from')}: ${this.#value(change.from)}<br />
                    ${t('pilot.amendments.to')}: ${this.#value(change.to)}
                  </dd>`
              )}
            </dl>
          </li>`
        )}
      </ol>`
  }

  #field(name: string) {
    const key = FIELD_MESSAGES[name]
    return key ? this.i18n.t(key) : name
  }

  #value(value: unknown): string {
    if (value === null || value === undefined || value === '') return '–'
    if (typeof value === 'number') return this.i18n.number(value)
    if (typeof value === 'boolean') return this.i18n.t(value ? 'common.yes' : 'common.no')
    if (typeof value === 'string') return value
    if (Array.isArray(value)) return value.map((v) => this.#value(v)).join('; ')
    if (typeof value === 'object' && 'name' in value) return String(value.name)
    return JSON.stringify(value)
  }
}
customElements.define('pilot-hypothesis', PilotHypothesis)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-hypothesis': PilotHypothesis
  }
}

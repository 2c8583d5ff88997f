import { css, html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import { AppElement } from '../app-element.ts'

export interface FacetOption {
  value: string
  label: string
  count: number
}

/** The user ticked or unticked a value of a facet; `values` is the whole new selection. */
export class FacetChangeEvent extends Event {
  static readonly type = 'facet-change'
  readonly name: string
  readonly values: string[]
  constructor(name: string, values: string[]) {
    super(FacetChangeEvent.type, { bubbles: true, composed: true })
    this.name = name
    this.values = values
  }
}

/**
 * One facet of a search as a group of checkboxes, each with how many results it would give.
 * Values that would give none are left out unless they are chosen.
 * @fires facet-change - a checkbox was ticked or unticked
 */
export class FacetGroup extends AppElement {
  static override properties = {
    name: {},
    legend: {},
    options: { attribute: false },
    selected: { attribute: false },
  }
  static override styles = [
    ...AppElement.styles,
    css`
      .ds-fieldset {
        --dsc-fieldset-gap: var(--ds-size-2);
      }
      legend {
        font-weight: var(--ds-font-weight-medium);
      }
    `,
  ]

  /** The facet's query parameter, e.g. `serviceArea`. */
  declare name: string
  declare legend: string
  declare options: readonly FacetOption[]
  /** The values chosen now. */
  declare selected: readonly string[]

  constructor() {
    super()
    this.options = []
    this.selected = []
  }

  override render() {
    const shown = this.options.filter((o) => o.count > 0 || this.selected.includes(o.value))
    if (!shown.length) return nothing
    return html`<fieldset class="ds-fieldset">
      <legend>${this.legend}</legend>
      ${repeat(
        shown,
        // Keyed, so the box that has focus stays the same box when others come and go.
        (option) => option.value,
        (option) => {
          const id = `${this.name}-${option.value}`
          return html`<div class="ds-field">
          <input
            class="ds-input"
            type="checkbox"
            id=${id}
            name=${this.name}
            .value=${option.value}
            .checked=${this.selected.includes(option.value)}
            @change=${this.#changed}
          />
          <label for=${id}>
            ${this.i18n.t('discover.facet.option', {
              label: option.label,
              count: this.i18n.number(option.count),
            })}
          </label>
        </div>`
        }
      )}
    </fieldset>`
  }

  #changed(event: Event) {
    const box = event.currentTarget as HTMLInputElement
    const values = box.checked
      ? [...this.selected, box.value]
      : this.selected.filter((v) => v !== box.value)
    this.dispatchEvent(new FacetChangeEvent(this.name, values))
  }
}
customElements.define('facet-group', FacetGroup)

declare global {
  interface HTMLElementTagNameMap {
    'facet-group': FacetGroup
  }
  interface HTMLElementEventMap {
    'facet-change': FacetChangeEvent
  }
}

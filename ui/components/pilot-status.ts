import { html, nothing } from 'lit'
import type { Flag, Outcome, Stage } from '../../schema/enums.ts'
import { AppElement } from '../app-element.ts'

type Color = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent'

/** The colour of a stage's tag; the words carry the meaning, the colour only helps the eye. */
export function stageColor(stage: Stage): Color {
  switch (stage) {
    case 'hypothesis':
    case 'planned':
      return 'neutral'
    case 'running':
    case 'evaluating':
      return 'info'
    case 'concluded':
      return 'accent'
    case 'adopted':
      return 'success'
    case 'discontinued':
      return 'warning'
    default:
      throw new Error(`Unknown stage ${stage satisfies never}`)
  }
}

function outcomeColor(outcome: Outcome): Color {
  switch (outcome) {
    case 'successful':
    case 'partially_successful':
      return 'success'
    case 'unsuccessful':
      return 'danger'
    case 'inconclusive':
      return 'neutral'
    default:
      throw new Error(`Unknown outcome ${outcome satisfies never}`)
  }
}

/** A pilot's stage, outcome and health flags as a row of tags. */
export class PilotStatus extends AppElement {
  static override properties = {
    stage: {},
    outcome: {},
    flags: { attribute: false },
  }

  declare stage: Stage
  declare outcome: Outcome | null
  /** Health flags (stale, results overdue, …), shown as warnings. */
  declare flags: readonly Flag[]

  constructor() {
    super()
    this.outcome = null
    this.flags = []
  }

  override render() {
    const { i18n } = this
    return html`<ul class="tags">
      <li>
        <span class="ds-tag" data-color=${stageColor(this.stage)}>
          ${i18n.label('stage', this.stage)}
        </span>
      </li>
      ${
        this.outcome
          ? html`<li>
              <span class="ds-tag" data-color=${outcomeColor(this.outcome)} data-variant="outline">
                ${i18n.label('outcome', this.outcome)}
              </span>
            </li>`
          : nothing
      }
      ${this.flags.map(
        (flag) => html`<li>
          <span class="ds-tag" data-color="warning" data-variant="outline">
            ${i18n.label('flag', flag)}
          </span>
        </li>`
      )}
    </ul>`
  }
}
customElements.define('pilot-status', PilotStatus)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-status': PilotStatus
  }
}

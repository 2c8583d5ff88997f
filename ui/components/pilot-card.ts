import { css, html, nothing } from 'lit'
import type { PilotSummary } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { CONTENT_LANG } from '../i18n/i18n.ts'
import { paths } from '../router.ts'
import { highlighted } from './highlighted.ts'
import './pilot-status.ts'

const SUMMARY_LENGTH = 240

function shortened(text: string): string {
  if (text.length <= SUMMARY_LENGTH) return text
  const cut = text.slice(0, SUMMARY_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,.;:]$/, '')} …`
}

/** One pilot in a list: its title as a link, who owns it, where it stands and what it is about. */
export class PilotCard extends AppElement {
  static override properties = { pilot: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      article {
        border-bottom: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        display: grid;
        gap: var(--ds-size-2);
        padding-block: var(--ds-size-5);
      }
      h3 {
        margin: 0;
      }
      h3 a {
        color: var(--ds-color-accent-text-subtle);
      }
      .meta {
        color: var(--ds-color-neutral-text-subtle);
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--ds-size-4);
        margin: 0;
      }
      p {
        margin: 0;
      }
    `,
  ]

  declare pilot: PilotSummary

  override render() {
    const { pilot, i18n } = this
    const title = pilot.highlights ? highlighted(pilot.highlights.title) : pilot.title
    const snippet = pilot.highlights?.summary ?? []
    const cut =
      snippet
        .map((s) => s.text)
        .join('')
        .trim().length < pilot.summary.trim().length
    const summary = snippet.length
      ? [highlighted(snippet), cut ? ' …' : '']
      : shortened(pilot.summary)
    return html`<article>
      <h3 class="ds-heading" data-size="xs">
        <a class="ds-link" href=${paths.pilot(pilot.id)} lang=${CONTENT_LANG}>${title}</a>
      </h3>
      <p class="meta ds-paragraph" data-size="sm">
        <span>${this.#owner()}</span>
        <span>${i18n.label('serviceArea', pilot.serviceArea)}</span>
        ${
          pilot.adoptions > 0
            ? html`<span>${i18n.plural('card.adoptions', pilot.adoptions)}</span>`
            : nothing
        }
      </p>
      <pilot-status .stage=${pilot.stage} .outcome=${pilot.outcome} .flags=${pilot.flags}></pilot-status>
      ${summary ? html`<p class="ds-paragraph" data-size="sm" lang=${CONTENT_LANG}>${summary}</p>` : nothing}
    </article>`
  }

  // The owner's name links to its page, wherever the language puts the name in the sentence.
  #owner() {
    const { owner } = this.pilot
    const [before = '', after = ''] = this.i18n.t('card.owner', { org: '\u0000' }).split('\u0000')
    return html`${before}<a class="ds-link" href=${paths.organisation(owner.id)}>${owner.name}</a>${after}`
  }
}
customElements.define('pilot-card', PilotCard)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-card': PilotCard
  }
}

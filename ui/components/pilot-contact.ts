import { css, html, nothing } from 'lit'
import type { Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'

/** Whom to ask, when the owner is willing to advise others who want to try the same. */
export class PilotContact extends AppElement {
  static override properties = { pilot: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      h2 {
        margin: 0 0 var(--ds-size-3);
      }
      p {
        margin: var(--ds-size-1) 0 0;
      }
      .person {
        margin-top: var(--ds-size-4);
      }
    `,
  ]

  declare pilot: Pilot

  override render() {
    const { pilot } = this
    // The owner may be willing to advise even when no person has agreed to be shown by name.
    if (!pilot.availableToAdvise) return nothing
    const t = this.i18n.t.bind(this.i18n)
    return html`<section
      class="ds-card"
      data-color="accent"
      data-variant="tinted"
      aria-labelledby="contact-heading"
    >
      <h2 class="ds-heading" data-size="xs" id="contact-heading">${t('pilot.contact.title')}</h2>
      <p class="ds-paragraph" data-size="sm">
        ${t('pilot.contact.advise', { org: pilot.owner.name })}
      </p>
      ${pilot.contacts.map(
        (c) => html`<div class="ds-paragraph person" data-size="sm">
          <p><strong>${c.name}</strong>${c.role ? `, ${c.role}` : nothing}</p>
          <p>
            ${t('pilot.contact.email')}:
            <a class="ds-link" href="mailto:${c.email}">${c.email}</a>
          </p>
          ${
            c.phone
              ? html`<p>
                  ${t('pilot.contact.phone')}:
                  <a class="ds-link" href="tel:${c.phone.replace(/\s+/g, '')}">${c.phone}</a>
                </p>`
              : nothing
          }
        </div>`
      )}
    </section>`
  }
}
customElements.define('pilot-contact', PilotContact)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-contact': PilotContact
  }
}

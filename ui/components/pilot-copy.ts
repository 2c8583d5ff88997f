import { ContextConsumer } from '@lit/context'
import { css, html, nothing } from 'lit'
import { ADOPTION_DEGREES, type AdoptionDegree } from '../../schema/enums.ts'
import { type Adoption, type Advisor, ApiError, type Pilot } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext, type Session, sessionContext } from '../context.ts'
import { NavigateEvent } from '../events.ts'
import { paths } from '../router.ts'

/** What the pilot page says after a copy: the new draft's organisation and whom to ask. */
export interface CopyNotice {
  organisationName: string
  advisor: Advisor
}

// The notice waits here, by the new pilot's id, until its page shows it.
const notices = new Map<string, CopyNotice>()

/** The notice for a pilot just made by a copy, once: the page takes it and shows it. */
export function takeCopyNotice(pilotId: string): CopyNotice | null {
  const notice = notices.get(pilotId) ?? null
  notices.delete(pilotId)
  return notice
}

/** Whether the signed-in user belongs to the organisation that owns the pilot. */
function isOwnerMember(session: Session, ownerId: string) {
  return (
    session.organisation?.id === ownerId ||
    session.user.memberships.some((m) => m.organisationId === ownerId)
  )
}

/**
 * "Copy the pilot", for members of another organisation: a dialog to choose how much will be
 * changed, then a new local draft. Signed out, a link to sign in instead.
 * @fires app-navigate - to the new draft pilot
 */
export class PilotCopy extends AppElement {
  static override properties = { pilot: { attribute: false }, adoption: { attribute: false } }
  static override styles = [
    ...AppElement.styles,
    css`
      .panel {
        border: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
        border-radius: var(--ds-border-radius-md);
        padding: var(--ds-size-5);
      }
      .panel > * + * {
        margin-top: var(--ds-size-3);
      }
      dialog {
        max-width: min(36rem, calc(100vw - 2rem));
      }
      form > * + * {
        margin-top: var(--ds-size-5);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ds-size-3);
      }
    `,
  ]

  /** The pilot on show. */
  declare pilot: Pilot
  /** The signed-in user's organisation's adoption of the pilot, if it has recorded one. */
  declare adoption: Adoption | null

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  #degree: AdoptionDegree = 'copy'
  #problem: string | null = null
  #busy = false

  override render() {
    const t = this.i18n.t.bind(this.i18n)
    const session = this.#session.value
    if (session === undefined || this.pilot.visibility !== 'published') return nothing
    if (session === null) {
      return html`<section class="panel" aria-labelledby="copy-heading">
        <h2 class="ds-heading" data-size="sm" id="copy-heading">${t('copy.title')}</h2>
        <p class="ds-paragraph">${t('copy.explain')}</p>
        <p><a class="ds-link" href=${paths.login(paths.pilot(this.pilot.id))}>${t('copy.signIn')}</a></p>
      </section>`
    }
    if (isOwnerMember(session, this.pilot.owner.id)) return nothing
    return html`<section class="panel" aria-labelledby="copy-heading">
      <h2 class="ds-heading" data-size="sm" id="copy-heading">${t('copy.title')}</h2>
      <p class="ds-paragraph">${t('copy.explain')}</p>
      <button class="ds-button" data-variant="secondary" type="button" aria-haspopup="dialog"
        data-open @click=${this.#open}>
        ${t('copy.open')}
      </button>
      ${
        session.organisation
          ? html`<p>
              <a class="ds-link" href=${paths.adopt(this.pilot.id)}>
                ${
                  this.adoption
                    ? t('adopt.update', { organisation: this.adoption.organisation.name })
                    : t('adopt.action')
                }
              </a>
            </p>`
          : nothing
      }
      ${this.#dialog(session)}
    </section>`
  }

  #dialog(session: Session) {
    const t = this.i18n.t.bind(this.i18n)
    const organisation = session.organisation?.name ?? ''
    return html`<dialog class="ds-dialog" aria-labelledby="copy-dialog-heading" @close=${this.#closed}>
      <form novalidate @submit=${this.#submit}>
        <h2 class="ds-heading" data-size="sm" id="copy-dialog-heading">${t('copy.dialogTitle')}</h2>
        <p class="ds-paragraph">
          ${organisation ? t('copy.intro', { organisation }) : t('copy.introNoOrganisation')}
        </p>
        <fieldset class="ds-fieldset">
          <legend class="ds-label">${t('copy.degree')}</legend>
          ${ADOPTION_DEGREES.map(
            (degree) => html`<div class="ds-field">
              <input class="ds-input" type="radio" name="degree" id="degree-${degree}" value=${degree}
                .checked=${this.#degree === degree} @change=${() => this.#choose(degree)} />
              <label class="ds-label" data-weight="regular" for="degree-${degree}">
                ${this.i18n.label('adoptionDegree', degree)}
              </label>
            </div>`
          )}
        </fieldset>
        <div class="ds-field">
          <label class="ds-label" for="copy-notes">${t('copy.notes')}</label>
          <textarea class="ds-input" id="copy-notes" name="notes" rows="3"></textarea>
        </div>
        ${
          this.#problem
            ? html`<div class="ds-alert" data-color="danger" tabindex="-1" data-problem>
                <h3 class="ds-heading" data-size="2xs">${t('copy.refused')}</h3>
                <p class="ds-paragraph">${this.#problem}</p>
              </div>`
            : nothing
        }
        <div class="actions">
          <button class="ds-button" type="submit" aria-disabled=${this.#busy ? 'true' : nothing}>
            ${t('copy.submit')}
          </button>
          <button class="ds-button" data-variant="tertiary" type="button" @click=${this.#cancel}>
            ${t('copy.cancel')}
          </button>
        </div>
      </form>
    </dialog>`
  }

  get #dialogElement() {
    return this.renderRoot.querySelector('dialog')
  }

  #open() {
    this.#problem = null
    this.requestUpdate()
    this.#dialogElement?.showModal()
  }

  #cancel() {
    this.#dialogElement?.close()
  }

  // Closed by the cancel button or Escape: focus goes back to the button that opened it.
  #closed() {
    this.renderRoot.querySelector<HTMLElement>('[data-open]')?.focus()
  }

  #choose(degree: AdoptionDegree) {
    this.#degree = degree
    this.#problem = null
    this.requestUpdate()
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    const api = this.#api.value
    if (this.#busy || !api) return
    const notes = String(new FormData(event.currentTarget as HTMLFormElement).get('notes') ?? '')
    this.#busy = true
    this.#problem = null
    this.requestUpdate()
    try {
      const result = await api.copyPilot(this.pilot.id, {
        degree: this.#degree,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      })
      notices.set(result.localPilot.id, {
        organisationName: result.localPilot.owner.name,
        advisor: result.advisor,
      })
      this.#dialogElement?.close()
      this.dispatchEvent(new NavigateEvent(paths.pilot(result.localPilot.id)))
    } catch (error) {
      this.#problem = this.#explain(error)
      this.requestUpdate()
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('[data-problem]')?.focus()
    } finally {
      this.#busy = false
      this.requestUpdate()
    }
  }

  /** A refusal in plain words. */
  #explain(error: unknown): string {
    const t = this.i18n.t.bind(this.i18n)
    const status = error instanceof ApiError ? error.status : 0
    const code = error instanceof ApiError ? error.problem?.code : undefined
    const organisation = this.#session.value?.organisation?.name ?? t('copy.yourOrganisation')
    if (code === 'already_adopted') return t('copy.error.alreadyAdopted', { organisation })
    if (code === 'own_pilot') return t('copy.error.ownPilot')
    if (code === 'origin_not_published') return t('copy.error.notPublished')
    if (code === 'no_organisation' || status === 403) return t('copy.error.noOrganisation')
    if (status === 401) return t('copy.error.signedOut')
    return t('copy.error.failed')
  }
}
customElements.define('pilot-copy', PilotCopy)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-copy': PilotCopy
  }
}

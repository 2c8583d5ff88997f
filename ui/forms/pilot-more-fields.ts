import { ContextConsumer } from '@lit/context'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { Problem } from '../../schema/common.ts'
import {
  LEGAL_BASES,
  type LegalBasis,
  PARTNER_ROLES,
  type PartnerRole,
} from '../../schema/enums.ts'
import type { ApiClient } from '../api/client.ts'
import { AppElement } from '../app-element.ts'
import { apiContext } from '../context.ts'
import type { I18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { type FieldErrors, fieldError, invalid } from './field-errors.ts'
import type { ContactDraft, MoreDraft, PartnerDraft } from './pilot-edit.ts'

const CONTACT_FIELDS = ['name', 'email', 'phone', 'role', 'showPublicly'] as const
const PARTNER_FIELDS = ['organisationId', 'role'] as const
const LEGAL_FIELDS = ['kind', 'reference', 'approvalDate', 'expiryDate', 'extendedUntil'] as const
const SIMPLE_FIELDS = ['budgetNok', 'fundingSource', 'tags', 'availableToAdvise'] as const

/** The label of one of these fields by its element id, for the error summary; null if not ours. */
export function moreFieldLabel(id: string, i18n: I18n): string | null {
  const t = i18n.t.bind(i18n)
  const row = /^(partners|contacts)-(\d+)-(\w+)$/.exec(id)
  if (row) {
    const [, list, index, field] = row
    const number = Number(index) + 1
    return list === 'partners'
      ? t('more.partner.fieldOf', { number, field: t(`more.partner.${field}` as MessageKey) })
      : t('more.contact.fieldOf', { number, field: t(`more.contact.${field}` as MessageKey) })
  }
  const legal = /^legalBasis-(\w+)$/.exec(id)
  if (legal && (LEGAL_FIELDS as readonly string[]).includes(legal[1] ?? ''))
    return t(`more.legal.${legal[1]}` as MessageKey)
  if ((SIMPLE_FIELDS as readonly string[]).includes(id)) return t(`more.field.${id}` as MessageKey)
  return null
}

/** A tag's problem names the tag; the field is the one text field that holds them all. */
export function moreErrors(errors: FieldErrors, i18n: I18n, tags: readonly string[]): FieldErrors {
  const result: FieldErrors = new Map()
  for (const [id, message] of errors) {
    const tag = /^tags-(\d+)$/.exec(id)
    if (!tag) result.set(id, message)
    else if (!result.has('tags'))
      result.set('tags', i18n.t('more.error.tag', { tag: tags[Number(tag[1])] ?? '' }))
  }
  return result
}

/** The server's own objections to partners (the owner itself, one listed twice), on their fields. */
export function partnerErrors(problem: Problem | null, errors: FieldErrors, i18n: I18n) {
  for (const e of problem?.errors ?? []) {
    if (!/^partners\.\d+\.organisationId$/.test(e.field)) continue
    const id = e.field.replaceAll('.', '-')
    if (e.code === 'is_owner') errors.set(id, i18n.t('more.error.partnerIsOwner'))
    else if (e.code === 'duplicate') errors.set(id, i18n.t('more.error.partnerDuplicate'))
    else if (e.code === 'not_found') errors.set(id, i18n.t('more.error.partnerNotFound'))
  }
  return errors
}

// All organisations, for choosing partners: the API gives them a hundred at a time.
async function allOrganisations(api: ApiClient, signal: AbortSignal) {
  const all: { id: string; name: string }[] = []
  let cursor: string | null | undefined
  for (let i = 0; i < 20; i++) {
    const page = await api.organisations({ cursor, limit: 100 }, signal)
    all.push(...page.items.map((o) => ({ id: o.id, name: o.name })))
    cursor = page.nextCursor
    if (!cursor) break
  }
  return all.sort((a, b) => a.name.localeCompare(b.name, 'nb'))
}

/**
 * The pilot form's legal basis, money, partners, contacts and tags. Renders into the form's own
 * tree (no shadow root), so the form's styles, its input handling and its error summary's links
 * reach these fields too. Edits `draft` in place; the form hears of changes through its own
 * input and change listeners.
 */
export class PilotMoreFields extends AppElement {
  static override properties = {
    draft: { attribute: false },
    errors: { attribute: false },
    partnerNames: { attribute: false },
    ownerId: { attribute: false },
    contactsHidden: { attribute: false },
  }

  declare draft: MoreDraft
  declare errors: FieldErrors
  /** Names of organisations the pilot already has as partners, until the list has loaded. */
  declare partnerNames: ReadonlyMap<string, string>
  /** The owner organisation, which cannot be its own partner. */
  declare ownerId: string | undefined
  /**
   * The owner's name when the editor is not one of its members (an administrator): contacts who
   * have not agreed to be shown are hidden from them, so they cannot change the list without
   * losing those.
   */
  declare contactsHidden: string | undefined
  /** Gives each new row its key. */
  nextKey: () => number = (() => {
    let key = 1
    return () => key++
  })()

  readonly #api = new ContextConsumer(this, { context: apiContext })
  readonly #organisations = new Task(this, {
    task: async ([api], { signal }) => (api ? allOrganisations(api, signal) : []),
    args: () => [this.#api.value] as const,
  })

  constructor() {
    super()
    this.errors = new Map()
    this.partnerNames = new Map()
    this.addEventListener('input', this.#onInput)
    this.addEventListener('change', this.#onInput)
  }

  protected override createRenderRoot() {
    return this
  }

  override render() {
    if (!this.draft) return nothing
    const t = this.i18n.t.bind(this.i18n)
    const d = this.draft
    return html`<fieldset class="group">
        <legend class="ds-heading" data-size="sm">${t('more.legal.legend')}</legend>
        <p class="ds-paragraph" id="legalBasis-hint">${t('more.legal.intro')}</p>
        ${this.#select(
          'legalBasis-kind',
          t('more.legal.kind'),
          LEGAL_BASES.map((k) => [k, this.i18n.label('legalBasis', k)] as const),
          d.legalKind,
          'legalBasis-hint'
        )}
        ${d.legalKind === 'ordinary' ? nothing : this.#legalDetails(d)}
        ${this.#input('budgetNok', t('more.field.budgetNok'), d.budgetNok, {
          inputmode: 'numeric',
          hint: t('more.budget.hint'),
        })}
        ${this.#input('fundingSource', t('more.field.fundingSource'), d.fundingSource)}
      </fieldset>
      <fieldset class="group">
        <legend class="ds-heading" data-size="sm">${t('more.partners.legend')}</legend>
        <p class="ds-paragraph">${t('more.partners.intro')}</p>
        ${repeat(
          d.partners,
          (p) => p.key,
          (p, i) => this.#partner(p, i)
        )}
        <button class="ds-button" data-variant="secondary" type="button" id="partners-add"
          @click=${this.#addPartner}>
          ${t('more.partner.add')}
        </button>
      </fieldset>
      <fieldset class="group">
        <legend class="ds-heading" data-size="sm">${t('more.contacts.legend')}</legend>
        <p class="ds-paragraph">${t('more.contacts.intro')}</p>
        ${this.#checkbox('availableToAdvise', t('more.field.availableToAdvise'), d.availableToAdvise)}
        ${
          this.contactsHidden === undefined
            ? html`${repeat(
                d.contacts,
                (c) => c.key,
                (c, i) => this.#contact(c, i)
              )}
              <button class="ds-button" data-variant="secondary" type="button" id="contacts-add"
                @click=${this.#addContact}>
                ${t('more.contact.add')}
              </button>`
            : html`<p class="ds-paragraph" data-size="sm">
                ${t('more.contacts.ownerOnly', { organisation: this.contactsHidden })}
              </p>`
        }
      </fieldset>
      <fieldset class="group">
        <legend class="ds-heading" data-size="sm">${t('more.tags.legend')}</legend>
        ${this.#input('tags', t('more.field.tags'), d.tags, { hint: t('more.tags.hint') })}
      </fieldset>`
  }

  #legalDetails(d: MoreDraft) {
    const t = this.i18n.t.bind(this.i18n)
    return html`${this.#input('legalBasis-reference', t('more.legal.reference'), d.legalReference, {
      hint: t(
        d.legalKind === 'forsoksloven'
          ? 'more.legal.reference.hint'
          : 'more.legal.reference.hintOther'
      ),
      required: d.legalKind === 'forsoksloven',
    })}
      ${
        d.legalKind === 'forsoksloven'
          ? html`<p class="ds-paragraph" data-size="sm" id="legalBasis-period-hint">
              ${t('more.legal.expiryDate.hint')}
            </p>`
          : nothing
      }
      <div class="pair">
        ${this.#input('legalBasis-approvalDate', t('more.legal.approvalDate'), d.approvalDate, {
          type: 'date',
          required: d.legalKind === 'forsoksloven',
        })}
        ${this.#input('legalBasis-expiryDate', t('more.legal.expiryDate'), d.expiryDate, {
          type: 'date',
          required: d.legalKind === 'forsoksloven',
          hintId: d.legalKind === 'forsoksloven' ? 'legalBasis-period-hint' : undefined,
        })}
      </div>
      ${this.#input('legalBasis-extendedUntil', t('more.legal.extendedUntil'), d.extendedUntil, {
        type: 'date',
        hint: t('more.legal.extendedUntil.hint'),
      })}`
  }

  #partner(p: PartnerDraft, index: number) {
    const t = this.i18n.t.bind(this.i18n)
    const id = (f: (typeof PARTNER_FIELDS)[number]) => `partners-${index}-${f}`
    const organisations = (this.#organisations.value ?? []).filter((o) => o.id !== this.ownerId)
    const known = organisations.some((o) => o.id === p.organisationId)
    const options: (readonly [string, string])[] = [
      ...(p.organisationId && !known
        ? [
            [
              p.organisationId,
              this.partnerNames.get(p.organisationId) ?? t('more.partner.loading'),
            ] as const,
          ]
        : []),
      ...organisations.map((o) => [o.id, o.name] as const),
    ]
    return html`<fieldset class="ds-fieldset metric">
      <legend class="ds-label">${t('more.partner.legend', { number: index + 1 })}</legend>
      <div class="pair">
        ${this.#select(id('organisationId'), t('more.partner.organisationId'), options, p.organisationId)}
        ${this.#select(
          id('role'),
          t('more.partner.role'),
          PARTNER_ROLES.map((r) => [r, this.i18n.label('partnerRole', r)] as const),
          p.role
        )}
      </div>
      <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
        @click=${() => this.#remove('partners', p.key)}>
        ${t('more.partner.remove', { number: index + 1 })}
      </button>
    </fieldset>`
  }

  #contact(c: ContactDraft, index: number) {
    const t = this.i18n.t.bind(this.i18n)
    const id = (f: (typeof CONTACT_FIELDS)[number]) => `contacts-${index}-${f}`
    return html`<fieldset class="ds-fieldset metric">
      <legend class="ds-label">${t('more.contact.legend', { number: index + 1 })}</legend>
      <div class="pair">
        ${this.#input(id('name'), t('more.contact.name'), c.name, { autocomplete: 'off' })}
        ${this.#input(id('role'), t('more.contact.role'), c.role, { autocomplete: 'off' })}
      </div>
      <div class="pair">
        ${this.#input(id('email'), t('more.contact.email'), c.email, { type: 'email', autocomplete: 'off' })}
        ${this.#input(id('phone'), t('more.contact.phone'), c.phone, { type: 'tel', autocomplete: 'off' })}
      </div>
      ${this.#checkbox(id('showPublicly'), t('more.contact.showPublicly'), c.showPublicly)}
      <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
        @click=${() => this.#remove('contacts', c.key)}>
        ${t('more.contact.remove', { number: index + 1 })}
      </button>
    </fieldset>`
  }

  #input(
    id: string,
    label: string,
    value: string,
    options: {
      type?: string
      hint?: string | undefined
      /** A hint shown elsewhere that describes this field too. */
      hintId?: string | undefined
      required?: boolean
      inputmode?: string
      autocomplete?: string
    } = {}
  ) {
    const hint = options.hint ? `${id}-hint` : options.hintId
    const a = invalid(this.errors, id, hint)
    return html`<div class="ds-field">
      <label class="ds-label" for=${id}>${label}</label>
      ${
        options.hint
          ? html`<p class="ds-paragraph" data-size="sm" data-field="description" id=${`${id}-hint`}>${options.hint}</p>`
          : nothing
      }
      <input class="ds-input" id=${id} name=${id} type=${options.type ?? 'text'}
        inputmode=${options.inputmode ?? nothing} autocomplete=${options.autocomplete ?? nothing}
        ?required=${options.required ?? false} aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy} .value=${value} />
      ${fieldError(this.errors, id)}
    </div>`
  }

  #select(
    id: string,
    label: string,
    options: readonly (readonly [string, string])[],
    current: string,
    hint?: string
  ) {
    const a = invalid(this.errors, id, hint)
    const choose = id !== 'legalBasis-kind'
    return html`<div class="ds-field">
      <label class="ds-label" for=${id}>${label}</label>
      <select class="ds-input" id=${id} name=${id} aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy}>
        ${choose ? html`<option value="" ?selected=${current === ''}>${this.i18n.t('form.choose')}</option>` : nothing}
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${current === v}>${text}</option>`)}
      </select>
      ${fieldError(this.errors, id)}
    </div>`
  }

  #checkbox(id: string, label: string, checked: boolean) {
    return html`<div class="ds-field">
      <input class="ds-input" type="checkbox" id=${id} name=${id} .checked=${checked} />
      <label class="ds-label" data-weight="regular" for=${id}>${label}</label>
    </div>`
  }

  readonly #onInput = (event: Event) => {
    const target = event.target
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return
    const d = this.draft
    const { name, value } = target
    const checked = target instanceof HTMLInputElement && target.checked
    const row = /^(partners|contacts)-(\d+)-(\w+)$/.exec(name)
    if (row) {
      const [, list, index, field] = row
      if (list === 'partners') {
        const p = d.partners[Number(index)]
        if (p && field === 'organisationId') p.organisationId = value
        else if (p && field === 'role') p.role = value as PartnerRole | ''
      } else {
        const c = d.contacts[Number(index)]
        if (c && field === 'showPublicly') c.showPublicly = checked
        else if (
          c &&
          (field === 'name' || field === 'email' || field === 'phone' || field === 'role')
        )
          c[field] = value
      }
    } else if (name === 'legalBasis-kind') d.legalKind = value as LegalBasis
    else if (name === 'legalBasis-reference') d.legalReference = value
    else if (name === 'legalBasis-approvalDate') d.approvalDate = value
    else if (name === 'legalBasis-expiryDate') d.expiryDate = value
    else if (name === 'legalBasis-extendedUntil') d.extendedUntil = value
    else if (name === 'availableToAdvise') d.availableToAdvise = checked
    else if (name === 'budgetNok' || name === 'fundingSource' || name === 'tags') d[name] = value
    this.requestUpdate()
  }

  // A new row takes focus in its first field; after a removal, focus goes to the list's add button.
  async #focus(id: string) {
    this.requestUpdate()
    this.dispatchEvent(new Event('more-change', { bubbles: true }))
    await this.updateComplete
    this.querySelector<HTMLElement>(`#${id}`)?.focus()
  }

  readonly #addPartner = () => {
    this.draft.partners.push({ key: this.nextKey(), organisationId: '', role: '' })
    void this.#focus(`partners-${this.draft.partners.length - 1}-organisationId`)
  }

  readonly #addContact = () => {
    this.draft.contacts.push({
      key: this.nextKey(),
      name: '',
      email: '',
      phone: '',
      role: '',
      showPublicly: false,
    })
    void this.#focus(`contacts-${this.draft.contacts.length - 1}-name`)
  }

  #remove(list: 'partners' | 'contacts', key: number) {
    const rows: { key: number }[] = this.draft[list]
    const at = rows.findIndex((r) => r.key === key)
    if (at >= 0) rows.splice(at, 1)
    void this.#focus(`${list}-add`)
  }
}
customElements.define('pilot-more-fields', PilotMoreFields)

declare global {
  interface HTMLElementTagNameMap {
    'pilot-more-fields': PilotMoreFields
  }
}

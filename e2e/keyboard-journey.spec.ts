import { expect, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD } from './accounts.ts'
import { expectFitsWidth, expectNoAxeViolations, settled } from './checks.ts'

const TITLE = 'Tastaturvennlig timebestilling hos fastlegekontoret'
const NIGHT_SUPERVISION = 'Digitalt tilsyn om natten i hjemmetjenesten'

/** The element that has focus, through every shadow root, as a user (or screen reader) meets it. */
interface Focused {
  key: string
  role: string
  name: string
  visible: boolean
  inDialog: boolean
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    if (!el || el === document.body) return null
    const tag = el.tagName.toLowerCase()
    const type = el.getAttribute('type') ?? ''
    const implicit: Record<string, string> = {
      a: 'link',
      button: 'button',
      select: 'combobox',
      textarea: 'textbox',
      main: 'main',
      dialog: 'dialog',
    }
    const inputRoles: Record<string, string> = {
      checkbox: 'checkbox',
      radio: 'radio',
      date: 'date',
      search: 'searchbox',
    }
    const role =
      el.getAttribute('role') ??
      (tag === 'input' ? (inputRoles[type] ?? 'textbox') : (implicit[tag] ?? tag))
    const label = (el as HTMLInputElement).labels?.[0]?.textContent
    const name = (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
    // Designsystemet rings a check box or radio button together with its label (the field).
    const ringed = (e: Element | null) => {
      if (!e) return false
      const style = getComputedStyle(e)
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
      return outline || (style.boxShadow !== 'none' && style.boxShadow !== '')
    }
    // A chart's mark (SVG) shows focus by stroking its ring, band or shape in the focus colour.
    const drawn = (e: Element | null) => {
      if (!e) return false
      const style = getComputedStyle(e)
      const clear = ['none', 'transparent', 'rgba(0, 0, 0, 0)'].includes(style.stroke)
      return !clear && Number.parseFloat(style.strokeWidth) >= 2
    }
    const ring =
      ringed(el) ||
      (['checkbox', 'radio'].includes(type) && ringed(el.closest('.ds-field'))) ||
      (el instanceof SVGElement &&
        drawn(el.querySelector(':scope > .focus-ring, :scope > .band, :scope > path')))
    // A skip link is hidden until it has focus: appearing is how it shows focus.
    const rect = el.getBoundingClientRect()
    const appears = el.classList.contains('ds-skiplink') && rect.width > 1 && rect.height > 1
    return {
      key: `${tag}#${el.id}|${role}|${name}`,
      role,
      name,
      visible: ring || appears,
      inDialog: el.closest('dialog') !== null,
    }
  })
}

const matches = (name: string, wanted: string | RegExp) =>
  typeof wanted === 'string' ? name === wanted : wanted.test(name)

/**
 * Presses Tab (or Shift+Tab) until `role` named `name` has focus. Every stop on the way must show
 * where focus is, and focus must move on: a stop that keeps it (beyond a date field's three
 * parts) is a trap.
 */
async function tabTo(
  page: Page,
  role: string,
  name: string | RegExp,
  options: { back?: boolean; max?: number } = {}
): Promise<Focused> {
  const path: string[] = []
  let previous = ''
  let repeats = 0
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    const f = await focused(page)
    if (!f) continue
    path.push(`${f.role} "${f.name}"`)
    expect(f.visible, `focus is visible on ${f.role} "${f.name}"`).toBe(true)
    repeats = f.key === previous ? repeats + 1 : 0
    expect(repeats, `focus stays on ${f.role} "${f.name}"`).toBeLessThan(3)
    previous = f.key
    if (f.role === role && matches(f.name, name)) return f
  }
  throw new Error(`${role} "${name}" was not reached by keyboard: ${path.join(' → ')}`)
}

async function expectFocus(page: Page, role: string, name: string | RegExp) {
  await expect.poll(async () => (await focused(page))?.role).toBe(role)
  const f = await focused(page)
  expect(f && matches(f.name, name), `focus on ${role} "${name}", not "${f?.name}"`).toBe(true)
  return f
}

/** Types into the focused field, after checking it is the one a user expects. */
async function typeInto(page: Page, role: string, name: string | RegExp, text: string) {
  await tabTo(page, role, name)
  await page.keyboard.type(text)
}

async function fitsAt320(page: Page, name: string) {
  const wide = page.viewportSize()
  await expectFitsWidth(page, name, 320)
  if (wide) await page.setViewportSize(wide)
}

// A case officer who uses only the keyboard signs in, registers a pilot with a success criterion,
// takes it to running, finds another pilot through the search suggestions and opens and closes
// its copy dialog. Every stop shows its focus, and focus always moves on.
test('a case officer does the whole job with the keyboard alone', async ({ page }) => {
  await test.step('the skip link comes first and leads to the content', async () => {
    await page.goto('/')
    await settled(page)
    await page.keyboard.press('Tab')
    await expectFocus(page, 'link', 'Hopp til hovedinnhold')
    const skip = await focused(page)
    expect(skip?.visible).toBe(true)
    await page.keyboard.press('Enter')
    await expectFocus(page, 'main', /.*/)
    await fitsAt320(page, 'overview')
  })

  await test.step('signing in', async () => {
    await tabTo(page, 'link', 'Logg inn', { back: true })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible()
    await settled(page)
    await fitsAt320(page, 'login')
    await typeInto(page, 'textbox', 'E-postadresse', 'etat@demo.example')
    await typeInto(page, 'textbox', 'Passord', DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('banner').getByText('Eirik Etat')).toBeVisible()
  })

  await test.step('registering a pilot with a success criterion', async () => {
    await settled(page)
    await tabTo(page, 'link', 'Registrer forsøk', { back: true })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer et forsøk' })).toBeVisible()
    await settled(page)
    await fitsAt320(page, 'register')

    await typeInto(page, 'textbox', 'Tittel', TITLE)
    await typeInto(page, 'textbox', 'Kort beskrivelse', 'Innbyggerne bestiller time uten mus.')
    await typeInto(page, 'textbox', 'Problemet forsøket skal løse', 'Bestillingen krever mus.')
    await typeInto(
      page,
      'textbox',
      'Hypotese',
      'Hvis vi gjør bestillingen tastaturvennlig, så vil flere bestille selv, målt ved andel.'
    )
    // A closed list box takes the first letters of an option, as it does for anyone.
    await typeInto(page, 'combobox', 'Type innovasjon', 'Tjeneste')
    await typeInto(page, 'combobox', 'Tjenesteområde', 'Helse')
    await tabTo(page, 'date', 'Planlagt start')
    await page.keyboard.type('09012026')
    await tabTo(page, 'date', 'Planlagt slutt')
    await page.keyboard.type('06302027')
    await typeInto(page, 'combobox', 'Evalueringsmetode', 'Før')
    const form = page.locator('pilot-form-page')
    await expect(form.getByLabel('Type innovasjon')).toHaveValue('service')
    await expect(form.getByLabel('Tjenesteområde')).toHaveValue('health_care')
    await expect(form.getByLabel('Planlagt start')).toHaveValue('2026-09-01')
    await expect(form.getByLabel('Planlagt slutt')).toHaveValue('2027-06-30')
    await expect(form.getByLabel('Evalueringsmetode')).toHaveValue('before_after')

    await typeInto(page, 'textbox', 'Hva som måles', 'Andel som bestiller selv')
    await typeInto(page, 'textbox', 'Enhet', 'prosent')
    await typeInto(page, 'textbox', 'Utgangsverdi', '40')
    await typeInto(page, 'textbox', 'Mål', '70')
    const primary = await tabTo(page, 'checkbox', /^Hovedmål/)
    expect(primary.name).toMatch(/forhåndsregistreres/)
    await expect(form.getByRole('checkbox', { name: /^Hovedmål/ })).toBeChecked()
    // A contact row is added and removed by keyboard; focus goes into the row, then back.
    await tabTo(page, 'button', 'Legg til kontaktperson')
    await page.keyboard.press('Enter')
    await expectFocus(page, 'textbox', 'Navn')
    await tabTo(page, 'button', 'Fjern kontaktperson 1')
    await page.keyboard.press('Enter')
    await expectFocus(page, 'button', 'Legg til kontaktperson')
    await expect(form.getByRole('group', { name: 'Kontaktperson 1' })).toHaveCount(0)
    await tabTo(page, 'button', 'Registrer forsøket')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  })

  const panel = page.getByRole('region', { name: 'Flytt til neste fase' })

  await test.step('taking it to planned and on to running', async () => {
    await settled(page)
    await fitsAt320(page, 'pilot')
    await tabTo(page, 'radio', 'Planlagt')
    await page.keyboard.press('Space')
    await expect(panel.getByRole('radio', { name: 'Planlagt' })).toBeChecked()
    await tabTo(page, 'button', 'Flytt forsøket')
    await page.keyboard.press('Enter')
    await expect(panel.getByText('Forsøket er flyttet til «Planlagt».')).toBeVisible()

    // Back into the choices: arrow keys move between them and choose.
    const radio = await tabTo(page, 'radio', /^(Pågår|Avbrutt)$/, { back: true })
    if (radio.name === 'Avbrutt') await page.keyboard.press('ArrowUp')
    await expectFocus(page, 'radio', 'Pågår')
    await expect(panel.getByRole('radio', { name: 'Pågår' })).toBeChecked()
    await tabTo(page, 'date', 'Faktisk startdato')
    await page.keyboard.type('09032026')
    await expect(panel.getByLabel('Faktisk startdato')).toHaveValue('2026-09-03')
    await tabTo(page, 'button', 'Flytt forsøket')
    await page.keyboard.press('Enter')
    await expect(panel.getByText('Forsøket er flyttet til «Pågår».')).toBeVisible()
    await expect(
      page.getByRole('region', { name: 'Historikk' }).getByText('Fra «Planlagt» til «Pågår»')
    ).toBeVisible()
  })

  await test.step('the search suggestions lead to another pilot', async () => {
    await tabTo(page, 'link', 'Finn forsøk', { back: true, max: 120 })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await settled(page)
    await fitsAt320(page, 'discover')

    const box = page.getByRole('combobox', { name: 'Søk etter forsøk' })
    const list = page.getByRole('listbox', { name: 'Forslag' })
    await tabTo(page, 'combobox', 'Søk etter forsøk')
    await page.keyboard.type('tilsyn natt')
    await expect(list).toBeVisible()
    await expect(box).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByRole('status').getByText(/\d+ forslag/)).toBeAttached()

    // Escape closes the list and leaves the words; arrow down opens it again.
    await page.keyboard.press('Escape')
    await expect(list).toBeHidden()
    await expect(box).toHaveAttribute('aria-expanded', 'false')
    await expect(box).toHaveValue('tilsyn natt')
    await page.keyboard.press('ArrowDown')
    await expect(list).toBeVisible()
    const first = list.getByRole('option').first()
    await expect(first).toHaveAttribute('aria-selected', 'true')
    await expect(box).toHaveAttribute('aria-activedescendant', 'q-option-0')
    await expectFocus(page, 'combobox', 'Søk etter forsøk')
    await expectNoAxeViolations(page, 'search suggestions')
    await page.screenshot({ path: 'test-results/screenshots/search-suggestions.png' })
    await page.setViewportSize({ width: 320, height: 800 })
    await expect(list).toBeVisible()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    )
    expect(overflow, 'suggestions scroll sideways at 320 px').toBeLessThanOrEqual(0)
    await expectNoAxeViolations(page, 'search suggestions (320 px)')
    await page.screenshot({ path: 'test-results/screenshots/search-suggestions-320.png' })
    await page.setViewportSize({ width: 1280, height: 900 })

    const option = list.getByRole('option', { name: new RegExp(NIGHT_SUPERVISION) })
    await expect(option).toBeVisible()
    for (let i = 0; i < 6 && (await option.getAttribute('aria-selected')) !== 'true'; i++) {
      await page.keyboard.press('ArrowDown')
    }
    await expect(option).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: NIGHT_SUPERVISION })).toBeVisible()
    await expect(page).toHaveURL(/\/forsok\/[0-9a-f-]{36}$/)
  })

  await test.step('a dialog opens and closes, and focus goes back to its button', async () => {
    await settled(page)
    await fitsAt320(page, 'pilot (other organisation)')
    await tabTo(page, 'button', 'Kopier forsøket')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Kopier forsøket' })
    await expect(dialog).toBeVisible()
    await expect.poll(async () => (await focused(page))?.inDialog).toBe(true)
    // Tab moves within the dialog while it is open.
    const inside = await tabTo(page, 'button', 'Avbryt')
    expect(inside.inDialog).toBe(true)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expectFocus(page, 'button', 'Kopier forsøket')
    const back = await focused(page)
    expect(back?.visible, 'focus is visible on the button again').toBe(true)
  })
})

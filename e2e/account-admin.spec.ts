import { expect, type Locator, type Page, test } from '@playwright/test'
import { signIn, signOut } from './accounts.ts'
import {
  checkPage,
  expectNoAxeViolations as expectAxeClean,
  expectFitsWidth,
  settled,
} from './checks.ts'

// A valid organisation number (mod-11) that the sample data does not use, and one that is not.
const NEW_ORG_NUMBER = '998877660'
const BAD_ORG_NUMBER = '998877661'
const NEW_ORG = 'Direktoratet for forsøksdrift'
const CHATBOT = '5a000000-0000-4000-8000-000000000004'
const NIGHT_SUPERVISION = '5a000000-0000-4000-8000-000000000001'

async function expectNoAxeViolations(page: Page, where: string) {
  await settled(page)
  await expectAxeClean(page, where)
}

/** A phone-sized look: no sideways scrolling at 375 px, and a screenshot. */
async function checkPhone(page: Page, name: string) {
  const wide = page.viewportSize()
  await expectFitsWidth(page, name, 375)
  await page.screenshot({ path: `test-results/screenshots/${name}-375.png`, fullPage: true })
  if (wide) await page.setViewportSize(wide)
}

/** Focus is on the element (an error summary, a message) whose text includes `text`. */
async function expectFocusWithin(page: Page, text: string) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        let active = document.activeElement
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
        return active?.textContent ?? ''
      })
    )
    .toContain(text)
}

/** A confirmation dialog: focus stays inside while Tab moves, and Escape gives it back to `opener`. */
async function expectFocusTrappedAndReturned(page: Page, dialog: Locator, opener: Locator) {
  await expect(dialog).toBeVisible()
  const buttons = dialog.getByRole('button')
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab')
    const inside = await buttons.evaluateAll((all) =>
      all.some((b) => b === (b.getRootNode() as ShadowRoot).activeElement)
    )
    expect(inside, `focus left the dialog after ${i + 1} Tab presses`).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
}

test('administrators manage organisations, users and members; a user’s API token works until revoked', async ({
  page,
}) => {
  await test.step('signed out, /admin says there is no access and the API refuses', async () => {
    await page.goto('/admin')
    await expect(
      page.getByRole('heading', { name: 'Du har ikke tilgang til denne siden' })
    ).toBeVisible()
    await checkPage(page, 'admin-no-access')
    expect((await page.request.get('/api/v1/users')).status()).toBe(401)
    await page.goto('/konto')
    await expect(page.getByText('Du må logge inn for å se kontoen din.')).toBeVisible()
  })

  await test.step('a system administrator registers an organisation, validated in the browser', async () => {
    await signIn(page, 'admin@demo.example')
    await page.getByRole('link', { name: 'Administrasjon' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Administrasjon' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Virksomheter', exact: true })).toHaveAttribute(
      'aria-current',
      'page'
    )
    await expect(page.getByRole('link', { name: 'Bergen kommune' })).toBeVisible()
    await checkPage(page, 'admin-organisations')

    const orgNumber = page.getByLabel('Organisasjonsnummer')
    await orgNumber.fill(BAD_ORG_NUMBER)
    await page.getByLabel('Navn på virksomheten').fill(NEW_ORG)
    await page.getByLabel('Type virksomhet').selectOption({ label: 'Statlig virksomhet' })
    await page.getByRole('button', { name: 'Registrer virksomheten' }).click()
    await expectFocusWithin(page, 'Virksomheten ble ikke registrert')
    await expect(orgNumber).toHaveAttribute('aria-invalid', 'true')
    await expect(orgNumber).toHaveAccessibleDescription(/Organisasjonsnummeret finnes ikke/)
    await expectNoAxeViolations(page, 'organisation form with errors')
    await page.screenshot({
      path: 'test-results/screenshots/admin-organisation-errors.png',
      fullPage: true,
    })

    // Fixed in place: the summary's link leads to the field.
    await page
      .getByRole('link', { name: /Organisasjonsnummer: Organisasjonsnummeret finnes ikke/ })
      .click()
    await expect(orgNumber).toBeFocused()
    await orgNumber.fill(NEW_ORG_NUMBER)
    await page.getByRole('button', { name: 'Registrer virksomheten' }).click()
    await expect(page.getByText(`${NEW_ORG} er registrert.`)).toBeVisible()
    await page.getByRole('link', { name: 'Gå til virksomheten' }).click()
    await expect(page.getByRole('heading', { level: 1, name: NEW_ORG })).toBeVisible()
    await expect(page.getByText(NEW_ORG_NUMBER)).toBeVisible()
    await expect(page.getByText('Virksomheten har ingen forsøk i registeret ennå.')).toBeVisible()
    // A system administrator manages every organisation's members.
    await expect(page.getByRole('heading', { name: 'Medlemmer' })).toBeVisible()
  })

  await test.step('the administrator invites a user, makes them an evaluator and deactivates them', async () => {
    await page.goto('/admin/brukere')
    await expect(page.getByRole('heading', { level: 2, name: 'Brukere' })).toBeVisible()
    await page.getByLabel('Virksomhet', { exact: true }).selectOption({ label: NEW_ORG })
    const invite = page.getByRole('form', { name: 'Inviter en bruker' })
    await invite.getByLabel('E-postadresse').fill('nora.ny@forsok.example')
    await invite.getByLabel('Navn').fill('Nora Ny')
    await invite.getByLabel('Rolle').selectOption({ label: 'Administrator for virksomheten' })
    await invite.getByRole('button', { name: 'Inviter' }).click()
    await expectFocusWithin(page, `Nora Ny er invitert til ${NEW_ORG}.`)

    await page.getByLabel('Søk etter navn eller e-postadresse').fill('nora')
    await page.getByRole('button', { name: 'Søk', exact: true }).click()
    const users = page.getByRole('list', { name: 'Brukere' })
    await expect(users.getByText('nora.ny@forsok.example', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: 'Gjør Nora Ny til evaluator' }).click()
    await expect(page.getByRole('status').getByText('Nora Ny er nå evaluator.')).toBeVisible()
    await expect(users.getByText('Evaluator', { exact: true })).toBeVisible()

    const deactivate = page.getByRole('button', { name: 'Deaktiver Nora Ny' })
    await deactivate.click()
    const dialog = page.getByRole('dialog', { name: 'Deaktivere kontoen?' })
    await expect(dialog).toBeVisible()
    await expectNoAxeViolations(page, 'deactivate dialog')
    await page.screenshot({ path: 'test-results/screenshots/admin-deactivate-dialog.png' })
    await expectFocusTrappedAndReturned(page, dialog, deactivate)
    await deactivate.click()
    await dialog.getByRole('button', { name: 'Deaktiver kontoen' }).click()
    await expect(users.getByText('Deaktivert', { exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Aktiver Nora Ny igjen' })).toBeVisible()
    await checkPage(page, 'admin-users')
  })

  await test.step('the administrator finds a pilot, sees its evaluators and is asked for a reason to unpublish', async () => {
    await page.getByRole('link', { name: 'Evaluatorer og avpublisering' }).click()
    const ref = page.getByLabel('Forsøkets adresse eller ID')
    await ref.fill('ikke en lenke')
    await page.getByRole('button', { name: 'Finn forsøket' }).click()
    await expect(ref).toHaveAccessibleDescription(/Vi fant ingen forsøks-ID/)
    await ref.fill(`http://localhost/forsok/${CHATBOT}`)
    await page.getByRole('button', { name: 'Finn forsøket' }).click()
    await expect(
      page.getByRole('link', { name: 'Chatbot for innbyggerspørsmål på kommunens nettsider' })
    ).toBeVisible()
    // Evaluators are the owner's to assign: the API refuses system administrators, and so does the page.
    await expect(
      page.getByText('Evaluatorer tildeles av Stavanger kommune, som eier forsøket.')
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Tildel evaluator' })).toHaveCount(0)
    // The reason for unpublishing is required: refused in the browser, nothing is sent.
    await page.getByRole('button', { name: 'Avpubliser', exact: true }).click()
    await expectFocusWithin(page, 'Det ble ikke lagret')
    await expect(page.getByLabel('Begrunnelse')).toHaveAttribute('aria-invalid', 'true')
    await checkPage(page, 'admin-pilot-errors')
    // With a reason, it asks first; the shared sample pilot stays published (Escape).
    await page.getByLabel('Begrunnelse').fill('Feilregistrert, skal registreres på nytt.')
    const unpublish = page.getByRole('button', { name: 'Avpubliser', exact: true })
    await unpublish.click()
    const dialog = page.getByRole('dialog', { name: 'Avpublisere forsøket?' })
    await expect(
      dialog.getByText('blir borte fra det offentlige registeret', { exact: false })
    ).toBeVisible()
    await expectFocusTrappedAndReturned(page, dialog, unpublish)
    await expect(page.getByText('Stavanger kommune · Avbrutt · publisert')).toBeVisible()
  })

  await test.step('the import page explains the format and asks for a file', async () => {
    await page.getByRole('link', { name: 'Import av forsøk' }).click()
    await page.getByRole('button', { name: 'Importer', exact: true }).click()
    await expect(page.getByLabel('CSV-fil')).toHaveAccessibleDescription(/Velg en CSV-fil/)
    await checkPage(page, 'admin-import')
    await checkPhone(page, 'admin-import')
    await signOut(page)
  })

  await test.step('an organisation administrator manages the members of Bergen kommune', async () => {
    await signIn(page, 'kommune@demo.example')
    await page.getByRole('link', { name: 'Min konto' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible()
    await expect(page.getByText('Administrator for virksomheten')).toBeVisible()
    await page.getByRole('link', { name: 'Bergen kommune' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Bergen kommune' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Forsøkene til virksomheten' })).toBeVisible()

    const add = page.getByRole('form', { name: 'Legg til et medlem' })
    await add.getByLabel('E-postadresse').fill('ikke-en-adresse')
    await add.getByRole('button', { name: 'Legg til' }).click()
    await expectFocusWithin(page, 'Medlemmet ble ikke lagt til')
    await expectNoAxeViolations(page, 'member form with errors')

    await add.getByLabel('E-postadresse').fill('per.prove@bergen.example')
    await add.getByLabel('Navn').fill('Per Prøve')
    await add.getByRole('button', { name: 'Legg til' }).click()
    await expect(page.getByText('Per Prøve er lagt til.')).toBeFocused()
    await page
      .getByLabel('Rollen til Per Prøve')
      .selectOption({ label: 'Administrator for virksomheten' })
    await expect(page.getByText('Per Prøve er nå administrator for virksomheten.')).toBeVisible()
    await checkPage(page, 'organisation')

    const remove = page.getByRole('button', { name: 'Fjern Per Prøve' })
    await remove.click()
    const dialog = page.getByRole('dialog', { name: 'Fjerne medlemmet?' })
    await expectFocusTrappedAndReturned(page, dialog, remove)
    await remove.click()
    await dialog.getByRole('button', { name: 'Fjern medlemmet' }).click()
    await expect(page.getByText('Per Prøve er fjernet fra virksomheten.')).toBeFocused()
    await expect(page.getByRole('button', { name: 'Fjern Per Prøve' })).toHaveCount(0)
  })

  await test.step('a member assigns an evaluator on their own pilot and ends the assignment', async () => {
    await page.goto(`/forsok/${NIGHT_SUPERVISION}`)
    const evaluators = page.getByRole('region', { name: 'Evaluatorer' })
    const assign = evaluators.getByRole('form', { name: 'Tildel evaluator' })
    await assign.getByRole('button', { name: 'Tildel evaluator' }).click()
    await expectFocusWithin(page, 'Evaluatoren ble ikke tildelt')
    await expect(assign.getByLabel('E-postadresse')).toHaveAttribute('aria-invalid', 'true')
    await expectNoAxeViolations(page, 'evaluator form with errors')
    await assign.getByLabel('E-postadresse').fill('eva.evaluator@forsok.example')
    await assign.getByLabel('Navn').fill('Eva Evaluator')
    await assign.getByRole('button', { name: 'Tildel evaluator' }).click()
    await expect(page.getByText('Eva Evaluator er tildelt som evaluator.')).toBeFocused()
    const remove = page.getByRole('button', { name: 'Fjern Eva Evaluator som evaluator' })
    await remove.click()
    const dialog = page.getByRole('dialog', { name: 'Fjerne evaluatoren?' })
    await expectFocusTrappedAndReturned(page, dialog, remove)
    await remove.click()
    await dialog.getByRole('button', { name: 'Fjern evaluatoren' }).click()
    await expect(
      page.getByText('Eva Evaluator er ikke lenger evaluator for forsøket.')
    ).toBeFocused()
    await expect(remove).toHaveCount(0)
    // The owner's name leads to its page.
    await page.getByRole('link', { name: 'Bergen kommune' }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: 'Bergen kommune' })).toBeVisible()
  })

  await test.step('an organisation administrator has no access to /admin, and the API agrees', async () => {
    await page.goto('/admin')
    await expect(
      page.getByRole('heading', { name: 'Du har ikke tilgang til denne siden' })
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Administrasjon' })).toHaveCount(0)
    expect((await page.request.get('/api/v1/users')).status()).toBe(403)
  })

  let secret = ''
  await test.step('the user creates an API token and sees its secret once', async () => {
    await page.getByRole('link', { name: 'Min konto' }).click()
    const form = page.getByRole('form', { name: 'Lag en ny API-nøkkel' })
    await form.getByRole('checkbox', { name: /Lese/ }).uncheck()
    await form.getByRole('button', { name: 'Lag API-nøkkel' }).click()
    await expectFocusWithin(page, 'API-nøkkelen ble ikke laget')
    await expect(form.getByLabel('Navn på nøkkelen')).toHaveAttribute('aria-invalid', 'true')
    await expectNoAxeViolations(page, 'token form with errors')

    await form.getByLabel('Navn på nøkkelen').fill('Saksbehandlingssystemet')
    await form.getByRole('checkbox', { name: /Lese/ }).check()
    await form.getByLabel('Gyldig i').selectOption({ label: '30 dager' })
    await form.getByRole('button', { name: 'Lag API-nøkkel' }).click()
    await expect(
      page.getByRole('heading', { name: 'API-nøkkelen «Saksbehandlingssystemet» er laget' })
    ).toBeVisible()
    await expect(page.getByText('Den vises bare denne ene gangen', { exact: false })).toBeVisible()
    const field = page.getByLabel('Den hemmelige nøkkelen')
    secret = await field.inputValue()
    expect(secret.length).toBeGreaterThan(40)
    await page.getByRole('button', { name: 'Kopier', exact: true }).click()
    await expect(
      page.getByRole('status').filter({ hasText: /Kopiert|Nøkkelen er merket/ })
    ).toBeVisible()
    await checkPage(page, 'account-token-created')
    await checkPhone(page, 'account-token-created')
    const tokens = page.getByRole('list', { name: 'Dine API-nøkler' })
    await expect(tokens.getByText('Saksbehandlingssystemet', { exact: true })).toBeVisible()
    await expect(tokens.getByText('Tilgang: lese', { exact: false })).toBeVisible()
  })

  await test.step('the token works with the API from outside the browser', async () => {
    const me = await page.request.get('/api/v1/auth/me', {
      headers: { Authorization: `Bearer ${secret}` },
    })
    expect(me.status()).toBe(200)
    expect((await me.json()).email).toBe('kommune@demo.example')
    const anonymous = await fetch(new URL('/api/v1/auth/me', page.url()), {
      headers: { Authorization: `Bearer ${secret}` },
    })
    expect(anonymous.status).toBe(200)
  })

  await test.step('the user revokes the token after a confirmation, and the API refuses it', async () => {
    const revoke = page.getByRole('button', { name: 'Trekk tilbake «Saksbehandlingssystemet»' })
    await revoke.click()
    const dialog = page.getByRole('dialog', { name: 'Trekke tilbake API-nøkkelen?' })
    await expect(dialog).toBeVisible()
    await expectNoAxeViolations(page, 'revoke dialog')
    await page.screenshot({ path: 'test-results/screenshots/account-revoke-dialog.png' })
    await expectFocusTrappedAndReturned(page, dialog, revoke)
    await revoke.click()
    await dialog.getByRole('button', { name: 'Trekk tilbake', exact: true }).click()
    await expect(dialog).toBeHidden()
    const tokens = page.getByRole('list', { name: 'Dine API-nøkler' })
    await expect(tokens).toBeFocused()
    await expect(tokens.getByText('Trukket tilbake')).toBeVisible()
    const refused = await fetch(new URL('/api/v1/auth/me', page.url()), {
      headers: { Authorization: `Bearer ${secret}` },
    })
    expect(refused.status).toBe(401)
    await checkPage(page, 'account')
  })
})

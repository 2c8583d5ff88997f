import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD } from './accounts.ts'
import { checkPage, settled } from './checks.ts'

const TITLE = 'Digital veiledning før første møte med NAV'

// The agency's case officer signs in, registers a pilot with a primary success criterion, and
// takes it through planned to running; a step that lacks what it needs is refused in plain words.
test('an agency case officer registers a pilot and takes it to running', async ({ page }) => {
  await test.step('registering needs a signed-in user; the login page explains mistakes', async () => {
    await page.goto('/forsok/ny')
    await expect(page.getByText('Du må logge inn for å registrere et forsøk.')).toBeVisible()
    await page.getByRole('main').getByRole('link', { name: 'Logg inn' }).click()
    await expect(page).toHaveURL(/\/logg-inn\?neste=%2Fforsok%2Fny$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible()
    await expect(page.getByLabel('E-postadresse')).toHaveAttribute('autocomplete', 'username')
    await expect(page.getByLabel('Passord')).toHaveAttribute('autocomplete', 'current-password')
    await checkPage(page, 'login')

    await page.getByRole('button', { name: 'Logg inn' }).click()
    const summary = page.getByRole('heading', { name: 'Du ble ikke logget inn' })
    await expect(summary).toBeVisible()
    await expect(page.getByLabel('E-postadresse')).toHaveAttribute('aria-invalid', 'true')
    await page.getByRole('link', { name: /^Passord: Fyll ut feltet/ }).click()
    await expect(page.getByLabel('Passord')).toBeFocused()

    await page.getByLabel('E-postadresse').fill('etat@demo.example')
    await page.getByLabel('Passord').fill('feil-passord')
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await expect(page.getByText('Feil e-postadresse eller passord.')).toBeVisible()
    await checkPage(page, 'login-errors')
  })

  await test.step('signed in, back at the form, with name and organisation in the header', async () => {
    await page.getByLabel('Passord').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await expect(page).toHaveURL(/\/forsok\/ny$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer et forsøk' })).toBeVisible()
    const header = page.getByRole('banner')
    await expect(header.getByText('Eirik Etat')).toBeVisible()
    await expect(header.getByRole('button', { name: 'Logg ut' })).toBeVisible()
  })

  await test.step('the form checks itself and puts each error on its field', async () => {
    await page.getByRole('button', { name: 'Registrer forsøket' }).click()
    const summary = page.locator('[data-error-summary]')
    await expect(summary).toBeFocused()
    await expect(page.getByRole('link', { name: 'Tittel: Fyll ut feltet' })).toBeVisible()
    await expect(
      page.getByRole('link', { name: 'Suksesskriterium 1, Hva som måles: Fyll ut feltet' })
    ).toBeVisible()
    await expect(page.getByLabel('Tittel')).toHaveAttribute('aria-invalid', 'true')
    await checkPage(page, 'register-errors')

    // Leaving with unsaved changes asks first; saying no keeps the form.
    await page.getByLabel('Tittel').fill(TITLE)
    page.once('dialog', (dialog) => void dialog.dismiss())
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Oversikt' })
      .click()
    await expect(page).toHaveURL(/\/forsok\/ny$/)
    await expect(page.getByLabel('Tittel')).toHaveValue(TITLE)
  })

  await test.step('a complete registration leads to the new pilot', async () => {
    await page
      .getByLabel('Kort beskrivelse')
      .fill('Brukere får veiledning på video før første møte.')
    await page.getByLabel('Problemet forsøket skal løse').fill('Mange møter uforberedt.')
    await expect(page.getByText('Skriv den slik: «Hvis vi …, så vil … målt ved …»')).toBeVisible()
    await page
      .getByLabel('Hypotese')
      .fill(
        'Hvis vi gir veiledning på video, så vil flere møte forberedt, målt ved andel forberedte.'
      )
    await page.getByLabel('Type innovasjon').selectOption({ label: 'Tjeneste' })
    await page.getByLabel('Tjenesteområde').selectOption({ label: 'Sosiale tjenester' })
    await page.getByLabel('Planlagt start').fill('2026-09-01')
    await page.getByLabel('Planlagt slutt').fill('2027-06-30')
    await page.getByLabel('Evalueringsmetode').selectOption({ label: 'Før-og-etter-måling' })
    const metric = page.getByRole('group', { name: 'Suksesskriterium 1' })
    await metric.getByLabel('Hva som måles').fill('Andel som møter forberedt')
    await metric.getByLabel('Enhet').fill('prosent')
    await metric.getByLabel('Utgangsverdi').fill('35')
    await metric.getByLabel('Mål', { exact: true }).fill('60')
    await expect(metric.getByRole('checkbox', { name: /Hovedmål/ })).toBeChecked()

    // Under forsøksloven the approval's reference and dates are required; the budget, a partner,
    // a contact person and tags go with them.
    await page.getByLabel('Rettsgrunnlag', { exact: true }).selectOption({ label: 'Forsøksloven' })
    await page.getByLabel('Godkjent dato').fill('2026-08-15')
    await page.getByLabel('Godkjent til').fill('2030-08-14')
    await page.getByLabel('Budsjett (kroner)').fill('1 200 000')
    await page.getByRole('button', { name: 'Legg til samarbeidspartner' }).click()
    const partner = page.getByRole('group', { name: 'Samarbeidspartner 1' })
    await expect(partner.getByLabel('Virksomhet')).toBeFocused()
    await partner.getByLabel('Virksomhet').selectOption({ label: 'Skatteetaten' })
    await partner.getByLabel('Rolle').selectOption({ label: 'medeier' })
    await page.getByLabel('Vi gir gjerne råd til andre som vil prøve det samme').check()
    await page.getByRole('button', { name: 'Legg til kontaktperson' }).click()
    const contact = page.getByRole('group', { name: 'Kontaktperson 1' })
    await expect(contact.getByLabel('Navn')).toBeFocused()
    await contact.getByLabel('Navn').fill('Kari Veileder')
    await contact.getByLabel('Stilling eller rolle (valgfritt)').fill('Seniorrådgiver')
    await contact.getByLabel('E-postadresse').fill('kari.veileder@nav.example')
    // A row added by mistake is removed by its own button; focus goes back to adding.
    await page.getByRole('button', { name: 'Legg til kontaktperson' }).click()
    await page.getByRole('button', { name: 'Fjern kontaktperson 2' }).click()
    await expect(page.getByRole('group', { name: 'Kontaktperson 2' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Legg til kontaktperson' })).toBeFocused()
    await page.getByLabel('Emneord', { exact: true }).fill('veiledning, video')

    await page.getByRole('button', { name: 'Registrer forsøket' }).click()
    await expect(page.locator('[data-error-summary]')).toBeFocused()
    const reference = page.getByLabel('Vedtak eller hjemmel')
    await expect(reference).toHaveAttribute('aria-invalid', 'true')
    await checkPage(page, 'register-legal-errors')
    await page.getByRole('link', { name: 'Vedtak eller hjemmel: Fyll ut feltet' }).click()
    await expect(reference).toBeFocused()
    await reference.fill('KDD 26/1234, vedtak 1. august 2026')
    await page.getByRole('button', { name: 'Registrer forsøket' }).click()

    await expect(page).toHaveURL(/\/forsok\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
    const facts = page.getByRole('region', { name: 'Fakta om forsøket' })
    await expect(
      facts.getByText('Forsøksloven: KDD 26/1234, vedtak 1. august 2026, godkjent')
    ).toBeVisible()
    await expect(facts.getByText('Skatteetaten (medeier)')).toBeVisible()
    await expect(facts.getByText(/1\s200\s000/)).toBeVisible()
    await expect(facts.getByText('veiledning', { exact: true })).toBeVisible()
    const advice = page.getByRole('region', { name: 'Spør dem som har prøvd' })
    await expect(advice.getByText('Kari Veileder')).toBeVisible()
    await expect(advice.getByRole('link', { name: 'kari.veileder@nav.example' })).toBeVisible()
  })

  const panel = page.getByRole('region', { name: 'Flytt til neste fase' })

  await test.step('from hypothesis the pilot can only be planned (or discontinued)', async () => {
    await expect(panel.getByRole('radio')).toHaveCount(2)
    await expect(panel.getByRole('radio', { name: 'Planlagt' })).toBeVisible()
    await expect(panel.getByRole('radio', { name: 'Avbrutt' })).toBeVisible()
    await expect(panel.getByRole('radio', { name: 'Pågår' })).toHaveCount(0)
    await checkPage(page, 'pilot-new')

    await panel.getByRole('radio', { name: 'Planlagt' }).check()
    await panel.getByRole('button', { name: 'Flytt forsøket' }).click()
    await expect(panel.getByText('Forsøket er flyttet til «Planlagt».')).toBeVisible()
    await expect(panel.getByRole('radio', { name: 'Pågår' })).toBeVisible()
    // The history shows the step at once, without reloading the page.
    await expect(
      page.getByRole('region', { name: 'Historikk' }).getByText('Fra «Hypotese» til «Planlagt»')
    ).toBeVisible()
  })

  await test.step('running without an actual start is refused, and the reason given', async () => {
    await panel.getByRole('radio', { name: 'Pågår' }).check()
    await panel.getByRole('button', { name: 'Flytt forsøket' }).click()
    await expect(
      panel.getByRole('heading', { name: 'Forsøket kan ikke flyttes ennå' })
    ).toBeVisible()
    await expect(panel.getByText('Oppgi datoen forsøket faktisk startet')).toBeVisible()
    await checkPage(page, 'pilot-transition-refused')

    await panel.getByLabel('Faktisk startdato').fill('2026-09-03')
    await panel.getByRole('button', { name: 'Flytt forsøket' }).click()
    await expect(panel.getByText('Forsøket er flyttet til «Pågår».')).toBeVisible()
    await expect(panel.getByRole('radio', { name: 'Evalueres' })).toBeVisible()
    await settled(page)
    await page.screenshot({ path: 'test-results/screenshots/pilot-running.png', fullPage: true })
  })

  await test.step('the pilot is edited: a change is saved, the server’s objection lands on its field', async () => {
    await expect(panel.getByText('Forsøket er flyttet til «Pågår».')).toBeVisible()
    await page.getByRole('link', { name: 'Endre forsøket' }).click()
    await expect(page).toHaveURL(/\/forsok\/[0-9a-f-]{36}\/endre$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Endre forsøket' })).toBeVisible()
    await expect(page.getByLabel('Tittel')).toHaveValue(TITLE)
    await expect(page.getByText(/Hypotesen og hovedmålene ble låst/)).toBeVisible()
    const first = page.getByRole('group', { name: 'Suksesskriterium 1' })
    await expect(first.getByLabel('Hva som måles')).toHaveValue('Andel som møter forberedt')
    await expect(first.getByLabel('Utgangsverdi')).toHaveValue('35')
    await expect(page.getByLabel('Vedtak eller hjemmel')).toHaveValue(
      'KDD 26/1234, vedtak 1. august 2026'
    )
    await expect(
      page
        .getByRole('group', { name: 'Samarbeidspartner 1' })
        .getByLabel('Virksomhet')
        .locator('option:checked')
    ).toHaveText('Skatteetaten')
    await expect(
      page.getByRole('group', { name: 'Kontaktperson 1' }).getByLabel('Navn')
    ).toHaveValue('Kari Veileder')
    await checkPage(page, 'edit')

    // Someone else saves meanwhile: the form keeps what was typed and lays it onto their version.
    const id = /\/forsok\/([0-9a-f-]{36})\/endre$/.exec(page.url())?.[1]
    const read = await page.request.get(`/api/v1/pilots/${id}`)
    const theirs = await page.request.patch(`/api/v1/pilots/${id}`, {
      headers: { 'If-Match': read.headers().etag ?? '', Origin: new URL(page.url()).origin },
      data: { summary: 'Brukere får veiledning på video og tekst før første møte.' },
    })
    expect(theirs.status()).toBe(200)
    const problem = page.getByLabel('Problemet forsøket skal løse')
    await problem.fill('Mange møter uforberedt til første samtale.')
    await page.getByRole('button', { name: 'Lagre endringene' }).click()
    await expect(
      page.getByRole('heading', {
        name: 'Noen andre har lagret endringer i forsøket mens du skrev',
      })
    ).toBeVisible()
    await expect(page.locator('[data-conflict]')).toBeFocused()
    await expect(problem).toHaveValue('Mange møter uforberedt til første samtale.')
    await checkPage(page, 'edit-conflict')
    await page
      .getByRole('button', { name: 'Hent den nyeste versjonen og behold endringene mine' })
      .click()
    await expect(page.getByText(/^Den nyeste versjonen er hentet/)).toBeVisible()
    await expect(page.getByLabel('Kort beskrivelse')).toHaveValue(
      'Brukere får veiledning på video og tekst før første møte.'
    )
    await expect(problem).toHaveValue('Mange møter uforberedt til første samtale.')

    // Leaving with unsaved changes asks first, in the edit form too.
    page.once('dialog', (dialog) => void dialog.dismiss())
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Oversikt' })
      .click()
    await expect(page).toHaveURL(/\/endre$/)
    await expect(problem).toHaveValue('Mange møter uforberedt til første samtale.')

    // A second criterion with the same name: only the server knows the first one's name is taken.
    await page.getByLabel('Tittel').fill(`${TITLE} i to fylker`)
    await page.getByRole('button', { name: 'Legg til suksesskriterium' }).click()
    const second = page.getByRole('group', { name: 'Suksesskriterium 2' })
    await second.getByLabel('Hva som måles').fill('Andel som møter forberedt')
    await page.getByRole('button', { name: 'Lagre endringene' }).click()
    const message = 'Forsøket har allerede et suksesskriterium med dette navnet'
    await expect(page.locator('[data-error-summary]')).toBeFocused()
    await expect(
      page.getByRole('link', { name: `Suksesskriterium 2, Hva som måles: ${message}` })
    ).toBeVisible()
    await expect(second.getByLabel('Hva som måles')).toHaveAttribute('aria-invalid', 'true')
    await expect(second.getByText(message)).toBeVisible()
    await checkPage(page, 'edit-errors')

    // Changing the pre-registered hypothesis asks why; the reason is required.
    await second.getByLabel('Hva som måles').fill('Antall avlyste første møter')
    await second.getByLabel('Retning').selectOption({ label: 'skal ned' })
    await page
      .getByLabel('Hypotese')
      .fill('Hvis vi gir veiledning på video, så vil flere møte forberedt og færre møter avlyses.')
    const reason = page.getByLabel('Hvorfor endres hypotesen eller hovedmålene?')
    await expect(reason).toBeVisible()
    await page.getByRole('button', { name: 'Lagre endringene' }).click()
    await expect(reason).toHaveAttribute('aria-invalid', 'true')
    await checkPage(page, 'edit-amendment')
    await reason.fill('Vi la til avlyste møter etter innspill fra brukerrådet.')
    await page.getByRole('button', { name: 'Lagre endringene' }).click()

    await expect(page).toHaveURL(/\/forsok\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('status').getByText('Endringene er lagret.')).toBeVisible()
    await expect(
      page.getByRole('heading', { level: 1, name: `${TITLE} i to fylker` })
    ).toBeVisible()
    await expect(
      page.getByText('Vi la til avlyste møter etter innspill fra brukerrådet.')
    ).toBeVisible()
    await expect(page.getByText('Mange møter uforberedt til første samtale.')).toBeVisible()
    await expect(
      page.getByText('Brukere får veiledning på video og tekst før første møte.')
    ).toBeVisible()
    await expect(
      page.getByRole('rowheader', { name: 'Antall avlyste første møter skal ned' })
    ).toBeVisible()
  })

  await test.step('another organisation’s pilot has no edit link, and its edit page says no', async () => {
    await page.goto('/forsok/5a000000-0000-4000-8000-000000000001')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Digitalt tilsyn om natten i hjemmetjenesten' })
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Endre forsøket' })).toHaveCount(0)
    await page.goto('/forsok/5a000000-0000-4000-8000-000000000001/endre')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Du kan ikke endre dette forsøket' })
    ).toBeVisible()
    await expect(page.getByRole('textbox')).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Tilbake til forsøket' })).toBeVisible()
  })

  await test.step('signing out', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible()
    await expect(panel).toHaveCount(0)
    await expect(page.getByRole('banner').getByText('Eirik Etat')).toHaveCount(0)
  })
})

import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { signIn, signOut } from './accounts.ts'
import { checkPage, expectNoAxeViolations, settled } from './checks.ts'

// NAV's automated handling of unemployment-benefit claims: running in the sample data, owned by
// NAV (etat@demo.example) and assigned to the demo evaluator.
const DAGPENGER = '/forsok/5a000000-0000-4000-8000-000000000007'
const DAGPENGER_TITLE = 'Automatisert behandling av enkle søknader om dagpenger'
// Trondheim's full-time culture pilot: running, and not assigned to the evaluator.
const HELTID = '5a000000-0000-4000-8000-000000000006'

// A minimal valid PDF: one empty page, with a correct cross-reference table.
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets = objects.map((object, i) => {
    const offset = body.length
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
    return offset
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

async function openPilot(page: Page) {
  await page.goto(DAGPENGER)
  await expect(page.getByRole('heading', { level: 1, name: DAGPENGER_TITLE })).toBeVisible()
  await settled(page)
}

// NAV ends the trial; the assigned evaluator records a final evaluation with its report as a PDF
// (a wrong file is refused in plain words first); NAV concludes the pilot and makes it permanent;
// Stavanger records that it has taken it up; the public sees all of it.
test('an evaluator records a final evaluation with a PDF, and the agency concludes and adopts', async ({
  page,
}) => {
  const transition = page.getByRole('region', { name: 'Flytt til neste fase' })

  await test.step('NAV moves its running pilot to evaluation', async () => {
    await signIn(page, 'etat@demo.example')
    await openPilot(page)
    // A member of the owner may evaluate too; the evaluator is who does it here.
    await expect(page.getByRole('link', { name: 'Registrer evaluering' })).toBeVisible()
    await transition.getByRole('radio', { name: 'Evalueres' }).check()
    await transition.getByLabel('Faktisk sluttdato (valgfritt)').fill('2026-10-31')
    await transition.getByRole('button', { name: 'Flytt forsøket' }).click()
    await expect(transition.getByText('Forsøket er flyttet til «Evalueres».')).toBeVisible()
    await signOut(page)
  })

  await test.step('the evaluator may evaluate only the pilots assigned to them', async () => {
    await signIn(page, 'evaluator@demo.example')
    await page.goto(`/forsok/${HELTID}`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await settled(page)
    await expect(page.getByRole('link', { name: 'Registrer evaluering' })).toHaveCount(0)
    await page.goto(`/forsok/${HELTID}/evaluering/ny`)
    await expect(
      page.getByText('Bare evaluatorer som er tildelt forsøket, og virksomheten som eier det')
    ).toBeVisible()
    // The server refuses too, whatever the page shows.
    const refused = await page.request.post(`/api/v1/pilots/${HELTID}/evaluations`, {
      headers: { Origin: new URL(page.url()).origin },
      data: { kind: 'interim', method: 'other', evidenceLevel: 1, lessonsLearned: 'Ikke min sak' },
    })
    expect(refused.status()).toBe(403)
  })

  await test.step('the assigned evaluator opens the evaluation form from the pilot page', async () => {
    await openPilot(page)
    await page.getByRole('link', { name: 'Registrer evaluering' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Registrer evaluering' })
    ).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Sluttevaluering' })).toBeChecked()
    // The method planned before the start is the one offered.
    await expect(page.getByLabel('Metode')).toHaveValue('quasi_experimental')
    await page.getByLabel('Metode').selectOption({ label: 'Velg …' })
    // Nesta's levels are explained where they are chosen.
    await expect(
      page.getByRole('radio', { name: 'Nivå 3: Årsak vist' })
    ).toHaveAccessibleDescription(/kontroll- eller sammenligningsgruppe/)
    await expect(page.getByText('Utgangspunkt 24 → mål 5')).toBeVisible()
    await checkPage(page, 'evaluation-form')
  })

  await test.step('a wrong file and missing answers are explained on their fields', async () => {
    await page.getByLabel('Last opp rapporten (PDF, høyst 20 MB)').setInputFiles({
      name: 'rapport.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004 ikke en PDF'),
    })
    await expect(
      page.getByText('Filen «rapport.docx» er ikke en PDF. Velg en PDF-fil.').first()
    ).toBeVisible()
    await page.getByRole('button', { name: 'Publiser evalueringen' }).click()
    const summary = page.getByRole('heading', { name: 'Rett opp dette før du går videre' })
    await expect(summary).toBeVisible()
    await expect(
      page.getByRole('link', { name: /^Metode: Velg et av alternativene/ })
    ).toBeVisible()
    await expect(
      page.getByRole('link', { name: /^Resultat av forsøket: Velg resultatet/ })
    ).toBeVisible()
    await expect(page.getByRole('link', { name: /^Rapport: Filen «rapport.docx»/ })).toBeVisible()
    await page.getByRole('link', { name: /^Dette lærte vi: Fyll ut feltet/ }).click()
    await expect(page.getByLabel('Dette lærte vi')).toBeFocused()
    await expect(page.getByLabel('Dette lærte vi')).toHaveAttribute('aria-invalid', 'true')
    await checkPage(page, 'evaluation-form-errors')
  })

  await test.step('nothing typed is lost by a stray click away', async () => {
    await page.getByLabel('Dette lærte vi').fill('Registerdata holder for de enkle sakene.')
    page.once('dialog', (dialog) => dialog.dismiss())
    await page.getByRole('link', { name: 'Oversikt' }).first().click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Registrer evaluering' })
    ).toBeVisible()
    await expect(page.getByLabel('Dette lærte vi')).toHaveValue(
      'Registerdata holder for de enkle sakene.'
    )
  })

  await test.step('the evaluator publishes the final evaluation with its PDF', async () => {
    await page.getByLabel('Metode').selectOption({ label: 'Kvasieksperimentelt design' })
    await page.getByRole('radio', { name: 'Nivå 3: Årsak vist' }).check()
    await page.getByLabel('Resultat av forsøket').selectOption({ label: 'Vellykket' })
    await page
      .getByLabel('Sammendrag')
      .fill('Saksbehandlingstiden for enkle saker falt fra 24 til 4 dager, uten flere omgjøringer.')
    const time = page.getByRole('group', { name: 'Saksbehandlingstid fra søknad til vedtak' })
    await time.getByLabel('Målt verdi').fill('4,2')
    await time.getByLabel('Nedre grense').fill('3,8')
    await time.getByLabel('Øvre grense').fill('4,6')
    await time.getByLabel('Antall (n)').fill('12400')
    await page.getByLabel('Ny teknologi').selectOption({ label: 'Fremmet' })
    await page.getByLabel('Regelverk').selectOption({ label: 'Hemmet' })
    await page.getByLabel('Last opp rapporten (PDF, høyst 20 MB)').setInputFiles({
      name: 'sluttrapport-dagpenger.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf(),
    })
    await expect(page.getByText('er ikke en PDF')).toHaveCount(0)
    await page.getByRole('button', { name: 'Publiser evalueringen' }).click()

    await expect(page).toHaveURL(new RegExp(`${DAGPENGER}$`))
    const evaluations = page.getByRole('region', { name: 'Evalueringer' })
    await expect(evaluations.getByText('Registerdata holder for de enkle sakene.')).toBeVisible()
    const download = evaluations.getByRole('link', {
      name: 'Last ned rapporten (sluttrapport-dagpenger.pdf, PDF)',
    })
    await expect(download).toBeVisible()
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()])
    expect(file.suggestedFilename()).toBe('sluttrapport-dagpenger.pdf')
    const saved = await file.path()
    expect(readFileSync(saved).equals(minimalPdf())).toBe(true)
    await checkPage(page, 'pilot-evaluated')
    await signOut(page)
  })

  await test.step('NAV concludes the pilot with the evaluation’s outcome', async () => {
    await signIn(page, 'etat@demo.example')
    await openPilot(page)
    await transition.getByRole('radio', { name: 'Konkludert' }).check()
    await expect(
      transition.getByText('Resultatet hentes fra den siste sluttevalueringen: «Vellykket».')
    ).toBeVisible()
    await transition
      .getByLabel('Begrunnelse for avslutningen (valgfritt)')
      .fill('Sluttevalueringen viser at målet er nådd.')
    await transition.getByRole('button', { name: 'Flytt forsøket' }).click()
    await expect(transition.getByText('Forsøket er flyttet til «Konkludert».')).toBeVisible()
  })

  await test.step('making it permanent without the decision is refused in plain words', async () => {
    await transition.getByRole('radio', { name: 'Varig løsning' }).check()
    await transition.getByRole('button', { name: 'Flytt forsøket' }).click()
    await expect(transition.getByText('Forsøket kan ikke flyttes ennå')).toBeVisible()
    await expect(
      transition.getByText('Oppgi vedtaket som gjorde forsøket til en varig løsning')
    ).toBeVisible()
    await expect(transition.getByText('Oppgi datoen for vedtaket')).toBeVisible()
    await settled(page)
    await expectNoAxeViolations(page, 'refused transition')
    await page.screenshot({
      path: 'test-results/screenshots/transition-refused.png',
      fullPage: true,
    })

    await transition
      .getByLabel('Vedtak (for eksempel saksnummer i kommunestyret)')
      .fill('Arbeids- og velferdsdirektoratet, sak 26/1234')
    await transition.getByLabel('Dato for vedtaket').fill('2026-11-16')
    await transition.getByRole('button', { name: 'Flytt forsøket' }).click()
    await expect(transition.getByText('Forsøket er flyttet til «Varig løsning».')).toBeVisible()
    // Nowhere left to move it: the form is gone, and focus is on the panel's heading.
    await expect(transition.getByRole('button', { name: 'Flytt forsøket' })).toHaveCount(0)
    await expect(transition.getByRole('heading', { name: 'Flytt til neste fase' })).toBeFocused()
    await signOut(page)
  })

  await test.step('Stavanger records that it has taken up the pilot', async () => {
    await signIn(page, 'kommune2@demo.example')
    await openPilot(page)
    await page.getByRole('link', { name: 'Registrer at dere har tatt det i bruk' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Ta forsøket i bruk' })).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Tatt i bruk' })).toBeChecked()
    await checkPage(page, 'adoption-form')

    await page.getByRole('radio', { name: 'Tilpasset' }).check()
    await page.getByLabel('Tok i bruk').fill('2026-12-01')
    await page.getByLabel('Prøvde ut fra').fill('2027-01-15')
    await page.getByRole('button', { name: 'Registrer', exact: true }).click()
    // The API refuses a trial that started after the uptake; the refusal lands on its field.
    await expect(
      page.getByRole('heading', { name: 'Rett opp dette før du går videre' })
    ).toBeVisible()
    await expect(
      page.getByRole('link', { name: 'Tok i bruk: Datoen kan ikke være før «Prøvde ut fra»' })
    ).toBeVisible()
    await expect(page.getByLabel('Tok i bruk')).toHaveAttribute('aria-invalid', 'true')
    await settled(page)
    await expectNoAxeViolations(page, 'adoption form errors')
    await page.screenshot({
      path: 'test-results/screenshots/adoption-form-errors.png',
      fullPage: true,
    })

    await page.getByLabel('Prøvde ut fra').fill('2026-09-01')
    await page
      .getByLabel('Lokale erfaringer og gevinster')
      .fill('Tatt i bruk for økonomisk sosialhjelp mens søkerne venter på vedtak.')
    await page.getByRole('button', { name: 'Registrer', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${DAGPENGER}$`))
    const adoptions = page.getByRole('region', { name: 'Hvem har tatt det i bruk' })
    await expect(adoptions.getByText('Stavanger kommune')).toBeVisible()
  })

  await test.step('Stavanger later updates its outcome', async () => {
    await page.getByRole('link', { name: 'Oppdater status for Stavanger kommune' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Oppdater bruken av forsøket' })
    ).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Tilpasset' })).toBeChecked()
    await page.getByLabel('Resultat hos dere').selectOption({ label: 'Delvis vellykket' })
    await page.getByRole('button', { name: 'Lagre endringene' }).click()
    await expect(page).toHaveURL(new RegExp(`${DAGPENGER}$`))
    const adoptions = page.getByRole('region', { name: 'Hvem har tatt det i bruk' })
    await expect(adoptions.getByText('Resultat hos dem: Delvis vellykket')).toBeVisible()
    await signOut(page)
  })

  await test.step('the public sees the permanent solution, its evaluation and its adopter', async () => {
    await openPilot(page)
    await expect(page.getByText('Varig løsning').first()).toBeVisible()
    const evaluations = page.getByRole('region', { name: 'Evalueringer' })
    await expect(evaluations.getByText('Registerdata holder for de enkle sakene.')).toBeVisible()
    await expect(
      evaluations.getByRole('link', { name: /sluttrapport-dagpenger\.pdf/ })
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Registrer evaluering' })).toHaveCount(0)
    await expect(
      page.getByRole('region', { name: 'Hvem har tatt det i bruk' }).getByText('Stavanger kommune')
    ).toBeVisible()
    await checkPage(page, 'pilot-adopted-public')
  })
})

import { type APIRequestContext, expect } from '@playwright/test'
import { hostile, P, RUN } from './hostile-text.ts'

// A hostile corner of the registry, stored through the API as its users could: an organisation,
// a partner, a member and an evaluator with hostile names, and two pilots of that organisation
// with hostile text in every field, one carried through to a permanent solution and one stopped.

// Valid organisation numbers (mod-11) that the sample data does not use.
const HOSTILE_ORG_NUMBER = '998877652'
const PARTNER_ORG_NUMBER = '998877644'
const TROMSO = '5501'

export const ORG = hostile('Xsskommune', P.img, P.rtl)
export const PARTNER = hostile('Xsspartner', P.svg)
export const MEMBER = hostile('Xssmedlem', P.script)
export const EVALUATOR = hostile('Xssevaluator', P.iframe)
export const TITLE = hostile('Xsstittel', P.script, P.img, P.lit)
export const STOPPED = hostile('Xssstoppet', P.svg, P.template)
export const TEXT = {
  summary: hostile('Xsssammendrag', P.iframe, P.template),
  problem: hostile('Xssproblem', P.svg, P.angular, P.link),
  hypothesis: hostile('Hvis vi prøver', P.img, 'så vil færre', P.lit, 'målt ved', P.rtl),
  amended: hostile('Hvis vi endrer', P.script, 'så vil færre bli innlagt, målt ved', P.template),
  amendment: hostile('Xssendring', P.svg),
  funding: hostile('Xssfinansiering', P.img),
  reference: hostile('Xssvedtak', P.script),
  metric: hostile('Xssmåling', P.svg),
  unit: '<img src=x data-xss onerror=alert(1)>',
  contact: hostile('Xsskontakt', P.img),
  role: hostile('Xssrolle', P.link),
  lessons: hostile('Xsslærdom', P.script, P.angular),
  evaluation: hostile('Xssevaluering', P.iframe),
  factors: hostile('Xssfaktorer', P.svg, P.rtl),
  note: hostile('Xssnotat', P.img),
  benefit: hostile('Xssgevinst', P.script),
  benefitUnit: '<svg data-xss onload=alert(1)>',
  decision: hostile('Xssbeslutning', P.img),
  stopped: hostile('Xssbegrunnelse', P.iframe, P.lit),
  adoption: hostile('Xssadopsjon', P.svg, P.template),
  query: hostile('Xsssøk', P.img),
}
export const REPORT = 'https://example.org/rapport?x="><svg/data-xss/onload=alert(1)>'
export const PDF_NAME = '<img src=x data-xss onerror=alert(1)>.pdf'
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)
const SCRIPT_URLS = [
  `javascript:${RUN}`,
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
]

/** Sends to the API, insists on the status and returns the JSON answer. */
async function send(
  api: APIRequestContext,
  method: string,
  path: string,
  status: number,
  data?: unknown,
  headers: Record<string, string> = {}
) {
  const res = await api.fetch(`/api/v1/${path}`, { method, headers, data })
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status)
  return res.status() === 204 ? null : res.json()
}

/** If-Match for the pilot as it stands now. */
async function current(api: APIRequestContext, pilotId: string) {
  const res = await api.get(`/api/v1/pilots/${pilotId}`)
  return { 'If-Match': res.headers().etag ?? '' }
}

async function move(api: APIRequestContext, pilotId: string, body: Record<string, unknown>) {
  await send(api, 'POST', `pilots/${pilotId}/transitions`, 200, body, await current(api, pilotId))
}

/**
 * Stores the hostile corner as the system administrator `admin`, who joins the organisation to
 * write for it; on the way, checks that the API refuses markup in tags and script addresses for
 * reports, and serves a report PDF in a sandbox.
 */
export async function registerHostileCorner(admin: APIRequestContext) {
  const org = await send(admin, 'POST', 'organisations', 201, {
    orgNumber: HOSTILE_ORG_NUMBER,
    name: ORG,
    kind: 'municipality',
    municipalityNumber: TROMSO,
  })
  const partner = await send(admin, 'POST', 'organisations', 201, {
    orgNumber: PARTNER_ORG_NUMBER,
    name: PARTNER,
    kind: 'research',
  })
  // The administrator joins the organisation to write for it, and invites a hostile name.
  await send(admin, 'POST', `organisations/${org.id}/members`, 201, {
    email: 'admin@demo.example',
    name: 'Systemadministrator',
    role: 'org_admin',
  })
  await send(admin, 'POST', `organisations/${org.id}/members`, 201, {
    email: 'xss.medlem@forsok.example',
    name: MEMBER,
  })

  const pilot = {
    title: TITLE,
    summary: TEXT.summary,
    problem: TEXT.problem,
    hypothesis: TEXT.hypothesis,
    innovationType: 'service',
    serviceArea: 'health_care',
    ownerOrgId: org.id,
    partners: [{ organisationId: partner.id, role: 'research' }],
    contacts: [
      {
        name: TEXT.contact,
        email: 'xss.kontakt@forsok.example',
        role: TEXT.role,
        showPublicly: true,
      },
    ],
    availableToAdvise: true,
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    fundingSource: TEXT.funding,
    evaluationMethod: 'before_after',
    legalBasis: {
      kind: 'forsoksloven',
      reference: TEXT.reference,
      approvalDate: '2025-12-01',
      expiryDate: '2029-12-01',
    },
    tags: ['xss-prøve'],
    visibility: 'published',
    metrics: [
      {
        name: TEXT.metric,
        unit: TEXT.unit,
        direction: 'decrease',
        baseline: 120,
        target: 90,
        primary: true,
      },
    ],
  }
  // Tags are words: markup in a tag is refused.
  const refused = await send(admin, 'POST', 'pilots', 400, { ...pilot, tags: [P.script] })
  expect(refused.errors.map((e: { field: string }) => e.field)).toEqual(['tags.0'])

  const created = await send(admin, 'POST', 'pilots', 201, pilot)
  const pilotId: string = created.id
  await move(admin, pilotId, { to: 'planned' })
  await move(admin, pilotId, { to: 'running', actualStart: '2026-01-05' })
  await send(
    admin,
    'PATCH',
    `pilots/${pilotId}`,
    200,
    { hypothesis: TEXT.amended, amendmentReason: TEXT.amendment },
    await current(admin, pilotId)
  )
  await send(admin, 'POST', `pilots/${pilotId}/evaluators`, 201, {
    email: 'xss.evaluator@forsok.example',
    name: EVALUATOR,
  })
  await move(admin, pilotId, { to: 'evaluating' })

  const evaluation = {
    kind: 'final',
    method: 'before_after',
    evidenceLevel: 2,
    outcome: 'successful',
    summary: TEXT.evaluation,
    lessonsLearned: TEXT.lessons,
    results: [{ metricId: created.metrics[0].id, observed: 95 }],
    factors: [{ factor: 'staff', effect: 'promoted', note: TEXT.note }],
    otherFactors: TEXT.factors,
  }
  // A report address must be a web address: script and data URLs are refused.
  for (const reportUrl of SCRIPT_URLS) {
    const problem = await send(admin, 'POST', `pilots/${pilotId}/evaluations`, 400, {
      ...evaluation,
      reportUrl,
    })
    expect(
      problem.errors.map((e: { field: string }) => e.field),
      reportUrl
    ).toEqual(['reportUrl'])
  }
  await send(admin, 'POST', `pilots/${pilotId}/evaluations`, 201, {
    ...evaluation,
    reportUrl: REPORT,
  })
  // An interim evaluation with its report as a PDF whose file name is markup.
  const interim = await send(admin, 'POST', `pilots/${pilotId}/evaluations`, 201, {
    kind: 'interim',
    method: 'qualitative',
    evidenceLevel: 1,
    lessonsLearned: 'Foreløpige funn.',
  })
  const upload = `pilots/${pilotId}/evaluations/${interim.id}/report?filename=${encodeURIComponent(PDF_NAME)}`
  const { report } = await send(admin, 'PUT', upload, 200, PDF, {
    ...(await current(admin, pilotId)),
    'Content-Type': 'application/pdf',
  })
  expect(report.filename).toBe(PDF_NAME)
  // Opened on its own, the PDF is a download in a sandbox: no scripts, no same-origin access.
  const pdf = (await admin.get(report.href)).headers()
  expect(pdf['content-type']).toBe('application/pdf')
  expect(pdf['content-disposition']).toMatch(/^attachment;/)
  expect(pdf['content-security-policy']).toBe("sandbox; default-src 'none'")
  await send(admin, 'POST', `pilots/${pilotId}/benefits`, 201, {
    kind: 'quality',
    description: TEXT.benefit,
    unit: TEXT.benefitUnit,
    plannedAnnual: 10,
    realisedAnnual: 8,
    bearer: 'own_org',
    beneficiary: 'citizens',
  })
  await move(admin, pilotId, { to: 'concluded' })
  await move(admin, pilotId, {
    to: 'adopted',
    decisionReference: TEXT.decision,
    decisionDate: '2026-10-01',
  })

  const stopped = await send(admin, 'POST', 'pilots', 201, {
    title: STOPPED,
    innovationType: 'process',
    serviceArea: 'administration',
    ownerOrgId: org.id,
    visibility: 'published',
  })
  await move(admin, stopped.id, { to: 'discontinued', reason: TEXT.stopped })
  return { orgId: org.id as string, pilotId, stoppedId: stopped.id as string }
}

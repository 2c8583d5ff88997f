import { sql } from 'kysely'
import { memberActor } from '../api/actor.ts'
import { hashPassword } from '../api/auth/passwords.ts'
import type { Db } from '../api/db.ts'
import { createAdoption } from '../api/queries/adoptions.ts'
import { addBenefit } from '../api/queries/benefits.ts'
import { isEvaluable, recordEvaluation } from '../api/queries/evaluations.ts'
import { createOrganisation } from '../api/queries/organisations.ts'
import { createPilot, transitionPilot, updatePilot } from '../api/queries/pilot-writes.ts'
import { AdoptionCreate } from '../schema/adoption.ts'
import { BenefitCreate } from '../schema/benefit.ts'
import type { Stage } from '../schema/enums.ts'
import { EvaluationCreate } from '../schema/evaluation.ts'
import { OrganisationCreate } from '../schema/organisation.ts'
import { PilotCreate, PilotPatch, TransitionRequest } from '../schema/pilot.ts'
import { DEMO_PASSWORD, DEMO_USERS } from './demo-accounts.ts'
import { realOrganisation, registerRealOrganisations } from './organisations.ts'
import { sampleAdoptions } from './sample-adoptions.ts'
import { generatedSample } from './sample-generated.ts'
import { sampleOrganisations } from './sample-organisations.ts'
import { samplePilots } from './sample-pilots.ts'
import type { SampleAdoption, SampleEvaluation, SamplePilot } from './sample-types.ts'
import { SAMPLE_USER_EMAIL } from './scale-load.ts'

/** Every sample pilot and adoption: the hand-written ones first, then the generated ones. */
export function sampleSet(): { pilots: SamplePilot[]; adoptions: SampleAdoption[] } {
  const generated = generatedSample()
  return {
    pilots: [...samplePilots, ...generated.pilots],
    adoptions: [...sampleAdoptions, ...generated.adoptions],
  }
}

/** When the sample accounts and memberships were made: a fixed instant, so every load is the same. */
const ACCOUNTS_CREATED = new Date('2026-01-01T08:00:00Z')

/** Sample events happen at 09:00 Norwegian winter time on their day, so the data is the same every run. */
const onDay = (date: string) => new Date(`${date}T08:00:00Z`)

/**
 * Loads the sample data set (real organisations; invented pilots, marked `sample`) through the
 * same write functions as the API, so every sample pilot's history obeys the lifecycle. Does
 * nothing if the sample data is already there; safe to run from several processes at once.
 */
export async function loadSampleData(
  db: Db
): Promise<{ loaded: boolean; organisations: number; pilots: number; adoptions: number }> {
  const { pilots, adoptions } = sampleSet()
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7310001)`.execute(trx)
    const present = await trx
      .selectFrom('pilots')
      .select('id')
      .where('id', '=', samplePilots[0]?.id ?? '')
      .executeTakeFirst()
    if (present) return { loaded: false, organisations: 0, pilots: 0, adoptions: 0 }

    // The organisations the data refers to: the fifteen of sample-organisations.ts first (with
    // their ids), then every other owner, adopter and evaluator from the real organisations.
    const referenced = new Set<string>([
      ...pilots.map((p) => p.ownerOrgNumber),
      ...pilots.flatMap((p) => (p.evaluations ?? []).flatMap((e) => e.evaluatorOrgNumber ?? [])),
      ...adoptions.map((a) => a.orgNumber),
    ])
    const extra = [...referenced]
      .filter((n) => !sampleOrganisations.some((o) => o.orgNumber === n))
      .sort()
      .map(realOrganisation)
    const orgIds = new Map<string, string>()
    // An organisation already registered keeps its own id; sample references are mapped to it.
    const sampleIdToId = new Map<string, string>()
    for (const { id, ...org } of sampleOrganisations) {
      const existing = await trx
        .selectFrom('organisations')
        .select('id')
        .where('org_number', '=', org.orgNumber)
        .executeTakeFirst()
      const created =
        existing ??
        (await createOrganisation(trx, OrganisationCreate.parse(org), { sample: false, id }))
      orgIds.set(org.orgNumber, created.id)
      sampleIdToId.set(id, created.id)
    }
    // The other real organisations are reference data, not sample content: registered in one go.
    for (const [orgNumber, id] of await registerRealOrganisations(trx, extra))
      orgIds.set(orgNumber, id)

    const user = await trx
      .insertInto('users')
      .values({ email: SAMPLE_USER_EMAIL, name: 'Eksempeldata', created_at: ACCOUNTS_CREATED })
      .onConflict((oc) => oc.column('email').doUpdateSet({ name: 'Eksempeldata' }))
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow()

    for (const sample of pilots) await loadPilot(trx, sample, user, orgIds, sampleIdToId)
    for (const sample of adoptions) {
      const organisationId = orgIds.get(sample.orgNumber)
      if (!organisationId)
        throw new Error(`Sample adoption: unknown organisation ${sample.orgNumber}`)
      const actor = memberActor(user, organisationId)
      const { pilotId, orgNumber: _org, learnedFrom, ...fields } = sample
      const teacher = learnedFrom ? orgIds.get(learnedFrom) : undefined
      const learnedFromAdoptionId = teacher
        ? (
            await trx
              .selectFrom('adoptions')
              .select('id')
              .where('pilot_id', '=', pilotId)
              .where('organisation_id', '=', teacher)
              .executeTakeFirstOrThrow()
          ).id
        : null
      const first = [fields.interestedOn, fields.triallingOn, fields.adoptedOn].find(
        Boolean
      ) as string
      await createAdoption(
        trx,
        pilotId,
        AdoptionCreate.parse({ ...fields, learnedFromAdoptionId }),
        actor,
        { at: onDay(first), sample: true }
      )
    }
    await createDemoUsers(trx, orgIds)
    return {
      loaded: true,
      organisations: sampleOrganisations.length + extra.length,
      pilots: pilots.length,
      adoptions: adoptions.length,
    }
  })
}

/** One sample pilot: registered, then its steps, evaluations and amendments in date order. */
async function loadPilot(
  trx: Db,
  sample: SamplePilot,
  user: { id: string; name: string },
  orgIds: Map<string, string>,
  sampleIdToId: Map<string, string>
) {
  const ownerOrgId = orgIds.get(sample.ownerOrgNumber)
  if (!ownerOrgId)
    throw new Error(`Sample pilot ${sample.id}: unknown owner ${sample.ownerOrgNumber}`)
  const actor = memberActor(user, ownerOrgId)
  // The contacts are fictional; those of pilots that offer advice agreed to be shown.
  const contacts = (sample.pilot.contacts ?? []).map((c) => ({
    ...c,
    showPublicly: sample.pilot.availableToAdvise ?? false,
  }))
  const partners = (sample.pilot.partners ?? []).map((p) => ({
    ...p,
    organisationId: sampleIdToId.get(p.organisationId) ?? p.organisationId,
  }))
  const input = PilotCreate.parse({ ...sample.pilot, contacts, partners, ownerOrgId })
  await createPilot(trx, input, actor, {
    at: onDay(sample.registeredOn),
    sample: true,
    id: sample.id,
  })
  // Steps and evaluations in the order they happened; an evaluation waits until there is a trial.
  const metrics = await trx
    .selectFrom('metrics')
    .select(['id', 'name'])
    .where('pilot_id', '=', sample.id)
    .execute()
  const metricId = (name: string) => {
    const found = metrics.find((m) => m.name === name)
    if (!found) throw new Error(`Sample pilot ${sample.id}: no metric named ${name}`)
    return found.id
  }
  const pending = [...(sample.evaluations ?? [])].sort((a, b) => a.on.localeCompare(b.on))
  const amendments = [...(sample.amendments ?? [])].sort((a, b) => a.on.localeCompare(b.on))
  let stage: Stage = 'hypothesis'
  const recordDue = async (until: string) => {
    while (amendments[0] && amendments[0].on <= until && stage === 'running') {
      const { on, hypothesis, reason } = amendments.shift() as (typeof amendments)[number]
      await updatePilot(
        trx,
        sample.id,
        PilotPatch.parse({ hypothesis, amendmentReason: reason }),
        actor,
        { any: true },
        onDay(on)
      )
    }
    while (pending[0] && pending[0].on <= until && isEvaluable(stage)) {
      const { on, results, factors, otherFactors, evaluatorOrgNumber, ...evaluation } =
        pending.shift() as SampleEvaluation
      const input = EvaluationCreate.parse({
        ...evaluation,
        evaluatorOrgId: evaluatorOrgNumber ? orgIds.get(evaluatorOrgNumber) : undefined,
        results: (results ?? []).map(({ metric, ...r }) => ({
          ...r,
          metricId: metricId(metric),
        })),
        factors: factors ?? [],
        otherFactors,
      })
      await recordEvaluation(trx, sample.id, input, actor, { any: true }, onDay(on))
    }
  }
  for (const { on, ...step } of sample.steps) {
    await recordDue(on)
    await transitionPilot(
      trx,
      sample.id,
      TransitionRequest.parse(step),
      actor,
      { any: true },
      onDay(on)
    )
    stage = step.to
    await recordDue(on)
  }
  await recordDue('9999-12-31')
  if (pending.length)
    throw new Error(`Sample pilot ${sample.id}: an evaluation before the trial started`)
  if (amendments.length)
    throw new Error(`Sample pilot ${sample.id}: an amendment outside the running trial`)
  // The ledger as it stands after the last step: realised amounts are known by then.
  const ledgerDay = onDay(sample.steps.at(-1)?.on ?? sample.registeredOn)
  for (const benefit of sample.benefits ?? []) {
    await addBenefit(trx, sample.id, BenefitCreate.parse(benefit), actor, { any: true }, ledgerDay)
  }
}

async function createDemoUsers(trx: Db, orgIds: Map<string, string>) {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const demo of DEMO_USERS) {
    const user = await trx
      .insertInto('users')
      .values({
        email: demo.email,
        name: demo.name,
        password_hash: passwordHash,
        system_admin: 'systemAdmin' in demo,
        evaluator: 'evaluator' in demo,
        email_verified: true,
        created_at: ACCOUNTS_CREATED,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if ('orgNumber' in demo) {
      const organisationId = orgIds.get(demo.orgNumber)
      if (!organisationId) throw new Error(`Demo user ${demo.email}: unknown organisation`)
      await trx
        .insertInto('memberships')
        .values({
          user_id: user.id,
          organisation_id: organisationId,
          role: demo.role,
          created_at: ACCOUNTS_CREATED,
        })
        .execute()
    }
    if ('assignedTo' in demo) {
      await trx
        .insertInto('pilot_evaluators')
        .values(
          demo.assignedTo.map((pilotId) => ({
            pilot_id: pilotId,
            user_id: user.id,
            assigned_at: ACCOUNTS_CREATED,
          }))
        )
        .execute()
    }
  }
}

export { DEMO_PASSWORD, DEMO_USERS }

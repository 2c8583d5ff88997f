import { sql } from 'kysely'
import { memberActor } from '../api/actor.ts'
import { hashPassword } from '../api/auth/passwords.ts'
import type { Db } from '../api/db.ts'
import { createAdoption } from '../api/queries/adoptions.ts'
import { addBenefit } from '../api/queries/benefits.ts'
import { isEvaluable, recordEvaluation } from '../api/queries/evaluations.ts'
import { createOrganisation } from '../api/queries/organisations.ts'
import { createPilot, transitionPilot } from '../api/queries/pilot-writes.ts'
import { AdoptionCreate } from '../schema/adoption.ts'
import { BenefitCreate } from '../schema/benefit.ts'
import type { Stage } from '../schema/enums.ts'
import { EvaluationCreate } from '../schema/evaluation.ts'
import { OrganisationCreate } from '../schema/organisation.ts'
import { PilotCreate, TransitionRequest } from '../schema/pilot.ts'
import { sampleAdoptions } from './sample-adoptions.ts'
import { sampleOrganisations } from './sample-organisations.ts'
import { samplePilots } from './sample-pilots.ts'
import type { SampleEvaluation } from './sample-types.ts'

const SAMPLE_USER_EMAIL = 'eksempeldata@forsoksregisteret.example'

/** Sample events happen at 09:00 Norwegian winter time on their day, so the data is the same every run. */
const onDay = (date: string) => new Date(`${date}T08:00:00Z`)

/**
 * Loads the sample data set (real organisations; invented pilots, marked `sample`) through the
 * same write functions as the API, so every sample pilot's history obeys the lifecycle. Does
 * nothing if the sample data is already there; safe to run from several processes at once.
 */
export async function loadSampleData(
  db: Db
): Promise<{ loaded: boolean; organisations: number; pilots: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7310001)`.execute(trx)
    const first = sampleOrganisations[0]
    const present = await trx
      .selectFrom('pilots')
      .select('id')
      .where('id', '=', samplePilots[0]?.id ?? '')
      .executeTakeFirst()
    if (!first || present) return { loaded: false, organisations: 0, pilots: 0 }

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

    const user = await trx
      .insertInto('users')
      .values({ email: SAMPLE_USER_EMAIL, name: 'Eksempeldata' })
      .onConflict((oc) => oc.column('email').doUpdateSet({ name: 'Eksempeldata' }))
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow()

    for (const sample of samplePilots) {
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
      let stage: Stage = 'hypothesis'
      const recordDue = async (until: string) => {
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
      // The ledger as it stands after the last step: realised amounts are known by then.
      const ledgerDay = onDay(sample.steps.at(-1)?.on ?? sample.registeredOn)
      for (const benefit of sample.benefits ?? []) {
        await addBenefit(
          trx,
          sample.id,
          BenefitCreate.parse(benefit),
          actor,
          { any: true },
          ledgerDay
        )
      }
    }
    for (const sample of sampleAdoptions) {
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
    return { loaded: true, organisations: sampleOrganisations.length, pilots: samplePilots.length }
  })
}

/** The password of every demo account (sample data only; documented in the README). */
export const DEMO_PASSWORD = 'demo-passord-2026'

/** One demo account per role (DESIGN.md section 6), with memberships and evaluator assignments. */
export const DEMO_USERS = [
  { email: 'admin@demo.example', name: 'Åse Admin', systemAdmin: true },
  {
    email: 'kommune@demo.example',
    name: 'Kari Kommune',
    orgNumber: '964338531',
    role: 'org_admin',
  }, // Bergen
  { email: 'kommune2@demo.example', name: 'Kåre Kommune', orgNumber: '964965226', role: 'member' }, // Stavanger
  { email: 'etat@demo.example', name: 'Eirik Etat', orgNumber: '889640782', role: 'member' }, // NAV
  {
    email: 'evaluator@demo.example',
    name: 'Eva Evaluator',
    evaluator: true,
    // Helse Bergen's home follow-up and NAV's automated case handling.
    assignedTo: ['5a000000-0000-4000-8000-000000000005', '5a000000-0000-4000-8000-000000000007'],
  },
] as const

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
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if ('orgNumber' in demo) {
      const organisationId = orgIds.get(demo.orgNumber)
      if (!organisationId) throw new Error(`Demo user ${demo.email}: unknown organisation`)
      await trx
        .insertInto('memberships')
        .values({ user_id: user.id, organisation_id: organisationId, role: demo.role })
        .execute()
    }
    if ('assignedTo' in demo) {
      await trx
        .insertInto('pilot_evaluators')
        .values(demo.assignedTo.map((pilotId) => ({ pilot_id: pilotId, user_id: user.id })))
        .execute()
    }
  }
}

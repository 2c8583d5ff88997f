// The demo accounts of the sample data, as plain data: the e2e specs and the benchmark sign in
// with them without loading the seeding code.

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

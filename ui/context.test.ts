import { describe, expect, it } from 'vitest'
import type { Me } from './api/client.ts'
import { canEvaluate, type Session } from './context.ts'

const NAV = '0a000000-0000-4000-8000-000000000007'
const BERGEN = '0a000000-0000-4000-8000-000000000002'
const EVA = '1b000000-0000-4000-8000-000000000001'

const session = (user: Partial<Me>): Session => ({
  user: {
    id: EVA,
    email: 'x@demo.example',
    name: 'X',
    roles: [],
    organisationId: null,
    memberships: [],
    ...user,
  },
  organisation: null,
})

// The same rule as the API's requireEvaluationWriter: the page offers what the server allows.
describe('canEvaluate', () => {
  it('lets an evaluator assigned to the pilot, and members of its owner, record evaluations', () => {
    expect(canEvaluate(session({ roles: ['evaluator'] }), NAV, [EVA])).toBe(true)
    const member = session({ memberships: [{ organisationId: NAV, role: 'member' }] })
    expect(canEvaluate(member, NAV, [])).toBe(true)
  })

  it('refuses an evaluator of other pilots, other organisations, admins and the signed out', () => {
    expect(canEvaluate(session({ roles: ['evaluator'] }), NAV, [])).toBe(false)
    // Assigned, but no longer an evaluator.
    expect(canEvaluate(session({}), NAV, [EVA])).toBe(false)
    const other = session({ memberships: [{ organisationId: BERGEN, role: 'org_admin' }] })
    expect(canEvaluate(other, NAV, [])).toBe(false)
    expect(canEvaluate(session({ roles: ['system_admin'] }), NAV, [])).toBe(false)
    expect(canEvaluate(null, NAV, [EVA])).toBe(false)
    expect(canEvaluate(undefined, NAV, [EVA])).toBe(false)
  })
})

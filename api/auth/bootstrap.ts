import type { Db } from '../db.ts'
import { hashPassword, passwordProblem } from './passwords.ts'

/**
 * Creates the first system administrator from configuration when the database has none; does
 * nothing once one exists. Returns whether it created one.
 */
export async function ensureFirstAdmin(
  db: Db,
  admin: { email: string; password: string }
): Promise<boolean> {
  const problem = passwordProblem(admin.password, admin.email)
  if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`)
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('system_admin', '=', true)
    .executeTakeFirst()
  if (existing) return false
  const passwordHash = await hashPassword(admin.password)
  await db
    .insertInto('users')
    .values({
      email: admin.email,
      name: 'Systemadministrator',
      password_hash: passwordHash,
      system_admin: true,
      email_verified: true,
    })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({ system_admin: true, password_hash: passwordHash })
    )
    .execute()
  return true
}

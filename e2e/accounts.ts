import { type APIRequestContext, expect, type Page, request } from '@playwright/test'
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts'

export { DEMO_PASSWORD }

/** Signs in on the sign-in page, as a person would. */
export async function signIn(page: Page, email: string) {
  await page.goto('/logg-inn')
  await page.getByLabel('E-postadresse').fill(email)
  await page.getByLabel('Passord').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.getByRole('banner').getByRole('button', { name: 'Logg ut' })).toBeVisible()
}

export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible()
}

/**
 * An API client signed in as `email` with a session cookie. It sends our own Origin, as the
 * browser does, since the API refuses changes with a cookie from other sites.
 */
export async function signedInApi(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } })
  const res = await api.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } })
  expect(res.status(), `sign in as ${email}`).toBe(200)
  return api
}

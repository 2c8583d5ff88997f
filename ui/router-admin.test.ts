import { describe, expect, it } from 'vitest'
import { ADMIN_SECTIONS, matchRoute, paths } from './router.ts'

const at = (path: string) => matchRoute(new URL(path, 'http://localhost'))

describe('the addresses of the account, organisation and admin pages', () => {
  it('gives every admin section its own address, and reads it back', () => {
    for (const section of ADMIN_SECTIONS) {
      expect(at(paths.admin(section))).toEqual({ name: 'admin', section })
    }
    expect(paths.admin()).toBe('/admin')
    expect(at('/admin/')).toEqual({ name: 'admin', section: 'organisations' })
    expect(at('/admin/brukere')).toEqual({ name: 'admin', section: 'users' })
  })

  it('sends an unknown admin address to "not found" rather than to some section', () => {
    expect(at('/admin/finnes-ikke')).toEqual({ name: 'not-found' })
    expect(at('/admin/brukere/mer')).toEqual({ name: 'not-found' })
  })

  it('reads the account and organisation pages, with ids in lower case', () => {
    expect(at(paths.account())).toEqual({ name: 'account' })
    const id = '5A000000-0000-4000-8000-0000000000AB'
    expect(at(paths.organisation(id))).toEqual({ name: 'organisation', id: id.toLowerCase() })
    expect(at('/virksomhet/ikke-en-id')).toEqual({ name: 'not-found' })
  })
})

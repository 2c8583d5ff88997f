import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import './strict-csp.ts'

/** Runs `build` with every use of the global Function constructor (eval under a CSP) recorded. */
function functionsMadeBy(build: () => void): unknown[][] {
  const real = globalThis.Function
  const made: unknown[][] = []
  globalThis.Function = new Proxy(real, {
    apply: (target, self, args) => {
      made.push(args)
      return Reflect.apply(target, self, args)
    },
    construct: (target, args, newTarget) => {
      made.push(args)
      return Reflect.construct(target, args, newTarget)
    },
  })
  try {
    build()
  } finally {
    globalThis.Function = real
  }
  return made
}

describe('Zod under the strict Content-Security-Policy', () => {
  it('builds and parses object schemas without trying eval, which the CSP would report', () => {
    const made = functionsMadeBy(() => {
      const Pilot = z.object({ title: z.string(), tags: z.array(z.string()) })
      for (let i = 0; i < 3; i++)
        expect(Pilot.parse({ title: 'Nattilsyn', tags: [] })).toEqual({
          title: 'Nattilsyn',
          tags: [],
        })
    })
    expect(made).toEqual([])
    expect(z.config().jitless).toBe(true)
  })

  it('is jitless also when this module runs before Zod loads, as on the first page', () => {
    // A process of its own: in this one Zod has long been loaded (and Node keeps its modules).
    const script = `await import('./ui/strict-csp.ts')
      const { z } = await import('zod')
      process.stdout.write(String(z.config().jitless))`
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' }
    )
    expect(out).toBe('true')
  })
})

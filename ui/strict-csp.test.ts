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
  })
})

// The server's Content-Security-Policy allows no eval. Zod probes for eval (`new Function`) when it
// builds its first object schema, and the browser reports every refused probe as a violation of
// the policy, which would hide a real one. Jitless, Zod never probes (and without eval it could
// not compile its fast path anyway). main.ts imports this first, before any schema is built.
import { z } from 'zod'

z.config({ jitless: true })

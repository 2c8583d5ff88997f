// The server's Content-Security-Policy allows no eval. Zod probes for eval (`new Function`) when it
// builds its first object schema, and the browser reports every refused probe as a violation of
// the policy, which would hide a real one. Jitless, Zod never probes (and without eval it could
// not compile its fast path anyway). main.ts imports this first, before any schema is built.
//
// Zod keeps its global configuration in `globalThis.__zod_globalConfig` and takes the object that
// is already there when it loads (zod/v4/core/core.js), so the setting is made here without
// importing Zod: the first page, which builds no schema, ships none of Zod's code for it.
// ui/strict-csp.test.ts checks that Zod reads it, whichever of the two loads first.
const global = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
global.__zod_globalConfig ??= {}
global.__zod_globalConfig.jitless = true

import { rmSync } from 'node:fs'

/** Removes the server's throwaway data folder. */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR
  if (dir) rmSync(dir, { recursive: true, force: true })
}

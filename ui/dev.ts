// `npm run dev`: the API (restarted on changes) and Vite's dev server (which passes /api on to the
// API) side by side. Ctrl-C stops both; if one stops, so does the other.
import { type ChildProcess, spawn } from 'node:child_process'

const apiPort = process.env.API_PORT ?? process.env.PORT ?? '3000'
const env = { ...process.env, PORT: apiPort, API_PORT: apiPort }

const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', 'api/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite'], { stdio: 'inherit', env }),
]

let stopping = false
function stop(code: number) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exitCode = code
}

for (const child of children) child.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

import pino from 'pino'
import type { Config } from './config.ts'

export type Logger = pino.Logger

/** One JSON logger for the process; request loggers are its children. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'forsoksregisteret' } })
}

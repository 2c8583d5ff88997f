import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('configuration', () => {
  it('defaults to PGlite in ./data on port 3000, with sample data', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      logLevel: 'info',
      seedSampleData: true,
    })
  })

  it('uses PostgreSQL when DATABASE_URL is set, without sample data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/registry' })
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/registry',
      seedSampleData: false,
    })
    expect(
      loadConfig({ DATABASE_URL: 'postgres://x/y', SEED_SAMPLE_DATA: 'true' }).seedSampleData
    ).toBe(true)
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined()
  })

  it('allows cross-origin browser calls only from configured origins', () => {
    expect(loadConfig({}).corsOrigins).toEqual([])
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.kommune.no, https://b.example' }).corsOrigins
    ).toEqual(['https://a.kommune.no', 'https://b.example'])
    expect(() => loadConfig({ CORS_ORIGINS: 'not a url' })).toThrow(/CORS_ORIGINS/)
  })

  it('runs several server processes only on PostgreSQL', () => {
    expect(loadConfig({}).workers).toBe(1)
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', WORKERS: '2' }).workers).toBe(2)
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS: above 1 needs DATABASE_URL/)
  })

  it('names every bad variable', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db' })
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL|PORT[\s\S]*LOG_LEVEL[\s\S]*DATABASE_URL/)
  })
})

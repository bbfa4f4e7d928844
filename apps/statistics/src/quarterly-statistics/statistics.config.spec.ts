import { StatisticsConfigSchema } from './statistics.config';

describe('the statistics service’s configuration', () => {
  const base = {
    REGION: 'vestland',
    DATABASE_URL: 'postgres://statistics@localhost:5432/syfo',
    DATABASE_SCHEMA: 'statistics',
    KAFKA_BROKERS: 'localhost:9092',
    GRPC_PORT: '50053',
    HTTP_PORT: '8083',
    PROTO_ROOT: 'proto',
  };
  const problems = (env: Record<string, string>) => {
    const result = StatisticsConfigSchema.safeParse({ ...base, ...env });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('runs without an export key, with five years of history and the clock’s window', () => {
    const config = StatisticsConfigSchema.parse(base);
    expect([config.EXPORT_HMAC_KEY, config.STATISTICS_HISTORY_YEARS, config.STATISTICS_WINDOW, config.STATISTICS_REFRESH_INTERVAL_MS]).toEqual([undefined, 5, undefined, 5_000]);
  });

  it('takes an export key of 32 characters or more, and refuses a shorter one', () => {
    expect(problems({ EXPORT_HMAC_KEY: 'k'.repeat(32) })).toEqual([]);
    expect(problems({ EXPORT_HMAC_KEY: 'k'.repeat(31) })).toEqual(['EXPORT_HMAC_KEY: must be at least 32 characters']);
  });

  it('takes a fixed window of two quarters in order', () => {
    expect(StatisticsConfigSchema.parse({ ...base, STATISTICS_WINDOW: '2025-Q1..2025-Q4' }).STATISTICS_WINDOW).toEqual({ fromQuarter: '2025-Q1', toQuarter: '2025-Q4' });
    expect(StatisticsConfigSchema.parse({ ...base, STATISTICS_WINDOW: '2025-Q3..2025-Q3' }).STATISTICS_WINDOW).toEqual({ fromQuarter: '2025-Q3', toQuarter: '2025-Q3' });
    expect(problems({ STATISTICS_WINDOW: '2025-Q4..2025-Q1' })).toEqual(['STATISTICS_WINDOW: must not end before it starts']);
    expect(problems({ STATISTICS_WINDOW: '2025-Q5..2026-Q1' })).toEqual(['STATISTICS_WINDOW: must be YYYY-Qn..YYYY-Qn']);
  });
});

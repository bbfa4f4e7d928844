import { ConfigError, loadConfig } from '@syfo/platform';

import { TriageConfigSchema } from './triage.config';

const BASE = {
  DATABASE_URL: 'postgres://triage@127.0.0.1:5432/syfo',
  DATABASE_SCHEMA: 'triage',
  KAFKA_BROKERS: '127.0.0.1:9092',
  GRPC_PORT: '50052',
  HTTP_PORT: '8082',
  PROTO_ROOT: 'proto',
  DEFAULT_ENHET: '0600',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(TriageConfigSchema, { ...BASE, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('triage configuration, validated at boot', () => {
  it("takes the region's milestone profile and screening rule sets by default", () => {
    const vestViken = loadConfig(TriageConfigSchema, { ...BASE, REGION: 'vest-viken' });
    expect(vestViken.MILESTONE_PROFILE).toBe('vest-viken@1');
    expect(vestViken.screening['VV-MS']).toMatchObject({ enabled: true, version: 1, reminderAfterDays: 7, responseDeadlineDays: 14 });
    expect(vestViken.screening['SF-SP1'].enabled).toBe(false);
    const vestland = loadConfig(TriageConfigSchema, { ...BASE, REGION: 'vestland' });
    expect(vestland.MILESTONE_PROFILE).toBe('vestland-sunnfjord@1');
    expect([vestland.screening['SF-SP1'].enabled, vestland.screening['SF-SP2'].enabled, vestland.screening['VV-MS'].enabled]).toEqual([true, true, false]);
    expect(loadConfig(TriageConfigSchema, { ...BASE, REGION: 'oslo' }).MILESTONE_PROFILE).toBe('standard@1');
  });

  it('accepts a region choosing its own rule set versions and settings', () => {
    const config = loadConfig(TriageConfigSchema, { ...BASE, REGION: 'vest-viken', SCREENING: '{"VV-MS":{"enabled":true,"version":1,"reminderAfterDays":5,"responseDeadlineDays":10}}' });
    expect(config.screening['VV-MS']).toMatchObject({ reminderAfterDays: 5, responseDeadlineDays: 10 });
  });

  it('refuses an unknown profile, unknown rule set versions, bad JSON and a rule set whose stoppunkt the profile lacks, naming each', () => {
    expect(problems({ REGION: 'oslo', MILESTONE_PROFILE: 'standard@9' })).toEqual([expect.stringMatching(/^MILESTONE_PROFILE: .*standard/)]);
    expect(problems({ REGION: 'oslo', SCREENING: '{not json' })).toEqual(['SCREENING: must be JSON']);
    expect(problems({ REGION: 'vest-viken', SCREENING: '{"VV-MS":{"enabled":true,"version":2}}' })).toEqual([expect.stringMatching(/^SCREENING\.VV-MS\.version: Unknown version 2/)]);
    expect(problems({ REGION: 'oslo', SCREENING: '{"VV-MS":{"enabled":true}}' })).toEqual([expect.stringMatching(/^SCREENING\.VV-MS: needs the VV_SCREENING_8W stoppunkt/)]);
    expect(problems({ REGION: 'oslo', DEFAULT_ENHET: '60' })).toEqual([expect.stringMatching(/^DEFAULT_ENHET: must be a four-digit enhet number/)]);
  });
});

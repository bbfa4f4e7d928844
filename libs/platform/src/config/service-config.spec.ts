import { BaseConfigSchema, ConfigError, loadConfig } from './service-config';

const valid = {
  REGION: 'vestland',
  DATABASE_URL: 'postgres://triage@127.0.0.1:5432/syfo',
  DATABASE_SCHEMA: 'triage',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  GRPC_PORT: '50052',
  HTTP_PORT: '8082',
  PROTO_ROOT: '/app/proto',
};

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    const config = loadConfig(BaseConfigSchema, valid);
    expect(config).toMatchObject({ REGION: 'vestland', GRPC_PORT: 50052, KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'], KAFKA_TOPIC_PREFIX: '', LOG_LEVEL: 'info' });
  });

  it('lists every wrong variable by name, and never echoes a value', () => {
    const env = { ...valid, REGION: 'atlantis', GRPC_PORT: '99999', DATABASE_URL: 'mysql://secret-password@db/x', KAFKA_TOPIC_PREFIX: 'Bad' };
    let error: unknown;
    try {
      loadConfig(BaseConfigSchema, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'GRPC_PORT', 'KAFKA_TOPIC_PREFIX', 'REGION']);
    expect((error as ConfigError).message).not.toContain('secret-password');
  });

  it('requires the region', () => {
    const { REGION: _omitted, ...withoutRegion } = valid;
    expect(() => loadConfig(BaseConfigSchema, withoutRegion)).toThrow(/REGION/);
  });
});

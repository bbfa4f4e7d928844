import { randomUUID } from 'node:crypto';

import { DEFAULT_ENVIRONMENT, TEST_PORT_OFFSETS, type LocalEnvironment } from '@syfo/testing';

/** Each run gets its own database and Kafka namespace, and ports clear of a running demo. */
export function isolatedEnvironment(name: string): LocalEnvironment {
  return {
    ...DEFAULT_ENVIRONMENT,
    database: `syfo_${name}`,
    portOffset: TEST_PORT_OFFSETS.e2e,
    topicPrefix: `${name}-${randomUUID().slice(0, 8)}.`,
  };
}

import { randomUUID } from 'node:crypto';

import { DEFAULT_ENVIRONMENT, type LocalEnvironment } from '@syfo/testing';

/** Each run gets its own database and Kafka namespace, and ports clear of a running demo. */
export function isolatedEnvironment(name: string): LocalEnvironment {
  return {
    ...DEFAULT_ENVIRONMENT,
    database: `syfo_${name}`,
    portOffset: 1000,
    topicPrefix: `${name}-${randomUUID().slice(0, 8)}.`,
  };
}

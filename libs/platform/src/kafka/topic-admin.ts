import { allTopics } from '@syfo/contracts';
import type { Kafka } from 'kafkajs';

/** Creates every declared topic, dead-letter topics included; existing topics are left as they are. */
export async function createDeclaredTopics(kafka: Kafka, prefix = ''): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopics()
      .map((topic) => ({ ...topic, name: `${prefix}${topic.name}` }))
      .filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: 1,
          configEntries: [{ name: 'retention.ms', value: String(topic.retentionMs) }],
        })),
      });
    }
    return missing.map((topic) => topic.name);
  } finally {
    await admin.disconnect();
  }
}

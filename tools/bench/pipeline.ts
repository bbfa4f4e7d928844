import { CONSUMER_GROUPS, type ConsumerGroup } from '@syfo/contracts';
import { LOCAL_SERVICES } from '@syfo/testing';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';

import type { Figures } from './harness';
import { percentile } from './measure';

/** The groups that take a document in (case-intake's, for those that came on Kafka) and process what it causes: triage's, then statistics' two. */
export const PIPELINE_GROUPS = ['case-intake.inbound', 'triage.intake-events', 'statistics.intake-events', 'statistics.follow-up-events'] as const satisfies readonly ConsumerGroup[];

/** When one note's work was done at each stage, epoch milliseconds; undefined where a stage never saw it. */
export interface NoteTimes {
  /** case-intake's transaction began: its outbox rows' created_at. */
  readonly accepted?: number;
  /** The last of the note's events (and of what they caused) that triage began processing. */
  readonly triage?: number;
  /** The same for statistics, over both its groups. */
  readonly statistics?: number;
}

/**
 * Each note's stage times, found through its correlation id: case-intake copies the caller's
 * x-correlation-id into the events it publishes, and triage into the events those cause, so the
 * consumers' inbox rows of those events say when each stage took the note. Reads the services'
 * own tables as the bench's superuser: measurement only, nothing here feeds the platform.
 *
 * An inbox row's processed_at is when the consumer's transaction began; the commit follows after the
 * handler's few milliseconds.
 */
export async function noteTimes(pool: Pool, correlationPrefix: string): Promise<Map<string, NoteTimes>> {
  const { rows } = await pool.query<{ note: string; accepted: number | null; triage: number | null; statistics: number | null }>(
    `WITH events AS (
       SELECT envelope->>'correlationId' AS note, event_id, created_at FROM case_intake.outbox_message WHERE envelope->>'correlationId' LIKE $1
       UNION ALL
       SELECT envelope->>'correlationId', event_id, NULL::timestamptz FROM triage.outbox_message WHERE envelope->>'correlationId' LIKE $1
     ),
     triage_done AS (SELECT event_id, max(processed_at) AS at FROM triage.inbox_entry GROUP BY event_id),
     statistics_done AS (SELECT event_id, max(processed_at) AS at FROM statistics.inbox_entry GROUP BY event_id)
     SELECT e.note,
            extract(epoch FROM max(e.created_at)) * 1000 AS accepted,
            extract(epoch FROM max(t.at)) * 1000 AS triage,
            extract(epoch FROM max(s.at)) * 1000 AS statistics
       FROM events e
       LEFT JOIN triage_done t USING (event_id)
       LEFT JOIN statistics_done s USING (event_id)
      GROUP BY e.note`,
    [`${correlationPrefix}%`],
  );
  const defined = (value: number | null) => (value === null ? undefined : Number(value));
  return new Map(rows.map((row) => [row.note, { accepted: defined(row.accepted), triage: defined(row.triage), statistics: defined(row.statistics) }]));
}

/**
 * Throughput and delay figures of one phase under `prefix.`: notes per second from the first
 * submission until the last note was done by both consumers, and the p50/p99/max of each note's
 * delay from its submission to each stage. A note a stage never saw is counted, not hidden.
 */
export function delayFigures(prefix: string, sentAt: ReadonlyMap<string, number>, times: ReadonlyMap<string, NoteTimes>): Figures {
  const figures: Figures = { [`${prefix}.notes`]: sentAt.size };
  const stages = { accepted: (t: NoteTimes) => t.accepted, triage: (t: NoteTimes) => t.triage, statistics: (t: NoteTimes) => t.statistics, both: (t: NoteTimes) => bothDone(t) } as const;
  let lastDone = Number.NEGATIVE_INFINITY;
  for (const [stage, pick] of Object.entries(stages)) {
    const delays: number[] = [];
    let missing = 0;
    for (const [note, sent] of sentAt) {
      const done = pick(times.get(note) ?? {});
      if (done === undefined) missing += 1;
      else {
        delays.push(Math.max(0, done - sent));
        if (stage === 'both') lastDone = Math.max(lastDone, done);
      }
    }
    const sorted = Float64Array.from(delays).sort();
    figures[`${prefix}.delay.${stage}.p50`] = percentile(sorted, 50);
    figures[`${prefix}.delay.${stage}.p99`] = percentile(sorted, 99);
    figures[`${prefix}.delay.${stage}.max`] = sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN;
    figures[`${prefix}.missing.${stage}`] = missing;
  }
  const firstSent = Math.min(...sentAt.values());
  const lastSent = Math.max(...sentAt.values());
  figures[`${prefix}.notesPerS`] = sentAt.size / ((lastDone - firstSent) / 1000);
  // What was offered: notes per second over the submission window itself.
  figures[`${prefix}.submittedPerS`] = sentAt.size > 1 ? (sentAt.size - 1) / ((lastSent - firstSent) / 1000) : Number.NaN;
  return figures;
}

function bothDone(times: NoteTimes): number | undefined {
  return times.triage === undefined || times.statistics === undefined ? undefined : Math.max(times.triage, times.statistics);
}

/**
 * True when nothing is left in flight: every service's outbox published and every pipeline group
 * committed to the end of every topic it reads. Checked twice, since an event published between the
 * two checks would otherwise be missed. One admin connection and one offsets request per topic and
 * per group, so polling adds little load to the broker it measures.
 */
export async function pipelineSettled(kafka: Kafka, pool: Pool, topicPrefix: string): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let check = 0; check < 2; check += 1) {
      for (const service of LOCAL_SERVICES) {
        const { rows } = await pool.query(`SELECT EXISTS (SELECT 1 FROM ${service.schema}.outbox_message WHERE published_at IS NULL) AS pending`);
        if (rows[0].pending === true) return false;
      }
      const topics = [...new Set(PIPELINE_GROUPS.flatMap((group) => CONSUMER_GROUPS[group].topics))].map((topic) => `${topicPrefix}${topic}`);
      const ends = new Map(await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)));
      for (const group of PIPELINE_GROUPS) {
        const committed = await admin.fetchOffsets({ groupId: `${topicPrefix}${group}`, topics: CONSUMER_GROUPS[group].topics.map((topic) => `${topicPrefix}${topic}`) });
        for (const { topic, partitions } of committed) {
          const caughtUp = ends.get(topic)!.every((end) => end.offset === '0' || Number(partitions.find((p) => p.partition === end.partition)?.offset ?? '-1') >= Number(end.offset));
          if (!caughtUp) return false;
        }
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

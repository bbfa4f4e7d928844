/**
 * Every Kafka topic the platform uses, declared once: `tools/local/create-topics.ts (npm run kafka:topics)` creates them and
 * docs/architecture.md describes them. Services refer to these constants, never to string literals.
 */
export interface TopicSpec {
  readonly partitions: number;
  readonly retentionMs: number;
  readonly description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const TOPICS = {
  'intake.inbound.sick-note.v1': {
    partitions: 6,
    retentionMs: 14 * DAY_MS,
    description: 'Sick notes delivered by external case systems (fagsystemer); consumed by case-intake.',
  },
  'intake.inbound.document.v1': {
    partitions: 6,
    retentionMs: 14 * DAY_MS,
    description: 'Søknader, inntektsmeldinger, arbeidsforhold, oppfølgingsplaner, screening answers and cancellations from external case systems; consumed by case-intake.',
  },
  'intake.tilfelle-person.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: "A person's whole oppfølgingstilfelle list after it changed; keyed by person.",
  },
  'intake.arbeidsforhold.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: 'An employment (or its cancellation) for possible-workday statistics; keyed by orgnr.',
  },
  'intake.sick-note.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: 'A sick note accepted by case-intake, without diagnosis or name; keyed by person.',
  },
  'intake.oppfolgingsplan.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: "That an employer's oppfølgingsplan was received, corrected or withdrawn, without any of its free text; keyed by person.",
  },
  'intake.screening-answer.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: "A sick-listed person's coded screening answers (VV_MS_8W, SF_SP2), corrected or withdrawn; keyed by person.",
  },
  'intake.virksomhet.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: 'An establishment (underenhet) or enterprise (hovedenhet) from the employer register: NACE code, sector, kommune; keyed by orgnr.',
  },
  'triage.milestone.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: "A statutory or pilot milestone of a person's tilfelle changed state (upcoming, due, overdue, done, exempt, not applicable); keyed by person.",
  },
  'triage.decision.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: 'A screening decision (rule set, version, outcome, rule that fired); keyed by person.',
  },
  'triage.work-item.v1': {
    partitions: 6,
    retentionMs: 30 * DAY_MS,
    description: 'A work item opened, taken, handed over, completed or exempted, without person data beyond the key; keyed by person.',
  },
  'triage.stoppunkt1-demand.v1': {
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    description: "The weekly stoppunkt-1 employer call demand per underenhet, with no personal data; keyed by orgnr.",
  },
  'crm.account.v1': {
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    description: 'An employer account (virksomhet) registered in the CRM; keyed by orgnr.',
  },
  'collab.team.v1': {
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    description: 'A team created or given an employer; keyed by team id.',
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicName = keyof typeof TOPICS;

/**
 * Consumer groups, one per consuming service and purpose. Each has its own dead-letter topic, so a
 * message that fails validation or keeps failing is parked with its reason and the partition flows on.
 */
export const CONSUMER_GROUPS = {
  'case-intake.inbound': { topics: ['intake.inbound.sick-note.v1', 'intake.inbound.document.v1'] },
  'triage.intake-events': { topics: ['intake.tilfelle-person.v1', 'intake.sick-note.v1', 'intake.oppfolgingsplan.v1', 'intake.screening-answer.v1'] },
  // One handler per event type: the quarterly statistics' (which also keeps the intake counts).
  'statistics.intake-events': { topics: ['intake.arbeidsforhold.v1', 'intake.sick-note.v1', 'intake.tilfelle-person.v1', 'intake.virksomhet.v1'] },
  // Its own group, so its handlers of events other groups also read stay apart from theirs. Sick notes tell a
  // legemeldt case from egenmelding and grade it for the FTE-weighted series.
  'statistics.follow-up-events': {
    topics: ['intake.tilfelle-person.v1', 'intake.sick-note.v1', 'intake.virksomhet.v1', 'collab.team.v1', 'triage.milestone.v1', 'triage.decision.v1', 'triage.work-item.v1'],
  },
  'collaboration.crm-events': { topics: ['crm.account.v1'] },
  'employer-outreach.collab-events': { topics: ['collab.team.v1'] },
  'employer-outreach.triage-events': { topics: ['triage.stoppunkt1-demand.v1'] },
} as const satisfies Record<string, { topics: readonly TopicName[] }>;

export type ConsumerGroup = keyof typeof CONSUMER_GROUPS;

export function deadLetterTopic(group: ConsumerGroup): string {
  return `dlq.${group}`;
}

export const DEAD_LETTER_RETENTION_MS = 90 * DAY_MS;

/** Every topic to create, dead-letter topics included. */
export function allTopics(): { name: string; partitions: number; retentionMs: number }[] {
  const main = Object.entries(TOPICS).map(([name, spec]) => ({ name, partitions: spec.partitions, retentionMs: spec.retentionMs }));
  const dead = (Object.keys(CONSUMER_GROUPS) as ConsumerGroup[]).map((group) => ({
    name: deadLetterTopic(group),
    partitions: 1,
    retentionMs: DEAD_LETTER_RETENTION_MS,
  }));
  return [...main, ...dead];
}

import { randomUUID } from 'node:crypto';

import { status, type ServiceError } from '@grpc/grpc-js';
import {
  statisticsFollowUpV1,
  type MilestoneChanged,
  type ScreeningDecided,
  type SickNoteReceived,
  type TeamChanged,
  type TilfellerChanged,
  type TopicName,
  type VirksomhetChanged,
  type WorkItemChanged,
} from '@syfo/contracts';
import { decodeBadRequest } from '@syfo/platform';
import {
  DEFAULT_ENVIRONMENT,
  ServiceProcess,
  deleteTopicsWithPrefix,
  eventually,
  grpcAddress,
  grpcClient,
  groupCaughtUp,
  localService,
  prepareInfrastructure,
  produceRaw,
  recreateDatabase,
  syntheticOrgnr,
  syntheticPersonIdent,
  testKafka,
  withDatabase,
  type LocalEnvironment,
  TEST_PORT_OFFSETS,
} from '@syfo/testing';

jest.setTimeout(300_000);

const STATISTICS = localService('statistics');
const { BaselineMode, OpenCaseUnit } = statisticsFollowUpV1;
const GROUP = 'statistics.follow-up-events';

interface Envelope {
  readonly eventId: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly region: string;
  readonly correlationId: string;
  readonly payload: unknown;
}

interface Outgoing {
  readonly topic: TopicName;
  readonly key: string;
  readonly envelope: Envelope;
}

/** The statistics service alone, fed intake's, collaboration's and triage's events over real Kafka as they publish them. */
class FollowUpFiguresHarness {
  public readonly env: LocalEnvironment = {
    ...DEFAULT_ENVIRONMENT,
    database: 'syfo_statistics_fu_it',
    portOffset: TEST_PORT_OFFSETS.statisticsFollowUp,
    topicPrefix: `stats-fu-it-${randomUUID().slice(0, 8)}.`,
  };
  private readonly kafka = testKafka(this.env.kafkaBrokers);
  private readonly service = new ServiceProcess(STATISTICS, this.env, { CLOCK_MODE: 'simulated', CLOCK_START: '2025-03-10T06:00:00Z' });

  public async start(): Promise<void> {
    await recreateDatabase(this.env);
    await prepareInfrastructure(this.env);
    await this.service.start();
  }

  public async stop(): Promise<void> {
    await this.service.kill();
    await deleteTopicsWithPrefix(this.kafka, this.env.topicPrefix);
  }

  public event(topic: TopicName, type: string, key: string, payload: unknown): Outgoing {
    const envelope = { eventId: randomUUID(), type, version: 1, occurredAt: '2025-03-10T05:00:00.000Z', region: this.env.region, correlationId: 'stats-fu-it', payload };
    return { topic, key, envelope };
  }

  /** Sends the events in order (one batch per topic, so a key's events keep their order) and waits until all are consumed. */
  public async publish(events: readonly Outgoing[]): Promise<void> {
    const topics = [...new Set(events.map((event) => event.topic))];
    for (const topic of topics) {
      const batch = events.filter((event) => event.topic === topic).map((event) => ({ key: event.key, value: JSON.stringify(event.envelope) }));
      await produceRaw(this.kafka, `${this.env.topicPrefix}${topic}`, batch);
    }
    for (const topic of topics) {
      await eventually(async () => expect(await groupCaughtUp(this.kafka, `${this.env.topicPrefix}${GROUP}`, `${this.env.topicPrefix}${topic}`)).toBe(true), {
        timeoutMs: 60_000,
        intervalMs: 100,
      });
    }
  }

  public async call<T>(method: string, request: unknown): Promise<T> {
    const client = grpcClient('statistics', 'FollowUpFiguresService', grpcAddress(STATISTICS, this.env));
    try {
      return await client.call<T>(method, request);
    } finally {
      client.close();
    }
  }

  public async sql(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return withDatabase(this.env, async (client) => (await client.query(text, params)).rows);
  }
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  return promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (error: ServiceError) => error,
  );
}

function violations(error: ServiceError): { field: string; reason: string }[] {
  return decodeBadRequest(error.metadata.get('grpc-status-details-bin')[0] as Buffer).map(({ field, reason }) => ({ field, reason }));
}

const A = syntheticOrgnr(701);
const B = syntheticOrgnr(702);
const C = syntheticOrgnr(703);
const TEAM = randomUUID();
const person = (n: number) => syntheticPersonIdent(7000 + n);

describe('follow-up figures (handbook §9.2, §9.3) from real events over Kafka, read over gRPC', () => {
  const it_ = new FollowUpFiguresHarness();
  const revisions = new Map<string, number>();

  const tilfeller = (n: number, spans: [string, string, string][], revision?: number) => {
    const personIdent = person(n);
    const next = revision ?? (revisions.get(personIdent) ?? 0) + 1;
    revisions.set(personIdent, Math.max(next, revisions.get(personIdent) ?? 0));
    const payload: TilfellerChanged = {
      personIdent,
      tilfeller: spans.map(([start, end, orgnr]) => ({
        start,
        end,
        antallSykedager: 1 + Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000),
        virksomhetsnummerList: [orgnr],
        arbeidstakerAtTilfelleEnd: true,
        gradertAtTilfelleEnd: false,
      })),
      recurringAbsence: false,
      revision: next,
      computedAt: '2025-03-10T05:00:00.000Z',
    };
    return it_.event('intake.tilfelle-person.v1', 'intake.tilfelle-person', personIdent, payload);
  };
  const sickNote = (n: number, orgnr: string, fom: string, tom: string, grade?: number) => {
    const payload: SickNoteReceived = {
      sickNoteId: randomUUID(),
      personIdent: person(n),
      orgnr,
      status: 'SENDT',
      issuedOn: fom,
      periods: [grade === undefined ? { fom, tom, type: 'FULL' } : { fom, tom, type: 'GRADED', grade }],
      receivedAt: `${fom}T08:00:00.000Z`,
      version: 1,
      cancelled: false,
    };
    return it_.event('intake.sick-note.v1', 'intake.sick-note', person(n), payload);
  };
  const virksomhet = (orgnr: string, kommunenummer: string, version: number) => {
    const payload: VirksomhetChanged = { orgnr, hovedenhetOrgnr: null, naeringskode: '86.101', sektor: 'KOMMUNAL', kommunenummer, version, cancelled: false };
    return it_.event('intake.virksomhet.v1', 'intake.virksomhet', orgnr, payload);
  };
  const milestone = (n: number, type: MilestoneChanged['milestone'], tilfelleStart: string, deadline: string, state: MilestoneChanged['state'], previousState: MilestoneChanged['previousState'], changedOn: string) => {
    const payload: MilestoneChanged = {
      personIdent: person(n),
      tilfelleStart,
      milestone: type,
      state,
      previousState,
      stateReason: null,
      legal: true,
      actor: 'NAV',
      dueFrom: tilfelleStart,
      deadline,
      changedOn,
      enhet: '0600',
    };
    return it_.event('triage.milestone.v1', 'triage.milestone', person(n), payload);
  };
  const decision = (n: number, outcome: string, rule: string, decidedOn: string) => {
    const payload: ScreeningDecided = {
      decisionId: randomUUID(),
      personIdent: person(n),
      tilfelleStart: '2025-01-06',
      ruleSet: 'SF-SP2',
      ruleSetVersion: 1,
      outcome,
      rule,
      decidedOn,
      enhet: '0600',
    };
    return it_.event('triage.decision.v1', 'triage.decision', person(n), payload);
  };
  const workItem = (id: string, n: number, type: string, action: WorkItemChanged['action'], state: string, changedOn: string, fields: Partial<WorkItemChanged> = {}) => {
    const payload: WorkItemChanged = {
      workItemId: id,
      personIdent: person(n),
      type,
      action,
      state,
      enhet: '0600',
      veileder: null,
      statutory: false,
      dueDate: null,
      changedOn,
      ...fields,
    };
    return it_.event('triage.work-item.v1', 'triage.work-item', person(n), payload);
  };

  const series = (request: Partial<statisticsFollowUpV1.GetOpenCaseSeriesRequest>) =>
    it_.call<statisticsFollowUpV1.GetOpenCaseSeriesResponse>('GetOpenCaseSeries', {
      unit: OpenCaseUnit.OPEN_CASE_UNIT_VIRKSOMHET,
      code: A,
      fromWeek: '2025-W10',
      toWeek: '2025-W12',
      ...request,
    });
  const figures = (response: statisticsFollowUpV1.GetOpenCaseSeriesResponse) =>
    response.weeks.map((week) => [week.week, week.count ?? null, week.fteWeighted ?? null, week.masked, week.baselineWeek, week.baseline ?? null, week.baselineMasked, week.changePercent ?? null]);

  // Kept to be sent again: a redelivery carries the same event id.
  let redelivered: Outgoing[] = [];

  beforeAll(async () => {
    await it_.start();
    const events: Outgoing[] = [
      // The register: A and B in kommune 3001; C first registered there, then corrected to 3002, then the old
      // registration arrives again late and must not move it back.
      virksomhet(A, '3001', 1),
      virksomhet(B, '3001', 1),
      virksomhet(C, '3001', 1),
      virksomhet(C, '3002', 2),
      virksomhet(C, '3001', 1),
      it_.event('collab.team.v1', 'collab.team', TEAM, { teamId: TEAM, name: 'NED-team Fredrikstad', enhetNr: '0600', employerOrgnrs: [A, C] } satisfies TeamChanged),
    ];
    // Persons 1–10 open at A through 2024-W10..W12 (Monday 2024-03-04 to Sunday 03-24): the year before counts 10 each week.
    for (let n = 1; n <= 10; n += 1) events.push(sickNote(n, A, '2024-03-04', '2024-03-24'));
    // 2025 at A: persons 1–4 through W10–W12 (person 1 graded 20 %), 5 through W10 and the Monday of W11, 6–8 in W10 only.
    for (let n = 1; n <= 8; n += 1) {
      const end = n <= 4 ? '2025-03-23' : n === 5 ? '2025-03-10' : '2025-03-09';
      if (n !== 5) events.push(tilfeller(n, [['2024-03-04', '2024-03-24', A], ['2025-03-03', end, A]]));
      events.push(n === 1 ? sickNote(n, A, '2025-03-03', '2025-03-23', 20) : sickNote(n, A, '2025-03-03', '2025-03-23'));
    }
    // Person 5's revision 2 arrives before revision 1, which would keep the person open through W12: it is stale.
    events.push(tilfeller(5, [['2024-03-04', '2024-03-24', A], ['2025-03-03', '2025-03-10', A]], 2));
    events.push(tilfeller(5, [['2024-03-04', '2024-03-24', A], ['2025-03-03', '2025-03-23', A]], 1));
    // Persons 9 and 10 only had 2024 tilfeller at A; person 9 also has a 2025 one without a sick note (egenmelding): not counted.
    events.push(tilfeller(9, [['2024-03-04', '2024-03-24', A], ['2025-03-03', '2025-03-05', A]]));
    events.push(tilfeller(10, [['2024-03-04', '2024-03-24', A]]));
    // Person 11 at B (kommune 3001, not the team's); person 12 at C (the team's, kommune 3002 after the correction).
    events.push(tilfeller(11, [['2025-03-03', '2025-03-09', B]]), sickNote(11, B, '2025-03-03', '2025-03-09'));
    events.push(tilfeller(12, [['2025-03-03', '2025-03-16', C]]), sickNote(12, C, '2025-03-03', '2025-03-16'));

    // Aktivitetskrav in enhet 0600, deadline 2025-03-02 (start 2025-01-06 + 8 w − 1): persons 21–26.
    const ak = (n: number, state: MilestoneChanged['state'], changedOn: string) => [
      milestone(n, 'AKTIVITETSKRAV', '2025-01-06', '2025-03-02', 'DUE', null, '2025-03-02'),
      ...(state === 'DUE' ? [] : [milestone(n, 'AKTIVITETSKRAV', '2025-01-06', '2025-03-02', state, 'DUE', changedOn)]),
    ];
    events.push(...ak(21, 'DONE', '2025-03-01'), ...ak(22, 'DONE', '2025-03-02'), ...ak(23, 'EXEMPT', '2025-02-25'), ...ak(24, 'DONE', '2025-03-03'));
    events.push(...ak(25, 'OVERDUE', '2025-03-03'), ...ak(26, 'DUE', '2025-03-02'));
    // Dialogmøte 2 for only four persons: masked.
    for (let n = 27; n <= 30; n += 1) events.push(milestone(n, 'DIALOGMOTE_2', '2024-09-02', '2025-03-02', 'DONE', 'DUE', '2025-02-20'));
    // Oppfølgingsplan: person 31's tilfelle start moved from 01-06 to 01-02 (a late note); triage moves the milestone
    // without an event, so its next change arrives under the new start and the old row must not count twice.
    events.push(milestone(31, 'OPPFOLGINGSPLAN', '2025-01-06', '2025-02-02', 'DUE', null, '2025-01-10'));
    events.push(milestone(31, 'OPPFOLGINGSPLAN', '2025-01-02', '2025-01-29', 'DONE', 'DUE', '2025-01-28'));
    for (let n = 32; n <= 35; n += 1) events.push(milestone(n, 'OPPFOLGINGSPLAN', '2025-01-06', '2025-02-02', 'DONE', 'DUE', '2025-01-30'));

    // SF-SP2 screening of persons 41–45: all sent on 2025-02-18; 41–43 score low (MI call), 44 high, 45 has not answered.
    for (let n = 41; n <= 45; n += 1) {
      const item = randomUUID();
      events.push(decision(n, 'SEND_QUESTIONNAIRE', 'SEND', '2025-02-17'));
      events.push(workItem(item, n, 'SCREENING_SF_SP2', 'OPENED', 'OPEN', '2025-02-17'), workItem(item, n, 'SCREENING_SF_SP2', 'COMPLETED', 'COMPLETED', '2025-02-18'));
      events.push(decision(n, 'AWAITING_ANSWER', 'AWAITING', '2025-02-18'));
    }
    const answers = [decision(41, 'MI_CALL', 'S1', '2025-02-25'), decision(42, 'MI_CALL', 'S1', '2025-02-25'), decision(43, 'MI_CALL', 'S1', '2025-02-26'), decision(44, 'NO_FOLLOW_UP', 'S3', '2025-02-26')];
    events.push(...answers);
    for (const n of [41, 42, 43]) {
      const item = randomUUID();
      events.push(workItem(item, n, 'MI_CALL', 'OPENED', 'OPEN', '2025-02-26'));
      if (n !== 43) events.push(workItem(item, n, 'MI_CALL', 'COMPLETED', 'COMPLETED', '2025-03-03'));
    }
    // Aktivitetskrav items for persons 25 (overdue since 03-02) and 26 (due 03-12), taken by Z000001; one item closed.
    const [ak25, ak26, closed] = [randomUUID(), randomUUID(), randomUUID()];
    const statutory = { statutory: true, veileder: 'Z000001' };
    events.push(workItem(ak25, 25, 'AKTIVITETSKRAV', 'OPENED', 'OPEN', '2025-02-24', { statutory: true, dueDate: '2025-03-02' }));
    events.push(workItem(ak25, 25, 'AKTIVITETSKRAV', 'TAKEN', 'OPEN', '2025-02-25', { ...statutory, dueDate: '2025-03-02' }));
    events.push(workItem(ak26, 26, 'AKTIVITETSKRAV', 'OPENED', 'OPEN', '2025-03-05', { ...statutory, dueDate: '2025-03-12' }));
    events.push(workItem(closed, 24, 'AKTIVITETSKRAV', 'OPENED', 'OPEN', '2025-02-24', { statutory: true, dueDate: '2025-03-02' }));
    events.push(workItem(closed, 24, 'AKTIVITETSKRAV', 'CLOSED', 'CLOSED', '2025-03-03', { statutory: true, dueDate: '2025-03-02' }));

    await it_.publish(events);
    redelivered = [events.find((event) => event.topic === 'intake.sick-note.v1' && event.key === person(1) && JSON.stringify(event.envelope).includes('"grade":20'))!, answers[0]!];
  });

  afterAll(() => it_.stop());

  it('counts open cases per week against the same week last year; a stale tilfelle revision is ignored and 4 persons are masked', async () => {
    const response = await series({ baselineMode: BaselineMode.BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR });
    expect(response).toMatchObject({ unit: 'OPEN_CASE_UNIT_VIRKSOMHET', code: A, baselineMode: BaselineMode.BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR });
    expect(figures(response)).toEqual([
      // Persons 1–8; person 1 at 20 %: 7 + 0.2. (8 − 10) / 10 = −20 %.
      ['2025-W10', 8, 7.2, false, '2024-W10', 10, false, -20],
      // Persons 1–5: 4 + 0.2. (5 − 10) / 10 = −50 %.
      ['2025-W11', 5, 4.2, false, '2024-W11', 10, false, -50],
      // Persons 1–4 only (person 5's stale revision would have made it 5): masked.
      ['2025-W12', null, null, true, '2024-W12', 10, false, null],
    ]);
    expect(response.minimum).toEqual({ week: '2025-W11', changePercent: -50 });
    expect(response.latest).toEqual({ week: '2025-W11', changePercent: -50 });
    expect(response.meanChangePercent).toBe(-35);
    expect(response.weeksInMean).toBe(2);
  });

  it('offers a fixed reference week and the mean of a reference period as baselines', async () => {
    const fixed = await series({ baselineMode: BaselineMode.BASELINE_MODE_FIXED_REFERENCE_WEEK, referenceWeek: '2024-W11' });
    expect(figures(fixed).map((row) => [row[0], row[4], row[5], row[7]])).toEqual([
      ['2025-W10', '2024-W11', 10, -20],
      ['2025-W11', '2024-W11', 10, -50],
      ['2025-W12', '2024-W11', 10, null],
    ]);
    expect(fixed.referenceWeek).toBe('2024-W11');

    // 2024-W09..W11 count 0, 10 and 10: mean 20 / 3 = 6.67, shown because its largest week rests on 10.
    const mean = await series({ baselineMode: BaselineMode.BASELINE_MODE_REFERENCE_PERIOD_MEAN, referenceFromWeek: '2024-W09', referenceToWeek: '2024-W11' });
    expect(figures(mean).map((row) => [row[0], row[4], row[5], row[7]])).toEqual([
      // (8 × 3 − 20) / 20 = +20 %; (5 × 3 − 20) / 20 = −25 %
      ['2025-W10', '', 6.67, 20],
      ['2025-W11', '', 6.67, -25],
      ['2025-W12', '', 6.67, null],
    ]);
    expect(mean.meanChangePercent).toBe(-2.5);
  });

  it('counts a kommune (its registered employers, as corrected) and a team (its employers)', async () => {
    const kommune = await series({ unit: OpenCaseUnit.OPEN_CASE_UNIT_KOMMUNE, code: '3001', baselineMode: BaselineMode.BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR });
    // A and B: W10 persons 1–8 and 11; W11 persons 1–5 (C moved to 3002, so person 12 is not here).
    expect(kommune.weeks.map((week) => week.count ?? null)).toEqual([9, 5, null]);
    const team = await series({ unit: OpenCaseUnit.OPEN_CASE_UNIT_TEAM, code: TEAM, baselineMode: BaselineMode.BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR });
    // A and C: W10 persons 1–8 and 12; W11 persons 1–5 and 12.
    expect(team.weeks.map((week) => week.count ?? null)).toEqual([9, 6, null]);
  });

  it('a later revision puts the fifth person back in week 12, and five persons are shown', async () => {
    await it_.publish([tilfeller(5, [['2024-03-04', '2024-03-24', A], ['2025-03-03', '2025-03-23', A]], 3)]);
    const response = await series({ baselineMode: BaselineMode.BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR });
    // (5 − 10) / 10 = −50 % in W12 too; mean (−20 − 50 − 50) / 3 = −40 %.
    expect(figures(response)[2]).toEqual(['2025-W12', 5, 4.2, false, '2024-W12', 10, false, -50]);
    expect(response.latest).toEqual({ week: '2025-W12', changePercent: -50 });
    expect(response.meanChangePercent).toBe(-40);
  });

  it('reports deadline compliance per enhet, masked under five, with a moved tilfelle counted once', async () => {
    const response = await it_.call<statisticsFollowUpV1.GetDeadlineComplianceResponse>('GetDeadlineCompliance', { enhet: '0600', from: '2025-01-01', to: '2025-03-31' });
    expect(response.rows.map((row) => ({ ...row, due: row.due ?? null, metOnTimePercent: row.metOnTimePercent ?? null }))).toEqual([
      // Person 31 under its new start and persons 32–35: all on time.
      { enhet: '0600', milestone: 'OPPFOLGINGSPLAN', byWeek: 4, due: 5, metOnTime: 5, exempted: 0, late: 0, overdue: 0, pending: 0, metOnTimePercent: 100, masked: false },
      // 21 (day before), 22 (on the day) and 23 (exempt) met; 24 late; 25 overdue; 26 pending: 3 of 5 settled.
      { enhet: '0600', milestone: 'AKTIVITETSKRAV', byWeek: 8, due: 6, metOnTime: 3, exempted: 1, late: 1, overdue: 1, pending: 1, metOnTimePercent: 60, masked: false },
      { enhet: '0600', milestone: 'DIALOGMOTE_2', byWeek: 26, due: null, metOnTimePercent: null, masked: true },
    ]);
  });

  it('reports the screening funnel of a rule set and period', async () => {
    const response = await it_.call<statisticsFollowUpV1.GetScreeningFunnelResponse>('GetScreeningFunnel', { ruleSet: 'SF-SP2', from: '2025-02-01', to: '2025-02-28' });
    // Sent 5 → answered 4 (80 %) → flagged 3 → contacted 2; the later shares rest on fewer than five and are withheld.
    expect(response).toMatchObject({ ruleSet: 'SF-SP2', sent: 5, answered: 4, flagged: 3, contacted: 2, flaggedWithoutAnswer: 0, answeredPercent: 80, masked: false });
    expect(response.flaggedPercent ?? null).toBeNull();
    expect(response.contactedPercent ?? null).toBeNull();
    // The day after they were sent: nobody in the cohort, so masked.
    const empty = await it_.call<statisticsFollowUpV1.GetScreeningFunnelResponse>('GetScreeningFunnel', { ruleSet: 'SF-SP2', from: '2025-02-19', to: '2025-02-28' });
    expect(empty.masked).toBe(true);
    expect(empty.sent ?? null).toBeNull();
  });

  it('reports open work items and caseload per enhet and veileder, overdue against the service clock', async () => {
    const response = await it_.call<statisticsFollowUpV1.GetWorkloadResponse>('GetWorkload', { enhet: '0600' });
    expect(response).toEqual({
      asOf: '2025-03-10',
      enheter: [
        {
          enhet: '0600',
          openItems: 3,
          persons: 3,
          overdue: 1,
          overdueStatutory: 1,
          byType: [
            { type: 'AKTIVITETSKRAV', open: 2, overdue: 1 },
            { type: 'MI_CALL', open: 1, overdue: 0 },
          ],
          veiledere: [
            { veileder: '', openItems: 1, persons: 1, overdue: 0, overdueStatutory: 0, byType: [{ type: 'MI_CALL', open: 1, overdue: 0 }] },
            { veileder: 'Z000001', openItems: 2, persons: 2, overdue: 1, overdueStatutory: 1, byType: [{ type: 'AKTIVITETSKRAV', open: 2, overdue: 1 }] },
          ],
        },
      ],
    });
  });

  it('applies a redelivered event once', async () => {
    await it_.publish(redelivered);
    for (const event of redelivered) {
      expect(await it_.sql('SELECT count(*)::int AS n FROM statistics.inbox_entry WHERE consumer_group = $1 AND event_id = $2', [GROUP, event.envelope.eventId])).toEqual([{ n: 1 }]);
    }
    expect(await it_.sql('SELECT count(*)::int AS n FROM statistics.fu_screening_decision')).toEqual([{ n: 14 }]);
    const response = await series({ baselineMode: BaselineMode.BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR });
    expect(figures(response).map((row) => [row[1], row[2]])).toEqual([
      [8, 7.2],
      [5, 4.2],
      [5, 4.2],
    ]);
    const funnel = await it_.call<statisticsFollowUpV1.GetScreeningFunnelResponse>('GetScreeningFunnel', { ruleSet: 'SF-SP2', from: '2025-02-01', to: '2025-02-28' });
    expect(funnel).toMatchObject({ sent: 5, answered: 4, flagged: 3 });
  });

  it('refuses bad requests with the field and the rule', async () => {
    const cases: [string, unknown, { field: string; reason: string }[]][] = [
      ['GetOpenCaseSeries', { unit: 'OPEN_CASE_UNIT_VIRKSOMHET', code: A, fromWeek: '2025-W10', toWeek: '2025-W12' }, [{ field: 'baseline_mode', reason: 'invalid_value' }]],
      [
        'GetOpenCaseSeries',
        { unit: 'OPEN_CASE_UNIT_VIRKSOMHET', code: A, fromWeek: '2025-W10', toWeek: '2025-W12', baselineMode: 'BASELINE_MODE_FIXED_REFERENCE_WEEK' },
        [{ field: 'reference_week', reason: 'baseline.reference_week_required' }],
      ],
      [
        'GetOpenCaseSeries',
        { unit: 'OPEN_CASE_UNIT_KOMMUNE', code: '301', fromWeek: '2025-W12', toWeek: '2025-W10', baselineMode: 'BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR' },
        [
          { field: 'code', reason: 'code.kommune' },
          { field: 'to_week', reason: 'week.order' },
        ],
      ],
      ['GetOpenCaseSeries', { unit: 'OPEN_CASE_UNIT_VIRKSOMHET', code: A, fromWeek: '2025-W53', toWeek: '2025-W12', baselineMode: 'BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR' }, [{ field: 'from_week', reason: 'iso_week.format' }]],
      ['GetScreeningFunnel', { ruleSet: 'XX', from: '2025-02-01', to: '2025-02-28' }, [{ field: 'rule_set', reason: 'invalid_value' }]],
      ['GetDeadlineCompliance', { from: '2025-01-01', to: '2026-01-02' }, [{ field: 'to', reason: 'period.span' }]],
    ];
    for (const [method, request, expected] of cases) {
      const error = await rejection(it_.call(method, request));
      expect(error.code).toBe(status.INVALID_ARGUMENT);
      expect(violations(error)).toEqual(expected);
    }
    const unknownTeam = await rejection(series({ unit: OpenCaseUnit.OPEN_CASE_UNIT_TEAM, code: randomUUID(), baselineMode: BaselineMode.BASELINE_MODE_SAME_WEEK_PREVIOUS_YEAR }));
    expect(unknownTeam.code).toBe(status.NOT_FOUND);
  });
});

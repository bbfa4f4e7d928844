import { randomUUID } from 'node:crypto';

import { status, type ServiceError } from '@grpc/grpc-js';
import { decodeBadRequest } from '@syfo/platform';
import {
  DEFAULT_ENVIRONMENT,
  ServiceProcess,
  deleteTopicsWithPrefix,
  eventually,
  grpcAddress,
  grpcClient,
  groupCaughtUp,
  httpBase,
  localService,
  prepareInfrastructure,
  recreateDatabase,
  syntheticOrgnr,
  syntheticPersonIdent,
  testKafka,
  withDatabase,
  TEST_PORT_OFFSETS,
} from '@syfo/testing';

jest.setTimeout(300_000);

// case-intake and statistics as real processes over real gRPC, Kafka and PostgreSQL, in their own namespace. Every
// fact reaches statistics the way it would in production: submitted to case-intake, published, consumed.
const env = { ...DEFAULT_ENVIRONMENT, database: 'syfo_statistics_it', portOffset: TEST_PORT_OFFSETS.statistics, topicPrefix: `stats-it-${randomUUID().slice(0, 8)}.` };
const kafka = testKafka(env.kafkaBrokers);
const HMAC_KEY = 'integration-test-export-key-0123456789';
const intake = new ServiceProcess(localService('case-intake'), env, { OUTBOX_POLL_INTERVAL_MS: '50' });
// A fixed window keeps the figures to 2025 whatever today is; refreshes are asked for, not waited for.
const statistics = new ServiceProcess(localService('statistics'), env, {
  STATISTICS_WINDOW: '2025-Q1..2025-Q4',
  STATISTICS_REFRESH_INTERVAL_MS: '3600000',
  EXPORT_HMAC_KEY: HMAC_KEY,
});
const intakeAddress = () => grpcAddress(localService('case-intake'), env);
const statisticsAddress = () => grpcAddress(localService('statistics'), env);
const TOPICS = ['intake.arbeidsforhold.v1', 'intake.sick-note.v1', 'intake.tilfelle-person.v1', 'intake.virksomhet.v1'];

// One hovedenhet with three nursing homes (87.101: bransje SYKEHJEM) in Bergen (4601: fylke 46, region vestland).
const H = syntheticOrgnr(50);
const A = syntheticOrgnr(51); // five persons, full time: shown
const B = syntheticOrgnr(52); // four persons: masked, fewer than five
const E = syntheticOrgnr(53); // five persons at 50 %: masked so that B cannot be had as a difference
const personsAt = (unit: number, count: number) => Array.from({ length: count }, (_, i) => syntheticPersonIdent(9100 + unit * 10 + i));
const AT_A = personsAt(1, 5);
const AT_B = personsAt(2, 4);
const AT_E = personsAt(3, 5);
const EVERYONE = [...AT_A, ...AT_B, ...AT_E];

interface Figure {
  source: string;
  publisher: string;
  level: string;
  code: string;
  quarters: string[];
  masked: boolean;
  maskReason: string;
  antallPersoner?: number;
  tapteDagsverk?: string;
  muligeDagsverk?: string;
  tapteDagsverkGradert?: string;
  prosent?: number;
  gradertProsent?: number;
  korttidProsent?: number;
  langtidProsent?: number;
}
interface Series {
  level: string;
  code: string;
  role: string;
  quarterly: Figure[];
  rolling: Figure[];
  trends: { source: string; unavailableReason: string }[];
}
interface UnitStatistics {
  latestQuarter: string;
  rollingQuarters: string[];
  series: Series[];
}

async function call<T>(api: 'case-intake' | 'statistics', service: string, method: string, request: unknown, metadata: Record<string, string> = {}): Promise<T> {
  const client = grpcClient(api, service, api === 'case-intake' ? intakeAddress() : statisticsAddress());
  try {
    return await client.call<T>(method, request, metadata);
  } finally {
    client.close();
  }
}

const submitVirksomhet = (orgnr: string, overrides: Record<string, unknown> = {}) =>
  call('case-intake', 'DocumentService', 'SubmitVirksomhet', { sourceSystem: 'it', sourceId: `v-${orgnr}`, orgnr, hovedenhetOrgnr: H, naeringskode: '87.101', sektor: 'SEKTOR_KOMMUNAL', kommunenummer: '4601', ...overrides });

const submitArbeidsforhold = (personIdent: string, orgnr: string, stillingsprosent: number) =>
  call('case-intake', 'DocumentService', 'SubmitArbeidsforhold', { sourceSystem: 'it', sourceId: `af-${personIdent}`, personIdent, orgnr, hovedenhetOrgnr: H, stillingsprosent, fom: '2025-01-01' });

function submitSickNote(sourceId: string, personIdent: string, fom: string, tom: string, grade?: number) {
  const period = grade === undefined ? { fom, tom, type: 'PERIOD_TYPE_FULL' } : { fom, tom, type: 'PERIOD_TYPE_GRADED', grade };
  return call('case-intake', 'SickNoteService', 'SubmitSickNote', { sourceSystem: 'it', sourceId, personIdent, orgnr: A, status: 'SICK_NOTE_STATUS_SENDT', issuedOn: fom, periods: [period] });
}

/** Until case-intake has published everything and statistics has consumed it, then publishes the masked figures. */
async function settled(): Promise<void> {
  await eventually(async () => expect(await sql<{ n: number }>('SELECT count(*)::int AS n FROM case_intake.outbox_message WHERE published_at IS NULL')).toEqual([{ n: 0 }]), {
    timeoutMs: 60_000,
    intervalMs: 100,
  });
  for (const topic of TOPICS) {
    await eventually(async () => expect(await groupCaughtUp(kafka, `${env.topicPrefix}statistics.intake-events`, `${env.topicPrefix}${topic}`)).toBe(true), { timeoutMs: 60_000, intervalMs: 200 });
  }
  await call('statistics', 'StatisticsAdminService', 'RefreshFigures', {});
}

const unitStatistics = (orgnr: string) => call<UnitStatistics>('statistics', 'SicknessStatisticsService', 'GetUnitStatistics', { orgnr });
const seriesOf = (statistics: UnitStatistics, level: string) => statistics.series.find((series) => series.level === level)!;
const computed = (series: Series, quarter: string) => series.quarterly.find((figure) => figure.source === 'FIGURE_SOURCE_COMPUTED' && figure.quarters.join() === quarter)!;

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return withDatabase(env, async (db) => (await db.query(text, params)).rows as T[]);
}

const liveRows = () => sql<Record<string, unknown>>('SELECT * FROM statistics.stat_aggregate ORDER BY quarter, level, code');

function getEmployerStatistics(orgnr: string, rights?: string): Promise<Response> {
  return fetch(`${httpBase(localService('statistics'), env)}/employer/v1/virksomheter/${orgnr}/statistics`, { headers: rights === undefined ? {} : { 'x-employer-rights': rights } });
}

beforeAll(async () => {
  await recreateDatabase(env);
  await prepareInfrastructure(env);
  await Promise.all([intake.start(), statistics.start()]);

  for (const orgnr of [A, B, E]) await submitVirksomhet(orgnr);
  await submitVirksomhet(H, { hovedenhetOrgnr: undefined });
  for (const person of AT_A) await submitArbeidsforhold(person, A, 100);
  for (const person of AT_B) await submitArbeidsforhold(person, B, 100);
  for (const person of AT_E) await submitArbeidsforhold(person, E, 50);
  await submitSickNote('note-a1', AT_A[0]!, '2025-02-03', '2025-02-14');
  await submitSickNote('note-a2', AT_A[1]!, '2025-03-03', '2025-03-07', 50);
  await submitSickNote('note-a3', AT_A[2]!, '2025-03-24', '2025-03-28');
  await submitSickNote('note-a4', AT_A[3]!, '2025-01-13', '2025-01-17');
  await settled();
});

afterAll(async () => {
  await Promise.all([intake.kill(), statistics.kill()]);
  await deleteTopicsWithPrefix(kafka, env.topicPrefix);
});

describe('quarterly statistics from case-intake’s events (handbook §9.1)', () => {
  it('computes a unit’s tapte and mulige dagsverk and its percentage exactly', async () => {
    // 2025-Q1 has 63 working days (1 Jan is a holiday; Easter falls in Q2). Five persons full time: 5 × 63 = 315 mulige.
    // Tapte: 3–14 Feb, 10 days; 3–7 Mar at 50 %, 2.5; 24–28 Mar, 5; 13–17 Jan, 5: 22.5.
    // 22.5 / 315 = 0.07142… → 0.071 → 7.1 %. Graded: 2.5 / 22.5 = 0.111… → 11.1 %. All tilfeller ≤ 16 days: korttid.
    const own = computed(seriesOf(await unitStatistics(A), 'VIRKSOMHET'), '2025-Q1');
    expect(own).toMatchObject({ masked: false, antallPersoner: 5, tapteDagsverk: '22.5', muligeDagsverk: '315', tapteDagsverkGradert: '2.5', prosent: 7.1, gradertProsent: 11.1 });
    expect(own).toMatchObject({ korttidProsent: 7.1, langtidProsent: 0 });
  });

  it('shows five persons and masks four, and masks a sibling that would give the four away (§9.1 masking)', async () => {
    const quarter = (orgnr: string) => unitStatistics(orgnr).then((statistics) => computed(seriesOf(statistics, 'VIRKSOMHET'), '2025-Q1'));
    expect(await quarter(A)).toMatchObject({ masked: false, antallPersoner: 5 });
    const b = await quarter(B);
    expect(b).toMatchObject({ masked: true, maskReason: 'FEWER_THAN_FIVE_PERSONS' });
    expect([b.antallPersoner, b.tapteDagsverk, b.muligeDagsverk, b.prosent]).toEqual([undefined, undefined, undefined, undefined]);
    // The overordnet enhet (14 persons) minus A would otherwise be B + E; E (5 persons, fewest mulige) goes too.
    expect(await quarter(E)).toMatchObject({ masked: true, maskReason: 'DIFFERENCE_DISCLOSURE' });
    const overordnet = computed(seriesOf(await unitStatistics(A), 'OVERORDNET_ENHET'), '2025-Q1');
    // 5 × 63 + 4 × 63 + 5 × 31.5 = 724.5 mulige.
    expect(overordnet).toMatchObject({ masked: false, antallPersoner: 14, muligeDagsverk: '724.5', tapteDagsverk: '22.5' });
  });

  it('gives the comparison levels: land, bransje, sektor, kommune, fylke and region, with their source', async () => {
    const statistics = await unitStatistics(A);
    expect(statistics.series.map((series) => `${series.role}:${series.level}:${series.code}`)).toEqual([
      `SERIES_ROLE_OWN:VIRKSOMHET:${A}`,
      `SERIES_ROLE_OWN:OVERORDNET_ENHET:${H}`,
      'SERIES_ROLE_COMPARISON:LAND:NO',
      'SERIES_ROLE_COMPARISON:BRANSJE:SYKEHJEM',
      'SERIES_ROLE_COMPARISON:SEKTOR:KOMMUNAL',
      'SERIES_ROLE_COMPARISON:KOMMUNE:4601',
      'SERIES_ROLE_COMPARISON:FYLKE:46',
      'SERIES_ROLE_COMPARISON:NAV_REGION:vestland',
    ]);
    for (const series of statistics.series) for (const figure of [...series.quarterly, ...series.rolling]) expect(figure.source).toBe('FIGURE_SOURCE_COMPUTED');
    expect(statistics.latestQuarter).toBe('2025-Q4');
    expect(statistics.rollingQuarters).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    // A year before 2025-Q4 is outside the window: no trend, and it says why.
    expect(seriesOf(statistics, 'BRANSJE').trends).toEqual([expect.objectContaining({ source: 'FIGURE_SOURCE_COMPUTED', unavailableReason: 'MISSING_QUARTER' })]);
  });

  it('moves a corrected note across the quarter boundary and takes a cancelled one away', async () => {
    await submitSickNote('note-a3', AT_A[2]!, '2025-04-01', '2025-04-04'); // a correction: 24–28 Mar becomes 1–4 Apr
    await call('case-intake', 'DocumentService', 'CancelDocument', { sourceSystem: 'it', sourceId: 'note-a4', kind: 'DOCUMENT_KIND_SICK_NOTE', reason: 'sent by mistake' });
    await settled();
    const own = seriesOf(await unitStatistics(A), 'VIRKSOMHET');
    // Q1: 22.5 − 5 (moved) − 5 (cancelled) = 12.5 of 315 → 0.0396… → 0.040 → 4.0 %.
    expect(computed(own, '2025-Q1')).toMatchObject({ tapteDagsverk: '12.5', muligeDagsverk: '315', prosent: 4 });
    // Q2 (59 working days: Easter, 1 May, Ascension, Whit Monday): 4 of 5 × 59 = 295 → 0.01355… → 0.014 → 1.4 %.
    expect(computed(own, '2025-Q2')).toMatchObject({ tapteDagsverk: '4', muligeDagsverk: '295', prosent: 1.4 });
    // Rolling: sums first, then divides: 16.5 of 5 × (63 + 59 + 66 + 64) = 1260 → 0.01309… → 0.013 → 1.3 %.
    expect(own.rolling).toEqual([expect.objectContaining({ source: 'FIGURE_SOURCE_COMPUTED', quarters: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], tapteDagsverk: '16.5', muligeDagsverk: '1260', prosent: 1.3 })]);
    // The operational counts: four new notes at A, one withdrawn; the correction changes nothing.
    const counts = await call<{ totalSickNotes: string }>('statistics', 'IntakeCountsService', 'GetIntakeCounts', { orgnr: A });
    expect(counts.totalSickNotes).toBe('3');
  });

  it('answers employers only for their own virksomhet, and never with a person (§9.1, §10.3)', async () => {
    expect((await getEmployerStatistics(A)).status).toBe(403);
    expect((await getEmployerStatistics(A, `${B},${E}`)).status).toBe(403);
    expect((await getEmployerStatistics('123456789', A)).status).toBe(400);

    const response = await getEmployerStatistics(A, A);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { orgnr: string; kvartal: string; serier: { level: string; quarterly: { quarters: string[]; source: string; tapteDagsverk: string; prosent: number }[] }[] };
    expect(body.orgnr).toBe(A);
    expect(body.kvartal).toBe('2025-Q4');
    // Without the hovedenhet's right, no overordnet enhet.
    expect(body.serier.map((series) => series.level)).toEqual(['VIRKSOMHET', 'LAND', 'BRANSJE', 'SEKTOR', 'KOMMUNE', 'FYLKE', 'NAV_REGION']);
    expect(body.serier[0]!.quarterly.find((figure) => figure.quarters[0] === '2025-Q1')).toMatchObject({ source: 'COMPUTED', tapteDagsverk: '12.5', prosent: 4 });
    const text = JSON.stringify(body);
    for (const person of EVERYONE) expect(text).not.toContain(person);
    expect(text).not.toMatch(/person_?ident|fodselsnummer/i);

    const withHovedenhet = (await (await getEmployerStatistics(A, `${A},${H}`)).json()) as { serier: { level: string }[] };
    expect(withHovedenhet.serier.map((series) => series.level)).toContain('OVERORDNET_ENHET');
    const masked = (await (await getEmployerStatistics(B, B)).json()) as { serier: { level: string; quarterly: { erMaskert: boolean; tapteDagsverk: string | null; antallPersoner: number | null }[] }[] };
    expect(masked.serier[0]!.quarterly[0]).toMatchObject({ erMaskert: true, tapteDagsverk: null, antallPersoner: null });
  });

  it('imports published aggregates strictly and shows them beside the computed ones, tagged PUBLISHED', async () => {
    const header = 'source,year,quarter,level,code,tapteDagsverk,muligeDagsverk,antallPersoner';
    const broken = [header, 'NAV,2025,4,LAND,NO,123.4,2345.6,1000', 'NAV,2025,5,LAND,NO,1,2,3', 'NAV,2025,4,BRANSJE,SYKEHJEM,9.5,5,10'].join('\n');
    const error = (await call('statistics', 'SicknessStatisticsService', 'ImportPublishedAggregates', { csv: broken, reason: 'SSB 2025-Q4' }).catch((e: ServiceError) => e)) as ServiceError;
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    const violations = decodeBadRequest(error.metadata.get('grpc-status-details-bin')[0] as Buffer);
    expect(violations.map((violation) => `${violation.field} ${violation.reason}`)).toEqual(['csv.line[3].quarter published.format', 'csv.line[4].tapte_dagsverk published.tapte_exceeds_mulige']);

    // The handbook's example: 123.4 / 2345.6 = 0.05261 → 0.053 → 5.3 %.
    const good = [header, 'NAV,2025,4,LAND,NO,123.4,2345.6,1000', 'NAV,2025,4,BRANSJE,SYKEHJEM,3,100,4'].join('\n');
    expect(await call('statistics', 'SicknessStatisticsService', 'ImportPublishedAggregates', { csv: good, reason: 'NAV 2025-Q4' }, { 'x-actor': 'Z990001' })).toMatchObject({ rows: 2 });
    const statistics = await unitStatistics(A);
    const land = seriesOf(statistics, 'LAND').quarterly.filter((figure) => figure.quarters[0] === '2025-Q4');
    expect(land.map((figure) => [figure.source, figure.publisher, figure.masked])).toEqual([
      ['FIGURE_SOURCE_COMPUTED', '', false],
      ['FIGURE_SOURCE_PUBLISHED', 'NAV', false],
    ]);
    expect(land[1]).toMatchObject({ prosent: 5.3, antallPersoner: 1000, tapteDagsverk: '123.4' });
    // Published figures are masked like computed ones: four persons.
    expect(seriesOf(statistics, 'BRANSJE').quarterly.find((figure) => figure.source === 'FIGURE_SOURCE_PUBLISHED')).toMatchObject({ masked: true, maskReason: 'FEWER_THAN_FIVE_PERSONS' });
  });

  it('reclassifies a unit’s persons when the register changes', async () => {
    await submitVirksomhet(A, { kommunenummer: '0301' }); // a correction: A moves to Oslo
    await settled();
    const kommuner = (await liveRows()).filter((row) => row.level === 'KOMMUNE' && row.quarter === '2025-Q1').map((row) => [row.code, row.antall_personer]);
    expect(kommuner).toEqual([
      ['0301', 5],
      ['4601', 9],
    ]);
    expect(seriesOf(await unitStatistics(A), 'NAV_REGION').code).toBe('oslo');
  });

  it('keeps exactly the rows a full recomputation from every person’s facts gives', async () => {
    const incremental = await liveRows();
    expect(incremental.length).toBeGreaterThan(0);
    const report = await call<{ persons: string; personsChanged: string; rows: string; rowsChanged: string }>('statistics', 'StatisticsAdminService', 'RecomputeAll', { reason: 'integration test' });
    expect(report).toMatchObject({ persons: String(EVERYONE.length), personsChanged: '0', rowsChanged: '0', rows: String(incremental.length) });
    expect(await liveRows()).toEqual(incremental);
  });

  it('exports figures masked, and persons only pseudonymised, only at shown units, and audited', async () => {
    const figures = await call<{ csv: string }>('statistics', 'SicknessStatisticsService', 'ExportStatistics', { fromQuarter: '2025-Q1', toQuarter: '2025-Q1', purpose: 'integration test' });
    const lines = figures.csv.trim().split('\n');
    expect(lines[0]).toBe('year,quarter,level,code,erMaskert,maskReason,antallPersoner,tapteDagsverk,muligeDagsverk,tapteDagsverkGradert,prosent');
    expect(lines).toContain(`2025,1,VIRKSOMHET,${B},true,FEWER_THAN_FIVE_PERSONS,,,,,`);
    expect(lines).toContain(`2025,1,VIRKSOMHET,${A},false,,5,12.5,315,2.5,4`);

    const exported = await call<{ csv: string; persons: number; nextPageToken: string }>(
      'statistics',
      'SicknessStatisticsService',
      'ExportPseudonymised',
      { project: 'it-eval', purpose: 'DPIA-2025-17 evaluation', fromQuarter: '2025-Q1', toQuarter: '2025-Q4' },
      { 'x-actor': 'Z990002' },
    );
    // Only A's five persons: B and E are masked in every quarter.
    expect(exported.persons).toBe(5);
    const rows = exported.csv.trim().split('\n').slice(1);
    expect(new Set(rows.map((row) => row.split(',')[3]))).toEqual(new Set([A]));
    expect(new Set(rows.map((row) => row.split(',')[0])).size).toBe(5);
    for (const row of rows) expect(row.split(',')[0]).toMatch(/^[0-9a-f]{64}$/);
    for (const person of EVERYONE) expect(exported.csv).not.toContain(person);
    const audited = await sql<{ person_ident: string; actor: string; action: string }>("SELECT person_ident, actor, action FROM statistics.audit_log WHERE resource = 'statistics:pseudonymised:it-eval'");
    expect(audited.map((row) => row.person_ident).sort()).toEqual([...AT_A].sort());
    expect(new Set(audited.map((row) => `${row.actor} ${row.action}`))).toEqual(new Set(['Z990002 export']));
  });
});

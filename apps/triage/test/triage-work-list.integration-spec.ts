import { randomUUID } from 'node:crypto';

import { status, type ServiceError } from '@grpc/grpc-js';
import type { ScreeningDecided, Stoppunkt1Demand, triageWorkListV1 } from '@syfo/contracts';
import { decodeBadRequest } from '@syfo/platform';
import { syntheticOrgnr, syntheticPersonIdent, TEST_PORT_OFFSETS } from '@syfo/testing';

import { compareWorkItems } from '../src/work-items/work-item.priority';
import { tilfelle, TriageHarness } from './triage.harness';

jest.setTimeout(300_000);

type WorkItem = triageWorkListV1.WorkItem;
const X = syntheticOrgnr(21);
const Y = syntheticOrgnr(22);
const Z = syntheticOrgnr(23);
const person = (n: number) => syntheticPersonIdent(9300 + n);

function violations(error: ServiceError): { field: string; reason: string }[] {
  return decodeBadRequest(error.metadata.get('grpc-status-details-bin')[0] as Buffer).map(({ field, reason }) => ({ field, reason }));
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  return promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (error: ServiceError) => error,
  );
}

describe('work lists and screening (Vest-Viken profile)', () => {
  const triage = new TriageHarness('triage-wl-it', 'vest-viken', TEST_PORT_OFFSETS.triageWorkList, '2025-01-01');
  const list = (request: Partial<triageWorkListV1.ListWorkItemsRequest>) =>
    triage.call<triageWorkListV1.ListWorkItemsResponse>('WorkListService', 'ListWorkItems', { purpose: 'integration test', ...request });

  beforeAll(async () => {
    await triage.start();
    await triage.day('2025-01-06');
    // Eight persons whose tilfeller began the same Monday: full and graded, long and short, two employers.
    for (let n = 1; n <= 8; n += 1) {
      const graded = n % 4 === 0;
      await triage.tilfeller(person(n), [tilfelle('2025-01-06', n === 8 ? '2025-02-20' : '2025-06-30', [n % 2 === 0 ? X : Y], { gradertAtTilfelleEnd: graded })], '2025-01-06');
    }
    // One more, three weeks later, so the list has more than one tilfelle week.
    await triage.tilfeller(person(9), [tilfelle('2025-01-27', '2025-06-30', [Y])], '2025-01-06');
    // History: a long tilfelle that ended months before triage heard of it.
    await triage.tilfeller(person(10), [tilfelle('2024-01-08', '2024-09-30', [X])], '2025-01-06');
    for (const day of ['2025-02-01', '2025-03-01', '2025-03-04']) await triage.day(day);
  });

  afterAll(() => triage.stop());

  it("lists an enhet's open items in the handbook's priority order, with filters and paging, and audits every person shown", async () => {
    const all = await list({ enhet: '0600', pageSize: 500 });
    const types = new Set(all.items.map((item) => item.type));
    expect(types).toEqual(new Set(['AKTIVITETSKRAV', 'SCREENING_VV_MS']));
    // Seven are still sick at 8 weeks (person 8 recovered, person 9 started later). All seven are screened,
    // whatever their grade; aktivitetskrav is met automatically for the graded one (person 4).
    expect(all.items.filter((item) => item.type === 'SCREENING_VV_MS')).toHaveLength(7);
    expect(all.items.filter((item) => item.type === 'AKTIVITETSKRAV')).toHaveLength(6);
    expect(all.totalCount).toBe(all.items.length);
    const sorted = [...all.items]
      .map((item) => ({ ...item, dueDate: item.dueDate || null, tilfelleStart: item.tilfelleStart, createdAt: new Date(item.createdAt), priority: item.priority as 'MAP' }))
      .sort(compareWorkItems('2025-03-04'));
    expect(all.items.map((item) => item.id)).toEqual(sorted.map((item) => item.id));
    expect(all.items[0]).toMatchObject({ type: 'AKTIVITETSKRAV', statutory: true, tilfelleWeek: 9 });

    const pages: WorkItem[] = [];
    let token = '';
    do {
      const page = await list({ enhet: '0600', pageSize: 3, pageToken: token });
      pages.push(...page.items);
      token = page.nextPageToken;
    } while (token !== '');
    expect(pages.map((item) => item.id)).toEqual(all.items.map((item) => item.id));

    expect((await list({ enhet: '0600', types: ['AKTIVITETSKRAV'], pageSize: 500 })).items.every((item) => item.type === 'AKTIVITETSKRAV')).toBe(true);
    expect((await list({ enhet: '0600', orgnr: X, pageSize: 500 })).items.every((item) => item.orgnr === X)).toBe(true);
    expect((await list({ enhet: '0600', maxWeek: 6, pageSize: 500 })).items.map((item) => item.tilfelleWeek)).toEqual([]);
    expect((await list({ enhet: '0600', overdueOnly: true, pageSize: 500 })).items).toEqual([]);
    expect((await list({ enhet: '0700', pageSize: 500 })).items).toEqual([]);

    const audited = await triage.sql(`SELECT count(DISTINCT person_ident)::int AS n FROM triage.audit_log WHERE resource = 'work-list' AND actor = 'Z990042'`);
    expect(audited[0]!['n']).toBe(new Set(all.items.map((item) => item.personIdent)).size);
  });

  it('records the milestones of a tilfelle that ended long ago, but gives nobody work for it', async () => {
    const followUp = await triage.call<{ milestones: { type: string; state: string }[] }>('FollowUpService', 'GetPersonFollowUp', { personIdent: person(10), purpose: 'integration test' });
    expect(followUp.milestones.find((milestone) => milestone.type === 'AKTIVITETSKRAV')?.state).toBe('OVERDUE');
    expect(await triage.sql('SELECT id FROM triage.work_item WHERE person_ident = $1', [person(10)])).toEqual([]);
  });

  it('names the field and the rule when a list request is wrong', async () => {
    const error = await rejection(list({ pageSize: 10 }));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(violations(error)).toEqual([{ field: 'enhet', reason: 'work_list.one_owner' }]);
  });

  it('moves all of a person\'s items with a take and a handover, and keeps the history', async () => {
    const [item] = (await list({ enhet: '0600', orgnr: Y, types: ['AKTIVITETSKRAV'], pageSize: 1 })).items;
    const taken = await triage.call<{ item: WorkItem }>('WorkListService', 'TakeWorkItem', { workItemId: item!.id, veileder: 'A123456' });
    expect(taken.item.veileder).toBe('A123456');
    const mine = await list({ veileder: 'A123456', pageSize: 50 });
    expect(new Set(mine.items.map((candidate) => candidate.personIdent))).toEqual(new Set([item!.personIdent]));
    expect(mine.items.length).toBe(2); // aktivitetskrav and the screening draft

    const refused = await rejection(triage.call('WorkListService', 'HandOverWorkItem', { workItemId: item!.id, toVeileder: 'B654321', reason: '' }));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(violations(refused).map((violation) => violation.field)).toEqual(['reason']);
    await triage.call('WorkListService', 'HandOverWorkItem', { workItemId: item!.id, toVeileder: 'B654321', reason: 'ferie' });
    expect((await list({ veileder: 'A123456', pageSize: 50 })).items).toEqual([]);
    expect((await list({ veileder: 'B654321', pageSize: 50 })).items).toHaveLength(2);
    const history = await triage.sql('SELECT veileder, reason FROM triage.person_assignment_history WHERE person_ident = $1 ORDER BY id', [item!.personIdent]);
    expect(history.map((row) => row['veileder'])).toEqual(['A123456', 'B654321']);
  });

  it('exempts aktivitetskrav with an allowed reason, refuses one the milestone does not allow', async () => {
    const [item] = (await list({ enhet: '0600', orgnr: X, types: ['AKTIVITETSKRAV'], pageSize: 1 })).items;
    const refused = await rejection(triage.call('WorkListService', 'ExemptWorkItem', { workItemId: item!.id, reasonCode: 'AAPENBART_UNODVENDIG', text: 'ikke nødvendig' }));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(violations(refused)).toEqual([{ field: 'reason_code', reason: 'AAPENBART_UNODVENDIG_ONLY_PLAN_DM1_DM2' }]);

    const exempted = await triage.call<{ item: WorkItem }>('WorkListService', 'ExemptWorkItem', { workItemId: item!.id, reasonCode: 'MEDISINSKE_GRUNNER', text: 'innlagt' });
    expect(exempted.item.state).toBe('EXEMPTED');
    const followUp = await triage.call<{ milestones: { type: string; state: string; resolutionReason: string; resolvedBy: string }[] }>('FollowUpService', 'GetPersonFollowUp', {
      personIdent: item!.personIdent,
      purpose: 'integration test',
    });
    expect(followUp.milestones.find((milestone) => milestone.type === 'AKTIVITETSKRAV')).toMatchObject({ state: 'EXEMPT', resolutionReason: 'MEDISINSKE_GRUNNER', resolvedBy: 'Z990042' });
  });

  it('screens at 8 weeks: the veileder sends the drafted questionnaire, the answer maps, and the decision shows why', async () => {
    const subject = person(3);
    const [draft] = (await list({ enhet: '0600', types: ['SCREENING_VV_MS'], pageSize: 100 })).items.filter((item) => item.personIdent === subject);
    expect(draft).toMatchObject({ messageTemplate: 'VV_MS_QUESTIONNAIRE' });
    await triage.call('WorkListService', 'CompleteWorkItem', { workItemId: draft!.id, reason: 'sendt i Modia' });
    await triage.day('2025-03-05');
    await triage.publish(
      'intake.screening-answer.v1',
      'intake.screening-answer',
      subject,
      { answerId: randomUUID(), personIdent: subject, answeredAt: '2025-03-05T09:00:00Z', version: 1, cancelled: false, questionnaire: 'VV_MS_8W', q1: '1:3', q2: '2:1', q3: '3:1', q3UnsureReason: null, optOut: false },
      '2025-03-05',
    );
    const followUp = await triage.call<{ decisions: { outcome: string; rule: string; trace: { rule: string; matched: boolean }[]; inputsJson: string }[] }>(
      'FollowUpService',
      'GetPersonFollowUp',
      { personIdent: subject, purpose: 'integration test' },
    );
    expect(followUp.decisions.map((decision) => decision.outcome)).toEqual(['SEND_QUESTIONNAIRE', 'AWAITING_ANSWER', 'MAP']);
    const map = followUp.decisions.at(-1)!;
    expect(map.rule).toBe('R1');
    expect(map.trace.at(-1)).toMatchObject({ rule: 'R1', matched: true });
    expect(JSON.parse(map.inputsJson)).toMatchObject({ answer: { q1: '1:3' } });
    expect(map.inputsJson).not.toMatch(/\d{11}/);
    const invite = (await list({ enhet: '0600', types: ['MAPPING_INVITE'], pageSize: 10 })).items;
    expect(invite).toEqual([expect.objectContaining({ personIdent: subject, priority: 'MAP', messageTemplate: 'VV_MS_MAPPING_INVITE' })]);
    const published = await triage.published<ScreeningDecided>('triage.decision.v1');
    expect(published.filter((decision) => decision.personIdent === subject).map((decision) => decision.outcome)).toEqual(['SEND_QUESTIONNAIRE', 'AWAITING_ANSWER', 'MAP']);
  });

  it('sets "ikke aktuell nå" aside, and brings it back as a review when an oppfølgingsplan arrives', async () => {
    const subject = person(5);
    const [draft] = (await list({ enhet: '0600', types: ['SCREENING_VV_MS'], pageSize: 100 })).items.filter((item) => item.personIdent === subject);
    await triage.call('WorkListService', 'CompleteWorkItem', { workItemId: draft!.id, reason: 'sendt i Modia' });
    await triage.publish(
      'intake.screening-answer.v1',
      'intake.screening-answer',
      subject,
      { answerId: randomUUID(), personIdent: subject, answeredAt: '2025-03-05T10:00:00Z', version: 1, cancelled: false, questionnaire: 'VV_MS_8W', q1: '1:1', q2: '2:1', q3: '3:1', q3UnsureReason: null, optOut: false },
      '2025-03-05',
    );
    const reviews = async () => (await list({ enhet: '0600', types: ['TRIAGE_REVIEW'], pageSize: 10 })).items.map((item) => item.personIdent);
    expect(await reviews()).toEqual([]);
    await triage.publish(
      'intake.oppfolgingsplan.v1',
      'intake.oppfolgingsplan',
      subject,
      { planId: randomUUID(), personIdent: subject, orgnr: Y, createdOn: '2025-03-05', evaluationDate: null, sharedWithNav: true, needsAssistanceFromNav: false, version: 1, cancelled: false },
      '2025-03-05',
    );
    expect(await reviews()).toEqual([subject]);
    const followUp = await triage.call<{ decisions: { outcome: string; rule: string }[]; milestones: { type: string; state: string }[] }>('FollowUpService', 'GetPersonFollowUp', {
      personIdent: subject,
      purpose: 'integration test',
    });
    expect(followUp.decisions.at(-1)).toMatchObject({ outcome: 'IKKE_AKTUELL_NA', rule: 'N1' });
    expect(followUp.milestones.find((milestone) => milestone.type === 'OPPFOLGINGSPLAN')?.state).toBe('DONE');
  });
});

describe('stoppunkt 1 (Sunnfjord profile): employer-level demand, no personal data', () => {
  const triage = new TriageHarness('triage-sp1-it', 'vestland', TEST_PORT_OFFSETS.triageSunnfjord, '2025-01-01');

  beforeAll(async () => {
    await triage.start();
    await triage.day('2025-01-06');
    // Two at X at 100 % (concurrent: escalate), one at Y (call), one graded at Z (not a candidate).
    await triage.tilfeller(person(11), [tilfelle('2025-01-06', '2025-04-30', [X])], '2025-01-06');
    await triage.tilfeller(person(12), [tilfelle('2025-01-07', '2025-04-30', [X])], '2025-01-06');
    await triage.tilfeller(person(13), [tilfelle('2025-01-08', '2025-03-20', [Y])], '2025-01-06');
    await triage.tilfeller(person(14), [tilfelle('2025-01-06', '2025-04-30', [Z], { gradertAtTilfelleEnd: true })], '2025-01-06');
    for (const day of ['2025-02-01', '2025-02-17', '2025-02-23', '2025-02-24', '2025-03-03']) await triage.day(day);
    // A second employee at Y passes 6 weeks later, after the first recovered: Y was called within 90 days,
    // so the call is suppressed (and with one sick at a time, not escalated).
    await triage.tilfeller(person(15), [tilfelle('2025-02-03', '2025-05-30', [Y])], '2025-03-03');
    for (const day of ['2025-03-17', '2025-03-24']) await triage.day(day);
  });

  afterAll(() => triage.stop());

  it('publishes one decision per employer on the Monday after the passage, suppressing a recent call', async () => {
    const demand = await triage.published<Stoppunkt1Demand>('triage.stoppunkt1-demand.v1');
    expect(demand.map(({ orgnr, batchDate, outcome, callTask }) => ({ orgnr, batchDate, outcome, callTask }))).toEqual([
      { orgnr: X, batchDate: '2025-02-24', outcome: 'ESCALATE_TO_ALS', callTask: true },
      { orgnr: Y, batchDate: '2025-02-24', outcome: 'CALL', callTask: true },
      { orgnr: Y, batchDate: '2025-03-24', outcome: 'SUPPRESSED', callTask: false },
    ]);
    expect(JSON.stringify(demand)).not.toMatch(/\d{11}/);
  });

  it('drafts the Sunnfjord job-expectation statement for the full-time sick, not the graded', async () => {
    const items = await triage.sql(`SELECT person_ident FROM triage.work_item WHERE type = 'SCREENING_SF_SP2' ORDER BY person_ident`);
    expect(items.map((row) => row['person_ident']).sort()).toEqual([person(11), person(12), person(13), person(15)].sort());
  });
});

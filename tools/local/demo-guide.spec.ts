import { DEFAULT_ENVIRONMENT } from '@syfo/testing';

import { bufCurlLine, whereToLook } from './demo-guide';

const env = { ...DEFAULT_ENVIRONMENT, portOffset: 0 };
const BUF = 'node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge';

describe('bufCurlLine', () => {
  it('posts a JSON body to the service, naming the caller when the read is audited', () => {
    expect(bufCurlLine(env, 'triage', 'syfo.triage.v1.WorkListService/ListWorkItems', { enhet: '0600', purpose: 'demo: the enhet work list' }, true)).toBe(
      `${BUF} -H 'x-actor: Z990042' -d '{"enhet":"0600","purpose":"demo: the enhet work list"}' http://127.0.0.1:50052/syfo.triage.v1.WorkListService/ListWorkItems`,
    );
    expect(bufCurlLine(env, 'statistics', 'syfo.statistics.v1.FollowUpFiguresService/GetWorkload', { enhet: '0600' })).toBe(
      `${BUF} -d '{"enhet":"0600"}' http://127.0.0.1:50053/syfo.statistics.v1.FollowUpFiguresService/GetWorkload`,
    );
  });
});

describe('whereToLook', () => {
  const guide = whereToLook(env, { firstDay: '2026-08-25', personIdent: '01017012345', orgnr: '910000022' }, '2026-11-23');

  it("shows one person's follow-up and one employer's open cases over the replayed weeks", () => {
    expect(guide).toContain(`-d '{"personIdent":"01017012345","purpose":"demo: one follow-up"}' http://127.0.0.1:50052/syfo.triage.v1.FollowUpService/GetPersonFollowUp`);
    // 25 August 2026 is in week 35; 23 November 2026 is the Monday of week 48.
    expect(guide).toContain(
      `-d '{"unit":"OPEN_CASE_UNIT_VIRKSOMHET","code":"910000022","fromWeek":"2026-W35","toWeek":"2026-W48","baselineMode":"BASELINE_MODE_FIXED_REFERENCE_WEEK","referenceWeek":"2026-W35"}'`,
    );
    expect(guide).toContain(`-d '{"orgnr":"910000022"}' http://127.0.0.1:50054/syfo.outreach.v1.AccountService/GetAccount`);
    expect(guide).toContain(`-d '{"status":"OPEN"}' http://127.0.0.1:50054/syfo.outreach.v1.CallTaskService/ListCallTasks`);
  });

  it('asks for deadline compliance over at most the 366 days the figures allow', () => {
    expect(guide).toContain(`'{"enhet":"0600","from":"2026-08-25","to":"2026-11-23"}'`);
    // Two years of history: from 23 November 2025, 365 days back.
    expect(whereToLook(env, { firstDay: '2024-11-23' }, '2026-11-23')).toContain(`'{"enhet":"0600","from":"2025-11-23","to":"2026-11-23"}'`);
  });

  it('leaves out the person and employer calls it has nobody for, and every call before a demo has run', () => {
    const bare = whereToLook(env, { firstDay: '2026-08-25' }, '2026-11-23');
    expect(bare).not.toContain('GetPersonFollowUp');
    expect(bare).not.toContain('GetOpenCaseSeries');
    expect(bare).toContain('ListWorkItems');
    const none = whereToLook(env, undefined, '2026-11-23');
    expect(none).not.toContain('ListWorkItems');
    expect(none).toContain('--list-services http://127.0.0.1:50052');
  });
});

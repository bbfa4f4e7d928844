import type { SickNoteSubmission } from '@syfo/contracts';

import { CalibrationAccumulator, calibrate, formatReport, type CalibrationReport } from './calibration';
import { SOURCE_SYSTEM, type FeedItem } from './feed-item';
import type { Establishment, SyntheticPerson } from './population.generator';
import { simulate } from './simulation';
import { SyntheticPersonIdents } from './synthetic-ids';

const IT_UNIT: Establishment = {
  orgnr: '800000004',
  hovedenhetOrgnr: '800000012',
  naeringskode: '62.010',
  industry: 'it',
  sektor: 'PRIVAT',
  kommunenummer: '0301',
  region: 'oslo',
  sizeBand: '1-4',
  employees: 1,
  mainJobs: 1,
  riskFactor: 1,
};

function note(sourceId: string, fom: string, tom: string, sentAt: string, changes: Partial<SickNoteSubmission> = {}): FeedItem {
  return {
    kind: 'sick-note',
    at: sentAt,
    submission: { sourceSystem: SOURCE_SYSTEM, sourceId, personIdent: PERSON.ident, orgnr: IT_UNIT.orgnr, status: 'SENDT', issuedOn: fom, periods: [{ fom, tom, type: 'FULL' }], sentAt, ...changes },
  };
}

const PERSON: SyntheticPerson = {
  index: 0,
  ident: new SyntheticPersonIdents().next('1980-03-03', 'F'),
  birthDate: '1980-03-03',
  gender: 'F',
  kommunenummer: '0301',
  region: 'oslo',
  employments: [{ establishment: IT_UNIT, stillingsprosent: 50, fom: '2020-01-01' }],
  relativeRisk: 1,
  gpHpr: '900301000',
};

describe('CalibrationAccumulator (handbook §9.1)', () => {
  /**
   * One woman at 50 % in IT, 2025: 252 working days, so mulige = 126 (Q2: 59 days, 29.5).
   * Note A, 100 %, 14–27 April: 7 working days (Easter takes 17, 18 and 21 April) × 0.5 = 3.5.
   * Note B, 40 %, 28 April – 11 May, first sent a week too long and corrected: 9 working days
   * (1 May is a holiday) × 0.5 × 0.4 = 1.8. A duplicate note that is cancelled, and a NY note that
   * is aborted, count for nothing. Tapte = 5.3, all in Q2; one 28-day graded episode.
   */
  const documents: FeedItem[] = [
    { kind: 'arbeidsforhold', at: '2020-01-01T06:00:00Z', submission: { sourceSystem: SOURCE_SYSTEM, sourceId: 'a', personIdent: PERSON.ident, orgnr: IT_UNIT.orgnr, hovedenhetOrgnr: IT_UNIT.hovedenhetOrgnr, stillingsprosent: 50, fom: '2020-01-01' } },
    note('A', '2025-04-14', '2025-04-27', '2025-04-14T09:00:00Z'),
    note('B', '2025-04-28', '2025-05-18', '2025-04-27T09:00:00Z', { periods: [{ fom: '2025-04-28', tom: '2025-05-18', type: 'GRADED', grade: 40 }] }),
    note('B', '2025-04-28', '2025-05-11', '2025-04-28T09:00:00Z', { periods: [{ fom: '2025-04-28', tom: '2025-05-11', type: 'GRADED', grade: 40 }] }),
    note('C', '2025-06-02', '2025-06-06', '2025-06-02T09:00:00Z'),
    { kind: 'cancellation', at: '2025-06-03T09:00:00Z', submission: { sourceSystem: SOURCE_SYSTEM, sourceId: 'C', kind: 'SICK_NOTE', reason: 'sent twice' } },
    note('D', '2025-09-01', '2025-09-05', '2025-09-01T09:00:00Z', { status: 'NY', orgnr: undefined }),
    note('D', '2025-09-01', '2025-09-05', '2025-09-02T09:00:00Z', { status: 'AVBRUTT', orgnr: undefined }),
  ];
  const accumulator = new CalibrationAccumulator({ firstYear: 2025, lastYear: 2025 }, [IT_UNIT]);
  accumulator.add({ person: PERSON, documents });
  const report = accumulator.report({ area: 'country', scale: 1 });
  const value = (target: string) => report.rows.find((row) => row.target === target)!.value;

  it('counts tapte and mulige dagsverk over working days, position share and grade', () => {
    expect(value('sick-leave %, all years')).toBeCloseTo((100 * 5.3) / 126, 10);
    expect(value('sick-leave % 2025')).toBeCloseTo((100 * 5.3) / 126, 10);
    expect(value('women, sick-leave %')).toBeCloseTo((100 * 5.3) / 126, 10);
    expect(value('men, sick-leave %')).toBeNaN();
  });

  it('gives the seasonal index as the quarter over the whole', () => {
    // Q2: (5.3 / 29.5) / (5.3 / 126) = 126 / 29.5.
    expect(value('seasonal index Q2')).toBeCloseTo(126 / 29.5, 10);
    expect(value('seasonal index Q1')).toBe(0);
    expect(value('IT / national')).toBeCloseTo(1, 10);
  });

  it('merges the notes into one 28-day graded episode', () => {
    expect(value('episodes of 16 days or less')).toBe(0);
    expect(value('episodes ended within 8 weeks')).toBe(1);
    expect(value('mean episode length, days')).toBe(28);
    expect(value('graded episodes')).toBe(1);
    expect(value('graded episodes lasting 12 weeks or more')).toBe(0);
  });

  it('counts employed persons and establishments from the arbeidsforhold', () => {
    expect(value('employed persons')).toBe(1);
    expect(value('establishments with employees')).toBe(1);
    expect(value('establishments with 1-4 employees')).toBe(1);
  });

  it('fails what is out of tolerance and shows it', () => {
    expect(report.ok).toBe(false);
    expect(report.rows.find((row) => row.target === 'employed persons')!.ok).toBe(false);
    const table = formatReport(report);
    expect(table).toContain('NOT OK');
    expect(table).toMatch(/^target\s+\| published\s+\| simulated\s+\| tolerance\s+\| result/);
  });
});

describe('calibration on a sample of about 50,000 employed persons', () => {
  let report: CalibrationReport;
  beforeAll(() => {
    report = calibrate(simulate({ seed: 2024, area: 'country', scale: 0.0175, firstYear: 2021, lastYear: 2023 }));
  });

  it('lands every published figure within its stated tolerance', () => {
    const failed = report.rows.filter((row) => row.ok === false);
    if (failed.length > 0) throw new Error(`out of tolerance:\n${formatReport(report)}`);
    expect(report.ok).toBe(true);
  });

  it('checks every target the issue names, and the per-year figures for information', () => {
    const targets = report.rows.map((row) => row.target);
    for (const target of ['sick-leave %, all years', 'seasonal index Q3', 'municipal / private', 'state / private', 'women / men', 'health and social / national', 'IT / national', 'finance / national', 'graded episodes lasting 12 weeks or more', 'establishments with employees']) {
      expect(targets).toContain(target);
    }
    expect(report.rows.filter((row) => row.target.startsWith('sick-leave % 20')).map((row) => row.ok)).toEqual([undefined, undefined, undefined]);
  });
});

import { deadlineCompliance, type MilestoneFact } from './deadline-compliance.calculator';

const fact = (milestone: string, enhet: string, state: string, resolvedOn: string | null = null, deadline = '2025-03-02'): MilestoneFact => ({
  milestone,
  enhet,
  state,
  deadline,
  resolvedOn,
});

describe('deadline compliance (handbook §9.3)', () => {
  it('counts met on time on or before the deadline, late after it, and gives the share of the settled ones', () => {
    const rows = deadlineCompliance([
      fact('AKTIVITETSKRAV', '0600', 'DONE', '2025-03-01'), // the day before: on time
      fact('AKTIVITETSKRAV', '0600', 'DONE', '2025-03-02'), // on the deadline: on time
      fact('AKTIVITETSKRAV', '0600', 'DONE', '2025-03-03'), // the day after: late
      fact('AKTIVITETSKRAV', '0600', 'EXEMPT', '2025-02-20'), // an exemption in time meets it
      fact('AKTIVITETSKRAV', '0600', 'OVERDUE'),
      fact('AKTIVITETSKRAV', '0600', 'DUE'),
      fact('AKTIVITETSKRAV', '0600', 'NOT_APPLICABLE'), // left out altogether
      fact('STOPPUNKT_6W', '0600', 'DONE', '2025-03-01'), // not a KPI milestone
    ]);
    expect(rows).toEqual([
      {
        enhet: '0600',
        milestone: 'AKTIVITETSKRAV',
        byWeek: 8,
        counts: { due: 6, metOnTime: 3, exempted: 1, late: 1, overdue: 1, pending: 1 },
        // 3 of the 5 settled (6 due − 1 pending) = 60 %
        metOnTimePercent: 60,
        masked: false,
      },
    ]);
  });

  it('masks a row resting on four persons and shows one resting on five, without a share until five are settled', () => {
    const rows = deadlineCompliance([
      ...Array.from({ length: 4 }, () => fact('DIALOGMOTE_2', '0600', 'DONE', '2025-03-01')),
      ...Array.from({ length: 4 }, () => fact('OPPFOLGINGSPLAN', '0700', 'DUE')),
      fact('OPPFOLGINGSPLAN', '0700', 'DONE', '2025-03-01'),
      ...Array.from({ length: 5 }, (_, n) => fact('OPPFOLGINGSPLAN', '0600', n < 4 ? 'DONE' : 'OVERDUE', '2025-03-01')),
    ]);
    expect(rows).toEqual([
      { enhet: '0600', milestone: 'OPPFOLGINGSPLAN', byWeek: 4, counts: { due: 5, metOnTime: 4, exempted: 0, late: 0, overdue: 1, pending: 0 }, metOnTimePercent: 80, masked: false },
      { enhet: '0600', milestone: 'DIALOGMOTE_2', byWeek: 26, counts: null, metOnTimePercent: null, masked: true },
      { enhet: '0700', milestone: 'OPPFOLGINGSPLAN', byWeek: 4, counts: { due: 5, metOnTime: 1, exempted: 0, late: 0, overdue: 0, pending: 4 }, metOnTimePercent: null, masked: false },
    ]);
  });
});

import { workload, type OpenItemFact } from './workload.calculator';

const item = (personIdent: string, type: string, enhet: string, veileder: string | null, dueDate: string | null, statutory = false): OpenItemFact => ({
  personIdent,
  type,
  enhet,
  veileder,
  statutory,
  dueDate,
});

describe('workload per enhet and veileder (handbook §5, §8)', () => {
  it('counts open items, distinct persons (the caseload) and items past their due date', () => {
    const today = '2025-03-10';
    const loads = workload(
      [
        item('p1', 'AKTIVITETSKRAV', '0600', 'Z000001', '2025-03-09', true), // due yesterday: overdue
        item('p1', 'SCREENING_VV_MS', '0600', 'Z000001', null), // no due date: never overdue
        item('p2', 'AKTIVITETSKRAV', '0600', 'Z000001', '2025-03-10', true), // due today: not yet overdue
        item('p3', 'MAPPING_INVITE', '0600', null, '2025-03-01'), // unassigned and overdue, not statutory
        item('p4', 'DIALOGMOTEKANDIDAT', '0700', 'Z000002', '2025-03-11', true),
      ],
      today,
    );
    expect(loads).toEqual([
      {
        enhet: '0600',
        openItems: 4,
        persons: 3,
        overdue: 2,
        overdueStatutory: 1,
        byType: [
          { type: 'AKTIVITETSKRAV', open: 2, overdue: 1 },
          { type: 'MAPPING_INVITE', open: 1, overdue: 1 },
          { type: 'SCREENING_VV_MS', open: 1, overdue: 0 },
        ],
        veiledere: [
          { veileder: null, openItems: 1, persons: 1, overdue: 1, overdueStatutory: 0, byType: [{ type: 'MAPPING_INVITE', open: 1, overdue: 1 }] },
          {
            veileder: 'Z000001',
            openItems: 3,
            persons: 2,
            overdue: 1,
            overdueStatutory: 1,
            byType: [
              { type: 'AKTIVITETSKRAV', open: 2, overdue: 1 },
              { type: 'SCREENING_VV_MS', open: 1, overdue: 0 },
            ],
          },
        ],
      },
      {
        enhet: '0700',
        openItems: 1,
        persons: 1,
        overdue: 0,
        overdueStatutory: 0,
        byType: [{ type: 'DIALOGMOTEKANDIDAT', open: 1, overdue: 0 }],
        veiledere: [{ veileder: 'Z000002', openItems: 1, persons: 1, overdue: 0, overdueStatutory: 0, byType: [{ type: 'DIALOGMOTEKANDIDAT', open: 1, overdue: 0 }] }],
      },
    ]);
    expect(workload([], today)).toEqual([]);
  });
});

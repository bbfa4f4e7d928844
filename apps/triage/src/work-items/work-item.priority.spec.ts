import { compareWorkItems, type PrioritisedItem } from './work-item.priority';

const TODAY = '2025-03-01';
let sequence = 0;
function item(overrides: Partial<PrioritisedItem>): PrioritisedItem {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    statutory: false,
    dueDate: '2025-04-01',
    priority: 'INFO',
    tilfelleStart: '2025-01-06',
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, sequence)),
    ...overrides,
  };
}
const order = (...items: PrioritisedItem[]) => [...items].sort(compareWorkItems(TODAY)).map((i) => i.id);

describe('work-list priority (handbook §5.2, comparator v1)', () => {
  it('puts a statutory deadline breached or due within 7 days first, even before an earlier non-statutory deadline', () => {
    const pilot = item({ statutory: false, dueDate: '2025-02-20' });
    const dueIn7 = item({ statutory: true, dueDate: '2025-03-08' });
    const dueIn8 = item({ statutory: true, dueDate: '2025-03-09' });
    const breached = item({ statutory: true, dueDate: '2025-02-27' });
    expect(order(dueIn8, pilot, dueIn7, breached)).toEqual([breached.id, dueIn7.id, pilot.id, dueIn8.id]);
  });

  it('then by deadline ascending, items without a deadline last', () => {
    const none = item({ dueDate: null });
    const later = item({ dueDate: '2025-05-01' });
    const sooner = item({ dueDate: '2025-04-01' });
    expect(order(none, later, sooner)).toEqual([sooner.id, later.id, none.id]);
  });

  it('then MAP before REVIEW before INFO', () => {
    const info = item({ priority: 'INFO' });
    const review = item({ priority: 'REVIEW' });
    const map = item({ priority: 'MAP' });
    expect(order(info, review, map)).toEqual([map.id, review.id, info.id]);
  });

  it('then the longest-running tilfelle (highest week) first, then first received', () => {
    const newer = item({ tilfelleStart: '2025-02-01' });
    const older = item({ tilfelleStart: '2025-01-01' });
    const olderReceivedLater = item({ tilfelleStart: '2025-01-01', createdAt: new Date(Date.UTC(2025, 1, 1)) });
    expect(order(olderReceivedLater, newer, older)).toEqual([older.id, olderReceivedLater.id, newer.id]);
  });
});

import { UpcomingDocuments, dayOf, describeBacklog, describeProgress, every, planReplay } from './demo-replay';
import type { FeedItem } from '../simulator/feed-item';

const note = (at: string, sourceId = at): FeedItem => ({
  kind: 'sick-note',
  at,
  submission: {
    sourceSystem: 'test',
    sourceId,
    personIdent: '01017012345',
    status: 'BEKREFTET',
    issuedOn: at.slice(0, 10),
    periods: [{ fom: at.slice(0, 10), tom: at.slice(0, 10), type: 'FULL' }],
    sentAt: at,
  },
});
const virksomhet = (orgnr: string): FeedItem => ({
  kind: 'virksomhet',
  at: '2024-12-31T05:00:00Z',
  submission: { sourceSystem: 'test', sourceId: orgnr, orgnr, naeringskode: '87.101', sektor: 'PRIVAT', kommunenummer: '3301', sentAt: '2024-12-31T05:00:00Z' },
});
const ids = (items: readonly FeedItem[]) => items.map((item) => item.submission.sourceId);

describe('dayOf', () => {
  it('is the date the sender stamped, in UTC as the simulator writes it', () => {
    expect(dayOf(note('2026-03-09T23:59:00Z'))).toBe('2026-03-09');
  });
});

describe('planReplay', () => {
  // Replay 10–12 March; the 13th is today.
  const documents = [
    note('2026-03-13T08:00:00Z', 'today'),
    note('2026-03-12T07:00:00Z', '12th-late'),
    note('2026-03-10T00:00:00Z', 'first-minute-of-window'),
    note('2026-03-09T23:59:00Z', 'last-minute-before'),
    note('2026-02-01T10:00:00Z', 'long-before'),
    note('2026-03-12T06:00:00Z', '12th-early'),
    note('2026-04-01T09:00:00Z', 'next-month'),
  ];
  const plan = planReplay([virksomhet('910000001'), virksomhet('910000002')], documents, '2026-03-10', '2026-03-13');

  it('sends the register first, then everything dated before the first day, in the order it was sent', () => {
    expect(ids(plan.backlog)).toEqual(['910000001', '910000002', 'long-before', 'last-minute-before']);
  });

  it('has every day from the first to yesterday, a day without documents too, each in sending order', () => {
    expect(plan.days.map((day) => [day.day, ids(day.items)])).toEqual([
      ['2026-03-10', ['first-minute-of-window']],
      ['2026-03-11', []],
      ['2026-03-12', ['12th-early', '12th-late']],
    ]);
  });

  it("leaves today's and later documents for the live phase", () => {
    expect(ids(plan.upcoming)).toEqual(['today', 'next-month']);
  });

  it('replays no day when it starts today', () => {
    const resumed = planReplay([], documents, '2026-03-13', '2026-03-13');
    expect(resumed.days).toEqual([]);
    expect(ids(resumed.backlog)).toEqual(['long-before', 'last-minute-before', 'first-minute-of-window', '12th-early', '12th-late']);
  });
});

describe('UpcomingDocuments', () => {
  it('hands out each document once, when its instant has come (inclusive)', () => {
    const upcoming = new UpcomingDocuments([note('2026-03-13T08:00:00Z', 'a'), note('2026-03-13T08:05:00Z', 'b'), note('2026-03-14T07:00:00Z', 'c')]);
    expect(ids(upcoming.takeUntil('2026-03-13T07:59:59.999Z'))).toEqual([]);
    expect(ids(upcoming.takeUntil('2026-03-13T08:05:00.000Z'))).toEqual(['a', 'b']);
    expect(ids(upcoming.takeUntil('2026-03-13T09:00:00.000Z'))).toEqual([]);
    expect(upcoming.remaining).toBe(1);
  });
});

describe('every', () => {
  it('says yes at most once per interval', () => {
    let now = 0;
    const due = every(5_000, () => now);
    now = 4_999;
    expect(due()).toBe(false);
    now = 5_000;
    expect(due()).toBe(true);
    now = 9_999;
    expect(due()).toBe(false);
    now = 10_000;
    expect(due()).toBe(true);
  });
});

describe('progress lines', () => {
  it('give the day, the documents and the rates', () => {
    // 1,234 documents in 10 s → 123/s; 21 days in the last 7 s → 3.0 days/s.
    expect(describeProgress({ day: '2026-09-14', dayNumber: 21, days: 90, documents: 1234, elapsedMs: 10_000, daysElapsedMs: 7_000 })).toBe(
      '  2026-09-14  day 21 of 90  1,234 documents  123/s  3.0 days/s',
    );
    expect(describeBacklog(3000, 6009, 20_000)).toBe('  backlog  3,000 of 6,009 documents  150/s');
  });
});

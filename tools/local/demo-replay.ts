import { addDays, daysBetween, type LocalDate } from '@syfo/local-date';

import type { FeedItem } from '../simulator/feed-item';

/** The day a document belongs to: the date its sending system stamped on it (the simulator thinks in those). */
export function dayOf(item: FeedItem): LocalDate {
  return item.at.slice(0, 10);
}

export interface ReplayDay {
  readonly day: LocalDate;
  readonly items: readonly FeedItem[];
}

export interface ReplayPlan {
  /** The employer register, then every document dated before the first replayed day, in order: delivered in bulk. */
  readonly backlog: readonly FeedItem[];
  /** Every day from the first replayed day to yesterday, days without documents too (milestones move on them). */
  readonly days: readonly ReplayDay[];
  /** Today's and later documents, in order: delivered live, as their time comes. */
  readonly upcoming: readonly FeedItem[];
}

/**
 * Splits a population's documents into what arrives in bulk before the replay, day by day during it,
 * and live after it. A tilfelle that began before `from` still matters, so nothing is dropped.
 */
export function planReplay(register: readonly FeedItem[], documents: readonly FeedItem[], from: LocalDate, today: LocalDate): ReplayPlan {
  const backlog = [...register];
  const upcoming: FeedItem[] = [];
  const byDay = new Map<LocalDate, FeedItem[]>();
  for (const item of [...documents].sort(byInstant)) {
    const day = dayOf(item);
    if (day < from) backlog.push(item);
    else if (day >= today) upcoming.push(item);
    else if (byDay.has(day)) byDay.get(day)!.push(item);
    else byDay.set(day, [item]);
  }
  const days = Array.from({ length: Math.max(0, daysBetween(from, today)) }, (_, i) => addDays(from, i)).map((day) => ({ day, items: byDay.get(day) ?? [] }));
  return { backlog, days, upcoming };
}

function byInstant(a: FeedItem, b: FeedItem): number {
  return Date.parse(a.at) - Date.parse(b.at);
}

/** Documents handed out once each, in order, when their time has come. */
export class UpcomingDocuments {
  private next = 0;

  public constructor(private readonly items: readonly FeedItem[]) {}

  public get remaining(): number {
    return this.items.length - this.next;
  }

  /** Those sent at or before `instant` and not taken yet. */
  public takeUntil(instant: string): FeedItem[] {
    const limit = Date.parse(instant);
    const start = this.next;
    while (this.next < this.items.length && Date.parse(this.items[this.next]!.at) <= limit) this.next += 1;
    return this.items.slice(start, this.next);
  }
}

/** True at most once per `intervalMs`: progress every few seconds, not per document. */
export function every(intervalMs: number, now: () => number = () => performance.now()): () => boolean {
  let last = now();
  return () => {
    const current = now();
    if (current - last < intervalMs) return false;
    last = current;
    return true;
  };
}

export interface ReplayProgress {
  readonly day: LocalDate;
  /** 1-based position of the day in the replay. */
  readonly dayNumber: number;
  readonly days: number;
  /** Documents delivered so far, backlog included. */
  readonly documents: number;
  /** Since the backlog began. */
  readonly elapsedMs: number;
  /** Since the first day began. */
  readonly daysElapsedMs: number;
}

export function describeProgress(progress: ReplayProgress): string {
  const seconds = progress.elapsedMs / 1000;
  const perSecond = seconds > 0 ? Math.round(progress.documents / seconds) : 0;
  const daysPerSecond = progress.daysElapsedMs > 0 ? (progress.dayNumber / (progress.daysElapsedMs / 1000)).toFixed(1) : '0.0';
  return `  ${progress.day}  day ${progress.dayNumber} of ${progress.days}  ${progress.documents.toLocaleString('en-US')} documents  ${perSecond}/s  ${daysPerSecond} days/s`;
}

export function describeBacklog(sent: number, total: number, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? Math.round(sent / (elapsedMs / 1000)) : 0;
  return `  backlog  ${sent.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} documents  ${perSecond}/s`;
}

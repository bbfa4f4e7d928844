/** All time comes from here, so tests and replays can move it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };

/**
 * Time that stands still until it is moved forward: for replaying history and for tests that run a year
 * in minutes. It never moves backwards, because schedules already run must not run again.
 */
export class SimulatedClock implements Clock {
  private current: Date;
  private readonly listeners: (() => void)[] = [];

  public constructor(start: Date) {
    this.current = new Date(start.getTime());
  }

  public now(): Date {
    return new Date(this.current.getTime());
  }

  /** Moves time to `instant`; refuses to go back. Listeners (schedulers) are told at once. */
  public set(instant: Date): void {
    if (Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
    if (instant.getTime() < this.current.getTime()) {
      throw new RangeError(`the clock cannot move back from ${this.current.toISOString()} to ${instant.toISOString()}`);
    }
    this.current = new Date(instant.getTime());
    for (const listener of this.listeners) listener();
  }

  public onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/** Schedulers ask to be woken when a simulated clock moves, so a test need not wait for their next poll. */
export function onClockChange(clock: Clock, listener: () => void): void {
  if (clock instanceof SimulatedClock) clock.onChange(listener);
}

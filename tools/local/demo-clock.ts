import type { LocalDate } from '@syfo/local-date';
import { httpBase, type LocalEnvironment, type LocalService } from '@syfo/testing';

/**
 * The instant a replayed day is lived at: 20:00 UTC, 21:00 or 22:00 in Oslo, so the day's date is the
 * same in Oslo (where the services' dates live) and the simulator's senders (who stamp 06–24 UTC) have
 * mostly sent the day's documents by then.
 */
export function replayInstant(day: LocalDate): string {
  return `${day}T20:00:00.000Z`;
}

/** The later of two ISO instants. */
export function laterInstant(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * Every service's simulated clock, moved together and only forward: a service refuses to go back
 * (its schedules already ran), so a target earlier than where the clocks are leaves them there.
 */
export class PlatformClock {
  private current: string;

  public constructor(
    private readonly services: readonly LocalService[],
    private readonly env: LocalEnvironment,
    start: string,
  ) {
    this.current = start;
  }

  public get now(): string {
    return this.current;
  }

  /** Moves every clock to `instant` (or leaves them, if they are past it); setting the same instant again wakes the schedulers. */
  public async set(instant: string): Promise<void> {
    const target = laterInstant(this.current, instant);
    await Promise.all(this.services.map((service) => this.put(service, target)));
    this.current = target;
  }

  /** One service's clock to where the others are: wakes its scheduler when work is left over. */
  public async nudge(service: LocalService): Promise<void> {
    await this.put(service, this.current);
  }

  private async put(service: LocalService, instant: string): Promise<void> {
    const response = await fetch(`${httpBase(service, this.env)}/admin/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: instant }),
    });
    if (!response.ok) throw new Error(`${service.name} refused the clock ${instant}: ${response.status} ${await response.text()}`);
  }
}

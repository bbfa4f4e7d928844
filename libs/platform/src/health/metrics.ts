import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, with Node's default metrics and the platform's own. */
export class PlatformMetrics {
  public readonly registry = new Registry();
  public readonly eventsProcessed: Counter<'group'>;
  public readonly eventsDeadLettered: Counter<'group' | 'reason'>;
  public readonly outboxPending: Gauge;

  public constructor(service: string, outboxPending: () => Promise<number>) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.eventsProcessed = new Counter({ name: 'syfo_events_processed_total', help: 'Events applied by consumers', labelNames: ['group'], registers: [this.registry] });
    this.eventsDeadLettered = new Counter({
      name: 'syfo_events_dead_lettered_total',
      help: 'Messages parked in a dead-letter topic',
      labelNames: ['group', 'reason'],
      registers: [this.registry],
    });
    this.outboxPending = new Gauge({
      name: 'syfo_outbox_pending',
      help: 'Outbox rows not yet published',
      registers: [this.registry],
      async collect() {
        this.set(await outboxPending());
      },
    });
  }
}

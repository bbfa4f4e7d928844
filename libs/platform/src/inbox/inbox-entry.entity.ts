import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A processed event id per consumer group: what makes consumers idempotent. */
@Entity({ name: 'inbox_entry' })
export class InboxEntry {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  public consumerGroup!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  public eventId!: string;

  @Column({ type: 'text' })
  public topic!: string;

  @Column({ name: 'processed_at', type: 'timestamptz' })
  public processedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'outbox_message' })
export class OutboxMessage {
  @PrimaryColumn({ type: 'bigint' })
  public seq!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  public eventId!: string;

  @Column({ type: 'text' })
  public topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  public messageKey!: string;

  @Column({ type: 'jsonb' })
  public envelope!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  public createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  public publishedAt!: Date | null;

  @Column({ type: 'integer' })
  public attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  public lastError!: string | null;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An inbound message id already handled, with the replies it got, so a redelivery changes nothing. */
@Entity('processed_messages')
export class ProcessedMessage {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryColumn('text')
  channel!: string;

  @PrimaryColumn('text')
  messageId!: string;

  @Column('jsonb', { nullable: true })
  replies!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What a channel needs to message a conversation proactively. */
@Entity('conversation_references')
@Index('conversation_references_key', ['organisationId', 'channel', 'conversationId'], { unique: true })
export class ConversationReference {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  channel!: string;

  @Column('text')
  conversationId!: string;

  @Column('uuid', { nullable: true })
  memberId!: string | null;

  @Column('jsonb')
  reference!: Record<string, unknown>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

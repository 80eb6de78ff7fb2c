import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A log in progress: one per member and conversation, so any instance can continue it. */
@Entity('drafts')
@Index('drafts_org_member_conversation_key', ['organisationId', 'memberId', 'conversationKey'], { unique: true })
export class Draft {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  memberId!: string;

  @Column('text')
  conversationKey!: string;

  @Column('jsonb')
  state!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

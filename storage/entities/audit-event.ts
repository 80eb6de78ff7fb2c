import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what: administrative changes and every edit or deletion of an entry. */
@Entity('audit_events')
@Index('audit_events_org_created_idx', ['organisationId', 'createdAt'])
export class AuditEvent {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  targetType!: string;

  @Column('text', { nullable: true })
  targetId!: string | null;

  @Column('jsonb', { nullable: true })
  before!: unknown;

  @Column('jsonb', { nullable: true })
  after!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

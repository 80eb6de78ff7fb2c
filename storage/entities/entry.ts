import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One logged session. Soft-deleted through deletedAt. */
@Entity('entries')
@Index('entries_org_date_idx', ['organisationId', 'date'])
@Index('entries_org_author_idx', ['organisationId', 'authorId', 'createdAt'])
@Index('entries_org_source_key', ['organisationId', 'sourceMessageId'], {
  unique: true,
  where: 'source_message_id IS NOT NULL',
})
export class Entry {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('date')
  date!: string;

  @Column('uuid', { nullable: true })
  unitId!: string | null;

  @Column('uuid', { nullable: true })
  activityId!: string | null;

  @Column('text', { nullable: true })
  workForm!: string | null;

  @Column('int', { nullable: true })
  durationMinutes!: number | null;

  @Column('int', { nullable: true })
  total!: number | null;

  @Column('int', { nullable: true })
  girls!: number | null;

  @Column('int', { nullable: true })
  boys!: number | null;

  @Column('int', { nullable: true })
  nonBinary!: number | null;

  @Column('int', { nullable: true })
  newParticipants!: number | null;

  @Column('text', { array: true, nullable: true })
  ageGroups!: string[] | null;

  @Column('boolean', { nullable: true })
  youthLed!: boolean | null;

  @Column('int', { nullable: true })
  staffCount!: number | null;

  @Column('text', { array: true, default: () => "'{}'" })
  themes!: string[];

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('jsonb', { nullable: true })
  reflections!: Record<string, string> | null;

  @Column('uuid', { nullable: true })
  authorId!: string | null;

  @Column('text')
  channel!: string;

  @Column('text', { nullable: true })
  sourceMessageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}

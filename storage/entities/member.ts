import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'worker' | 'mentor' | 'manager';

/** A staff member of an organisation. Never a young person. */
@Entity('members')
@Index('members_org_email_key', ['organisationId', 'email'], { unique: true, where: 'email IS NOT NULL' })
export class Member {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { nullable: true })
  displayName!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text')
  role!: Role;

  @Column('text', { nullable: true })
  locale!: string | null;

  @Column('uuid', { array: true, default: () => "'{}'" })
  unitIds!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  removedAt!: Date | null;

  /** Set when the member's personal data was erased; their entries stay, anonymised. */
  @Column('timestamptz', { nullable: true })
  erasedAt!: Date | null;
}

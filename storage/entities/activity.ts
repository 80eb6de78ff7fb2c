import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An open activity or a named group, under a unit. */
@Entity('activities')
@Index('activities_org_name_key', ['organisationId', 'name'], { unique: true })
export class Activity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  unitId!: string | null;

  @Column('text')
  name!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column('text', { nullable: true })
  workForm!: string | null;

  @Column('timestamptz', { nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

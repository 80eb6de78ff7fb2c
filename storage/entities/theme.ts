import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One theme of an organisation's catalogue, with labels and keywords per language. */
@Entity('themes')
@Index('themes_org_key_key', ['organisationId', 'key'], { unique: true })
export class Theme {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  key!: string;

  @Column('jsonb')
  labels!: Record<string, string>;

  @Column('jsonb')
  keywords!: Record<string, string[]>;

  @Column('timestamptz', { nullable: true })
  archivedAt!: Date | null;
}

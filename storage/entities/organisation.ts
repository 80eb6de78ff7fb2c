import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Per-organisation settings kept as one JSON document. */
export interface OrganisationSettings {
  requiredFields?: string[];
  reflectionQuestions?: { fi?: string; sv?: string; en?: string }[];
  noteRetentionDays?: number | null;
  /** Bumped with every change of units, activities or themes; cached catalogues older than it are reloaded. */
  catalogueVersion?: number;
}

/** A youth service, mapped from a Teams tenant or a Slack team. */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('organisations_name_key', { unique: true })
  @Column('text')
  name!: string;

  @Index('organisations_teams_tenant_key', { unique: true, where: 'teams_tenant_id IS NOT NULL' })
  @Column('text', { nullable: true })
  teamsTenantId!: string | null;

  @Index('organisations_slack_team_key', { unique: true, where: 'slack_team_id IS NOT NULL' })
  @Column('text', { nullable: true })
  slackTeamId!: string | null;

  @Column('text', { default: 'Europe/Helsinki' })
  timeZone!: string;

  @Column('text', { default: 'fi' })
  defaultLocale!: string;

  @Column('jsonb', { default: {} })
  settings!: OrganisationSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

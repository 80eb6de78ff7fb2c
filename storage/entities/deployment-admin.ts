import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A channel user who administers the whole deployment (every organisation); set with the CLI only. */
@Entity('deployment_admins')
@Index('deployment_admins_channel_user_key', ['channel', 'userId'], { unique: true })
export class DeploymentAdmin {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** 'teams' (user id = AAD object id) or 'slack' (user id = Slack user id). */
  @Column('text')
  channel!: string;

  @Column('text')
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Maps (channel, tenant or team, user id) to a member. */
@Entity('channel_identities')
@Index('channel_identities_lookup_key', ['channel', 'tenantId', 'userId'], { unique: true })
@Index('channel_identities_member_idx', ['organisationId', 'memberId'])
export class ChannelIdentity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  channel!: string;

  @Column('text')
  tenantId!: string;

  @Column('text')
  userId!: string;

  @Column('uuid')
  memberId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { Activity } from './activity';
import { AuditEvent } from './audit-event';
import { ChannelIdentity } from './channel-identity';
import { ConversationReference } from './conversation-reference';
import { DeploymentAdmin } from './deployment-admin';
import { Draft } from './draft';
import { Entry } from './entry';
import { Member } from './member';
import { Organisation } from './organisation';
import { ProcessedMessage } from './processed-message';
import { Theme } from './theme';
import { Unit } from './unit';

export {
  Activity,
  AuditEvent,
  ChannelIdentity,
  ConversationReference,
  DeploymentAdmin,
  Draft,
  Entry,
  Member,
  Organisation,
  ProcessedMessage,
  Theme,
  Unit,
};

export const ENTITIES = [
  Organisation,
  Unit,
  Activity,
  Member,
  ChannelIdentity,
  Theme,
  Entry,
  Draft,
  AuditEvent,
  ConversationReference,
  ProcessedMessage,
  DeploymentAdmin,
];

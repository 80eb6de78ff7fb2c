import { InitialSchema1764345600000 } from './1764345600000-initial-schema';
import { MemberErasureDeploymentAdmins1795892040000 } from './1795892040000-member-erasure-deployment-admins';
import { ReportRollups1795892800000 } from './1795892800000-report-rollups';
import { Goals1795893000000 } from './1795893000000-goals';
import { Schedules1795893100000 } from './1795893100000-schedules';
import { Downloads1795893200000 } from './1795893200000-downloads';
import { Dashboard1795893300000 } from './1795893300000-dashboard';
import { ReplyDeliveries1795893400000 } from './1795893400000-reply-deliveries';
import { TurnAbort1795893500000 } from './1795893500000-turn-abort';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764345600000, MemberErasureDeploymentAdmins1795892040000, ReportRollups1795892800000, Goals1795893000000, Schedules1795893100000, Downloads1795893200000, Dashboard1795893300000, ReplyDeliveries1795893400000, TurnAbort1795893500000];

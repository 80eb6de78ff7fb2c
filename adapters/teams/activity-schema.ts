/**
 * The shape of an inbound Bot Framework activity, as far as botbuilder and this adapter read it. botbuilder
 * trusts the body's types and fails with a 500 (or a TypeError deep in a turn) on anything else, so a body that
 * does not fit is answered 400 before it reaches botbuilder. Fields not named here pass through unchecked.
 */
import { z } from 'zod';
import { idFits, MAX_ID_BYTES } from '../../bot/messages';

/**
 * A Bot Framework identifier: printable ASCII, as every id Teams sends is (the conversation id goes out again
 * in an HTTP header), and no longer than the indexes keep.
 */
const id = z
  .string()
  .regex(/^[\x20-\x7e]*$/, { message: 'not printable ASCII' })
  .refine(idFits, { message: `longer than ${MAX_ID_BYTES} bytes` });

const account = z.looseObject({
  id: id.optional(),
  name: z.string().nullish(),
  aadObjectId: id.nullish(),
});

const entity = z
  // botbuilder lower-cases every entity's type to find the mentions.
  .looseObject({ type: z.string(), text: z.string().optional(), mentioned: account.optional() })
  .refine((item) => item.type !== 'mention' || (typeof item.text === 'string' && typeof item.mentioned?.id === 'string'), {
    message: 'a mention needs text and mentioned.id',
  });

export const inboundActivity = z.looseObject({
  type: z.string().min(1),
  id: id.optional(),
  // botbuilder makes a connector client for it on every turn, expectReplies or not.
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().optional(),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
  deliveryMode: z.string().optional(),
  from: account.optional(),
  recipient: account.extend({ id }),
  conversation: z.looseObject({ id, conversationType: z.string().optional(), tenantId: id.optional(), isGroup: z.boolean().optional() }).optional(),
  text: z.string().nullish(),
  textFormat: z.string().optional(),
  locale: z.string().nullish(),
  name: z.string().optional(),
  replyToId: id.optional(),
  entities: z.array(entity).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  attachments: z.array(z.looseObject({})).optional(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: id.optional() }).optional(),
      team: z.looseObject({ id: z.string().optional(), name: z.string().nullish() }).optional(),
    })
    .optional(),
});

/** Why a request body is no activity, or null when it is one. */
export function activityProblem(body: unknown): string | null {
  const parsed = inboundActivity.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

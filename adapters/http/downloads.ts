import type restify from 'restify';
import type { DataSource } from 'typeorm';
import type { Attachment, Incoming } from '../../bot/messages';
import { organisationIdForChannel } from '../../storage/channel-organisation';
import { createDownloadStore, type DownloadStore } from '../../storage/download-store';
import { storedLinkSecret } from '../../storage/link-secret';
import { createDownloadLinks, type DownloadLinks } from './download-links';
import { registerDownloadRoute } from './download-route';

/** How long a link stays valid: a chart stays in the chat history; an export is fetched at once. */
export const IMAGE_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const FILE_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Where an attachment is delivered: the channel workspace, whose organisation owns the stored file. */
export interface DeliveryPlace {
  channel: Incoming['channel'];
  tenant: string;
}

/** What the channel adapters use to turn a reply's file into a link. */
export interface DownloadPublisher {
  /** PUBLIC_BASE_URL without a trailing slash, or null: absolute links need it. */
  readonly publicBaseUrl: string | null;
  /**
   * Stores the file for the workspace's organisation; its signed link (relative with `relative`, or
   * without PUBLIC_BASE_URL), or null when the workspace has no organisation.
   */
  publish(place: DeliveryPlace, attachment: Attachment, options?: { relative?: boolean }): Promise<string | null>;
}

export interface DownloadParts {
  store: Pick<DownloadStore, 'save'>;
  links: DownloadLinks;
  organisationId(place: DeliveryPlace): Promise<string | null>;
}

export function createDownloadPublisher({ store, links, organisationId }: DownloadParts): DownloadPublisher {
  return {
    publicBaseUrl: links.publicBaseUrl,
    async publish(place, attachment, options) {
      const organisation = await organisationId(place);
      if (!organisation) return null;
      const ttl = attachment.kind === 'image' ? IMAGE_LINK_TTL_MS : FILE_LINK_TTL_MS;
      const saved = await store.save(organisation, attachment, ttl);
      return links.url(saved.id, saved.expiresAt, options);
    },
  };
}

export interface Downloads {
  store: DownloadStore;
  links: DownloadLinks;
  publisher: DownloadPublisher;
  /** GET /downloads/:id */
  register(server: restify.Server): void;
}

export interface DownloadOptions {
  /** LOGBOOK_LINK_SECRET; unset, the secret kept in the database is used. */
  secret?: string;
  publicBaseUrl?: string | null;
  now?: () => Date;
}

/** Downloads on the app's database: the store, the signed links and the route. */
export async function createDownloads(dataSource: DataSource, options: DownloadOptions = {}): Promise<Downloads> {
  const store = createDownloadStore(dataSource, options.now);
  const links = createDownloadLinks({
    secret: options.secret ?? (await storedLinkSecret(dataSource)),
    publicBaseUrl: options.publicBaseUrl,
    now: options.now,
  });
  const publisher = createDownloadPublisher({
    store,
    links,
    organisationId: (place) => organisationIdForChannel(dataSource, place.channel, place.tenant),
  });
  return { store, links, publisher, register: (server) => registerDownloadRoute(server, store, links) };
}

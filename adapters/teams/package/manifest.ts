/** The Teams app manifest (schema v1.29) for logbook-bot: a pure function of the app id, base URL and version. */

export const MANIFEST_VERSION = '1.29';
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export interface ManifestInput {
  /** The bot's Microsoft App ID (a GUID). */
  appId: string;
  /** https origin (optionally with a path) where the bot's service is reachable, without a trailing slash. */
  publicBaseUrl: string;
  /** The app version, semver x.y.z (from package.json). */
  version: string;
}

const SCOPES = ['personal', 'team', 'groupChat'] as const;

const COMMANDS = [
  { title: 'help', description: 'What I can do and how to log a session' },
  { title: 'log', description: 'Log a session, e.g. "drop-in tonight, 14 kids, talked about exams"' },
  { title: 'report', description: 'A summary of logged sessions for a period' },
];

export function buildManifest({ appId, publicBaseUrl, version }: ManifestInput) {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  return {
    $schema: SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version,
    id: appId,
    developer: {
      name: 'logbook-bot contributors',
      websiteUrl: `${base}/`,
      privacyUrl: `${base}/privacy`,
      termsOfUseUrl: `${base}/terms`,
    },
    name: { short: 'Logbook', full: 'Logbook – session log for youth work' },
    description: {
      short: 'Log youth work sessions by chatting, in Finnish, Swedish or English.',
      full:
        'Logbook lets youth workers document their work by chatting. After a session, write a short message ' +
        'such as "drop-in tonight, 14 kids, 8 girls, talked about exams and vaping" in Finnish, Swedish or ' +
        'English; the bot turns it into a structured entry (date, unit, work form, hours, participants, themes, ' +
        'notes), asks for anything missing and saves it when you confirm. Mentors set up their organisation by ' +
        'chat, and managers ask for reports in chat. The Dashboard tab shows your recent entries.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#1F6F5C',
    bots: [
      {
        botId: appId,
        scopes: [...SCOPES],
        supportsFiles: false,
        isNotificationOnly: false,
        // One command list per scope, as the schema recommends.
        commandLists: SCOPES.map((scope) => ({ scopes: [scope], commands: COMMANDS.map((c) => ({ ...c })) })),
      },
    ],
    staticTabs: [
      {
        entityId: 'dashboard',
        name: 'Dashboard',
        contentUrl: `${base}/tab`,
        websiteUrl: `${base}/tab`,
        scopes: ['personal'],
      },
    ],
    validDomains: [host],
    // For single sign-on in the tab later on.
    webApplicationInfo: { id: appId, resource: `api://${host}/${appId}` },
  };
}

export type TeamsManifest = ReturnType<typeof buildManifest>;

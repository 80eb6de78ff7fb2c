import type { RunningApp } from '../app/app';
import { isAllowed, PERMISSIONS, refusalKey, type CommandKind } from '../bot/admin/permissions';
import { PHRASES } from '../bot/i18n';
import type { Locale } from '../bot/locale';
import type { Role } from '../bot/ports';
import { engineName } from './support/database';
import { startTestApp } from './support/app';
import { texts, type ChatUser } from './support/local-chat';
import { localMember, snapshot } from './support/members';
import { openDashboard } from './support/dashboard';

const ROLES: Role[] = ['worker', 'manager', 'mentor'];
const INTL: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB' };

interface Turn {
  app: RunningApp;
  user: ChatUser;
  role: Role;
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
}

/** One phrasing of a command kind, and what a permitted run of it must have done. */
interface Sample {
  kind: Exclude<CommandKind, 'report'>;
  locale: Locale;
  text: string;
  before?: (turn: Turn) => Promise<void>;
  /** Checks the replies and the database after a permitted run; may put things back for the next samples. */
  check: (replies: string, turn: Turn) => Promise<void>;
  /** Asks through the dashboard's API instead of chat: the answer's JSON, or the refusal's message. */
  say?: (turn: Turn) => Promise<string>;
}

/** Signs the turn's user in to the dashboard with a link from chat and sends one request. */
async function viaDashboard(turn: Turn, path: (memberId: string) => Promise<string>, body?: unknown): Promise<string> {
  const dashboard = await openDashboard(turn.app, turn.user);
  const target = await path(dashboard.signedIn.member.id);
  const answer = body === undefined ? await dashboard.get(target) : await dashboard.patch(target, body);
  return answer.status === 200 ? JSON.stringify(answer.body) : answer.body.message;
}

const organisation = async (turn: Turn) => (await turn.query("SELECT * FROM organisations WHERE name = 'Demo'"))[0];
const settings = async (turn: Turn) => (await organisation(turn)).settings as Record<string, unknown>;

/** Every command kind of the permission table, in fi, sv and en by turns. */
const SAMPLES: Sample[] = [
  {
    kind: 'help',
    locale: 'en',
    text: 'help',
    check: async (replies, { role }) => {
      expect(replies).toContain('After a session');
      expect(replies.includes('Mentor commands')).toBe(role === 'mentor');
    },
  },
  {
    kind: 'language',
    locale: 'fi',
    text: 'kieli fi',
    check: async (replies) => expect(replies).toBe('Selvä, vastaan tästä lähtien suomeksi.'),
  },
  {
    kind: 'log',
    locale: 'sv',
    text: 'Grupp idag, 4 ungdomar',
    check: async (replies, { user }) => {
      expect(replies).toContain('Ska jag spara?');
      expect(texts(await user.say('avbryt'))).toContain('Inget sparades');
    },
  },
  {
    kind: 'undo',
    locale: 'en',
    text: 'undo',
    before: async ({ user }) => {
      await user.say('Group today, 3 kids');
      await user.say('yes');
    },
    check: async (replies, { user, query }) => {
      expect(replies).toMatch(/^Removed your last entry: .*3 participants/);
      const rows = await query(
        'SELECT e.deleted_at FROM entries e JOIN channel_identities ci ON ci.member_id = e.author_id WHERE ci.user_id = $1',
        [user.user],
      );
      expect(rows.map((r) => r.deleted_at !== null)).toEqual([true]);
    },
  },
  {
    kind: 'myEntries',
    locale: 'fi',
    text: 'omat merkinnät',
    check: async (replies) => expect(replies).toMatch(/Viimeisimmät merkintäsi|Sinulla ei ole vielä tallennettuja merkintöjä/),
  },
  {
    kind: 'addMember',
    locale: 'sv',
    text: 'lägg till matris@example.org som chef',
    check: async (replies, { query }) => {
      expect(replies).toContain('La till matris@example.org som chef');
      expect(await query("SELECT role FROM members WHERE email = 'matris@example.org'")).toEqual([{ role: 'manager' }]);
    },
  },
  {
    kind: 'setRole',
    locale: 'en',
    text: 'make Tove Target a manager',
    check: async (replies, { query }) => {
      expect(replies).toBe('Tove Target is now manager.');
      expect(await query("SELECT role FROM members WHERE display_name = 'Tove Target'")).toEqual([{ role: 'manager' }]);
    },
  },
  {
    kind: 'setUnits',
    locale: 'fi',
    text: 'yksiköt Tove Target: Kipinä',
    check: async (replies, { query }) => {
      expect(replies).toBe('Käyttäjän Tove Target yksiköt: Kipinä.');
      const [row] = await query(
        "SELECT array(SELECT u.name FROM units u WHERE u.id = ANY(m.unit_ids)) AS units FROM members m WHERE display_name = 'Tove Target'",
      );
      expect(row.units).toEqual(['Nuorisotalo Kipinä']);
    },
  },
  {
    kind: 'removeMember',
    locale: 'sv',
    text: 'ta bort användaren Rut Removable',
    check: async (replies, { user, query }) => {
      expect(replies).toContain('Ta bort Rut Removable från organisationen?');
      expect(await query("SELECT removed_at FROM members WHERE display_name = 'Rut Removable' AND removed_at IS NULL")).toHaveLength(1);
      expect(texts(await user.say('ja'))).toBe('Tog bort Rut Removable. Hens inlägg finns kvar.');
      expect(await query("SELECT removed_at FROM members WHERE display_name = 'Rut Removable' AND removed_at IS NULL")).toHaveLength(0);
    },
  },
  {
    kind: 'listMembers',
    locale: 'en',
    text: 'users',
    check: async (replies) => {
      expect(replies).toMatch(/^Members \(\d+\):/);
      expect(replies).toContain('• Tove Target');
    },
  },
  {
    kind: 'addUnit',
    locale: 'fi',
    text: 'lisää yksikkö Matriisi',
    check: async (replies, { query }) => {
      expect(replies).toBe('Lisätty yksikkö "Matriisi".');
      expect(await query("SELECT name FROM units WHERE name = 'Matriisi' AND archived_at IS NULL")).toHaveLength(1);
    },
  },
  {
    kind: 'addActivity',
    locale: 'sv',
    text: 'lägg till aktivitet Matrisgrupp i enheten Majakka som grupp',
    check: async (replies, { query }) => {
      expect(replies).toBe('La till aktiviteten "Matrisgrupp".');
      const rows = await query(
        "SELECT a.work_form, u.name AS unit FROM activities a JOIN units u ON u.id = a.unit_id WHERE a.name = 'Matrisgrupp'",
      );
      expect(rows).toEqual([{ work_form: 'group', unit: 'Nuorisotalo Majakka' }]);
    },
  },
  {
    kind: 'addTheme',
    locale: 'en',
    text: 'add theme Matrix theme: matrixword',
    check: async (replies, { query }) => {
      expect(replies).toBe('Added the theme "Matrix theme".');
      const [theme] = await query("SELECT labels, keywords FROM themes WHERE key = 'matrix_theme'");
      expect(theme).toEqual({ labels: { fi: 'Matrix theme', sv: 'Matrix theme', en: 'Matrix theme' }, keywords: { fi: [], sv: [], en: ['matrixword'] } });
    },
  },
  {
    kind: 'rename',
    locale: 'fi',
    text: 'nimeä yksikkö Digitiimi uudelleen: Digitaalitiimi',
    check: async (replies, { query }) => {
      expect(replies).toContain('Nimesin uudelleen: yksikkö "Digitiimi" on nyt "Digitaalitiimi"');
      expect(await query("SELECT name FROM units WHERE name = 'Digitaalitiimi'")).toHaveLength(1);
    },
  },
  {
    kind: 'archive',
    locale: 'sv',
    text: 'arkivera enheten Jalkautuva tiimi',
    check: async (replies, { user, query }) => {
      expect(replies).toContain('Arkivera enheten "Jalkautuva tiimi"?');
      expect(texts(await user.say('ja'))).toContain('Arkiverade enheten "Jalkautuva tiimi"');
      expect(await query("SELECT name FROM units WHERE name = 'Jalkautuva tiimi' AND archived_at IS NOT NULL")).toHaveLength(1);
    },
  },
  {
    kind: 'addAliases',
    locale: 'en',
    text: 'add alias Kipa to unit Nuorisotalo Kipinä',
    check: async (replies, { query }) => {
      expect(replies).toBe('The unit "Nuorisotalo Kipinä" is now also recognised by: Kipa.');
      const [row] = await query("SELECT aliases FROM units WHERE name = 'Nuorisotalo Kipinä'");
      expect(row.aliases).toContain('Kipa');
    },
  },
  {
    kind: 'listCatalogue',
    locale: 'fi',
    text: 'yksiköt',
    check: async (replies) => {
      expect(replies).toMatch(/^Yksiköt:\n/);
      expect(replies).toContain('• Matriisi');
    },
  },
  {
    kind: 'setRequiredFields',
    locale: 'sv',
    text: 'obligatoriska fält: datum, verksamhetsform, deltagare, längd',
    check: async (replies, turn) => {
      expect(replies).toBe('En logg behöver nu: Datum, Verksamhetsform, Deltagare, Längd.');
      expect((await settings(turn)).requiredFields).toEqual(['date', 'workForm', 'participants.total', 'durationMinutes']);
      await turn.user.say('obligatoriska fält: datum, verksamhetsform, deltagare');
    },
  },
  {
    kind: 'setReflectionQuestions',
    locale: 'en',
    text: 'reflection questions: How did it go?',
    check: async (replies, turn) => {
      expect(replies).toBe('After each saved log I will now ask:\n1. How did it go?');
      expect((await settings(turn)).reflectionQuestions).toEqual([{ en: 'How did it go?' }]);
      await turn.user.say('reflection questions none');
    },
  },
  {
    kind: 'setTimeZone',
    locale: 'fi',
    text: 'aikavyöhyke Europe/Stockholm',
    check: async (replies, turn) => {
      expect(replies).toMatch(/^Organisaation aikavyöhyke on nyt Europe\/Stockholm/);
      expect((await organisation(turn)).time_zone).toBe('Europe/Stockholm');
    },
  },
  {
    kind: 'setDefaultLocale',
    locale: 'sv',
    text: 'standardspråk engelska',
    check: async (replies, turn) => {
      expect(replies).toBe('Organisationens standardspråk är nu engelska.');
      expect((await organisation(turn)).default_locale).toBe('en');
    },
  },
  {
    kind: 'setNoteRetention',
    locale: 'en',
    text: 'note retention 180 days',
    check: async (replies, turn) => {
      expect(replies).toBe('Notes are now kept for 180 days, then removed from the entries.');
      expect((await settings(turn)).noteRetentionDays).toBe(180);
    },
  },
  {
    kind: 'showSettings',
    locale: 'fi',
    text: 'asetukset',
    check: async (replies) => {
      expect(replies).toContain('Organisaation Demo asetukset:');
      expect(replies).toContain('• aikavyöhyke: Europe/Stockholm');
      expect(replies).toContain('• muistiinpanojen säilytys: 180 päivää');
    },
  },
  {
    kind: 'audit',
    locale: 'sv',
    text: 'logg',
    check: async (replies) => {
      expect(replies).toMatch(/^De senaste ändringarna, nyaste först:\n• /);
      expect(replies).toContain('settings.noteRetentionDays');
      expect(replies).toContain('noteRetentionDays: – → 180');
    },
  },
  { kind: 'setGoal', locale: 'fi', text: 'tavoite kävijät 300 kuukaudessa',
    check: async (replies, { query }) => {
      expect(replies).toBe('Uusi tavoite: Osallistujat kuukaudessa — vähintään 300.');
      expect(await query('SELECT metric, per, target::float8 AS target FROM goals')).toEqual([{ metric: 'participants', per: 'month', target: 300 }]);
    } },
  { kind: 'listGoals', locale: 'sv', text: 'mål', check: async (replies) => expect(replies).toBe('Mål (1):\n• Deltagare per månad — minst 300') },
  { kind: 'removeGoal', locale: 'en', text: 'remove goal participants',
    check: async (replies, { query }) => {
      expect(replies).toBe('Removed the goal: Participants per month — at least 300.');
      expect(await query('SELECT * FROM goals')).toHaveLength(0);
    } },
  { kind: 'export', locale: 'en', text: 'export last month as csv',
    check: async (replies) => expect(replies).toMatch(/^There are no entries for .+, so there is no file this time\.$|^Here are the/) },
  { kind: 'digest', locale: 'sv', text: 'veckosammanfattning måndag 8:00',
    check: async (replies) => expect(replies).toContain('veckosammanfattningen kommer på måndagar kl. 8.00') },
  { kind: 'reminders', locale: 'en', text: 'remind me 2 hours after my sessions at 18:00 on Tue and Thu',
    check: async (replies) => expect(replies).toMatch(/^Done: when you have not logged 2 h after a session at 18:00 \(Tue, Thu\)/) },
  { kind: 'dashboard', locale: 'fi', text: 'koontinäkymä',
    check: async (replies) => expect(replies).toMatch(/^Tässä linkkisi koontinäkymään\. .*\n\/tab#signin=[\w-]{43}$/s) },
  { kind: 'editEntry', locale: 'en', text: 'PATCH /api/tab/entries/:own',
    before: async ({ user }) => {
      await user.say('Group today, 3 kids');
      await user.say('yes');
    },
    say: (turn) =>
      viaDashboard(turn, async (memberId) => {
        const [own] = await turn.query('SELECT id FROM entries WHERE author_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1', [memberId]);
        return `/api/tab/entries/${own.id}`;
      }, { notes: 'Edited on the dashboard' }),
    check: async (replies, { query }) => {
      const { id } = JSON.parse(replies);
      expect(JSON.parse(replies)).toMatchObject({ notes: 'Edited on the dashboard', editable: true });
      expect(await query("SELECT after->>'notes' AS notes FROM audit_events WHERE action = 'entry.update' AND target_id = $1", [id])).toEqual([{ notes: 'Edited on the dashboard' }]);
    } },
  { kind: 'editAnyEntry', locale: 'sv', text: "PATCH /api/tab/entries/:another's",
    say: (turn) =>
      viaDashboard(turn, async (memberId) => {
        const [another] = await turn.query('SELECT id FROM entries WHERE author_id <> $1 AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1', [memberId]);
        return `/api/tab/entries/${another.id}`;
      }, { durationMinutes: 75 }),
    check: async (replies, { query }) => {
      const { id } = JSON.parse(replies);
      expect(await query('SELECT duration_minutes FROM entries WHERE id = $1', [id])).toEqual([{ duration_minutes: 75 }]);
    } },
  { kind: 'structure', locale: 'fi', text: 'GET /api/tab/structure',
    say: (turn) => viaDashboard(turn, async () => '/api/tab/structure'),
    check: async (replies) => expect(JSON.parse(replies).units.map((unit: { name: string }) => unit.name)).toContain('Nuorisotalo Kipinä') },
];

describe(`every command against every role on ${engineName()}`, () => {
  let app: RunningApp;
  const users = new Map<string, ChatUser>();
  const query = (sql: string, params: unknown[] = []) => app.database.dataSource.query(sql, params);

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ROLES) {
      for (const locale of ['fi', 'sv', 'en'] as const) users.set(`${role}:${locale}`, await localMember(app, role, INTL[locale], `${role} ${locale}`));
    }
    await localMember(app, 'worker', 'en-GB', 'Tove Target');
    await localMember(app, 'worker', 'en-GB', 'Rut Removable');
  });
  afterAll(() => app.stop());

  it('has a sample for every kind in the permission table; reports are for managers and mentors', () => {
    const kinds = Object.keys(PERMISSIONS).filter((kind) => kind !== 'report');
    expect(SAMPLES.map((sample) => sample.kind).sort()).toEqual(kinds.sort());
    expect(ROLES.filter((role) => isAllowed(role, 'report'))).toEqual(['manager', 'mentor']);
  });

  describe.each(SAMPLES.map((sample) => [sample.kind, sample.locale, sample] as const))('%s (%s)', (_kind, locale, sample) => {
    it.each(ROLES)('as %s', async (role) => {
      const user = users.get(`${role}:${locale}`)!;
      const turn: Turn = { app, user, role, query };
      if (isAllowed(role, sample.kind)) {
        await sample.before?.(turn);
        const replies = sample.say ? await sample.say(turn) : texts(await user.say(sample.text));
        expect(replies).not.toBe(PHRASES[refusalKey(sample.kind)][locale]);
        await sample.check(replies, turn);
        return;
      }
      const before = await snapshot(app);
      expect(sample.say ? await sample.say(turn) : texts(await user.say(sample.text))).toBe(PHRASES[refusalKey(sample.kind)][locale]);
      expect(await snapshot(app)).toEqual(before);
    });
  });
});

import { ConfigError, loadConfig } from '../app/config';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, LOGBOOK_DATA_DIR: './data', LOCAL_CHAT: true, LOGBOOK_TIME_ZONE: 'Europe/Helsinki' });
    expect(config.DATABASE_URL).toBeUndefined();
    // A queued Slack job of a dead instance is tried again after 5 minutes; maintenance looks every 2.
    expect(config).toMatchObject({ SLACK_JOB_EXPIRE_SECONDS: 300, JOB_MAINTENANCE_SECONDS: 120 });
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT: /],
    [{ PORT: '70000' }, /^Invalid configuration: PORT: /],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /^Invalid configuration: DATABASE_URL: must be a postgres/],
    [{ DATABASE_URL: 'not a url' }, /^Invalid configuration: DATABASE_URL: /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL: /],
    [{ LOCAL_CHAT: 'maybe' }, /^Invalid configuration: LOCAL_CHAT: /],
    [{ LOGBOOK_TIME_ZONE: 'Mars/Olympus' }, /^Invalid configuration: LOGBOOK_TIME_ZONE: must be an IANA/],
    [{ SLACK_JOB_EXPIRE_SECONDS: '0' }, /^Invalid configuration: SLACK_JOB_EXPIRE_SECONDS: /],
    [{ JOB_MAINTENANCE_SECONDS: 'often' }, /^Invalid configuration: JOB_MAINTENANCE_SECONDS: /],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

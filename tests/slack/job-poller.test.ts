import pino from 'pino';
import { startJobPoller } from '../../adapters/slack/job-poller';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the Slack job poller', () => {
  /** What the poller logged, as messages. */
  let logged: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push((JSON.parse(line) as { msg: string }).msg) });
  beforeEach(() => (logged = []));

  it('goes on after failed fetches and failed batches, and logs them', async () => {
    const batches = [[1], [2], [3]];
    let fetches = 0;
    const handled: number[] = [];
    const poller = startJobPoller<number>({
      fetch: async () => {
        fetches += 1;
        if (fetches % 2 === 1) throw new Error('the database is down');
        return batches.shift() ?? [];
      },
      handle: async ([job]) => {
        handled.push(job);
        if (job === 2) throw new Error('handling failed');
      },
      intervalMs: 5,
      batchTimeoutMs: 1_000,
      logger,
    });
    for (let waited = 0; handled.length < 3 && waited < 2_000; waited += 10) await delay(10);
    await poller.stop();
    await delay(20);
    expect(handled).toEqual([1, 2, 3]);
    expect(logged).toContain('could not take jobs; trying again shortly');
    expect(logged).toContain('a batch of jobs failed');
  });

  it('takes the next batch when one outlives its timeout, and still catches that batch’s late failure', async () => {
    const batches = [['stuck'], ['next']];
    const handled: string[] = [];
    const poller = startJobPoller<string>({
      fetch: async () => batches.shift() ?? [],
      handle: async ([job]) => {
        handled.push(job);
        if (job === 'stuck') {
          await delay(300);
          throw new Error('failed long after its timeout');
        }
      },
      intervalMs: 5,
      batchTimeoutMs: 50,
      logger,
    });
    await delay(150);
    expect(handled).toEqual(['stuck', 'next']);
    await poller.stop();
    await delay(300);
    expect(logged).toEqual(['a batch of jobs is still running; taking the next one', 'a batch of jobs failed']);
  });

  it('looks for jobs at once when woken, not at the next interval', async () => {
    const queue: string[] = [];
    const handled: string[] = [];
    const poller = startJobPoller<string>({
      fetch: async () => queue.splice(0, 1),
      handle: async (jobs) => void handled.push(...jobs),
      intervalMs: 60_000,
      batchTimeoutMs: 1_000,
      logger,
    });
    await delay(20);
    queue.push('sent');
    poller.wake();
    for (let waited = 0; !handled.length && waited < 2_000; waited += 5) await delay(5);
    expect(handled).toEqual(['sent']);
    const stopped = Date.now();
    await poller.stop();
    expect(Date.now() - stopped).toBeLessThan(1_000);
  });
});

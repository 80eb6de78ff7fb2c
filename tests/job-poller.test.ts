import pino from 'pino';
import { startJobPoller, type JobPollerOptions } from '../app/job-poller';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface TestJob {
  id: string;
  key: string;
}

/** Jobs handed out in order, as many as the poller has room for. */
function queueOf(...ids: string[]): { jobs: TestJob[]; fetch: (limit: number) => Promise<TestJob[]> } {
  const jobs = ids.map((id) => ({ id, key: id.split(':')[0] }));
  return { jobs, fetch: async (limit) => jobs.splice(0, limit) };
}

async function until(done: () => boolean, ms = 2_000): Promise<void> {
  for (let waited = 0; !done() && waited < ms; waited += 5) await delay(5);
}

describe('the job poller', () => {
  /** What the poller logged, as messages. */
  let logged: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push((JSON.parse(line) as { msg: string }).msg) });
  beforeEach(() => (logged = []));
  const options = (overrides: Partial<JobPollerOptions<TestJob>>): JobPollerOptions<TestJob> => ({
    fetch: async () => [],
    handle: async () => undefined,
    keyOf: (job) => job.key,
    concurrency: 10,
    intervalMs: 5,
    jobTimeoutMs: 1_000,
    logger,
    ...overrides,
  });

  it('goes on after failed fetches and failed jobs, and logs them', async () => {
    const queue = queueOf('a:1', 'b:1', 'c:1');
    let fetches = 0;
    const handled: string[] = [];
    const poller = startJobPoller(
      options({
        fetch: async (limit) => {
          fetches += 1;
          if (fetches % 2 === 1) throw new Error('the database is down');
          return queue.fetch(Math.min(limit, 1));
        },
        handle: async (job) => {
          handled.push(job.id);
          if (job.id === 'b:1') throw new Error('handling failed');
        },
      }),
    );
    await until(() => handled.length === 3);
    await poller.stop();
    expect(handled).toEqual(['a:1', 'b:1', 'c:1']);
    expect(logged).toContain('could not take jobs; trying again shortly');
    expect(logged).toContain('a job failed');
  });

  it('runs the jobs of one key in order and the others beside them, so a slow job holds up only its own key', async () => {
    const queue = queueOf('slow:1', 'slow:2', 'fast:1', 'fast:2', 'other:1');
    const events: string[] = [];
    const poller = startJobPoller(
      options({
        fetch: queue.fetch,
        handle: async (job) => {
          events.push(`start ${job.id}`);
          await delay(job.key === 'slow' ? 150 : 5);
          events.push(`end ${job.id}`);
        },
      }),
    );
    await until(() => events.length === 10);
    await poller.stop();
    const at = (event: string) => events.indexOf(event);
    expect(at('start slow:2')).toBeGreaterThan(at('end slow:1'));
    expect(at('start fast:2')).toBeGreaterThan(at('end fast:1'));
    // The other keys finished while the first slow job still ran.
    for (const id of ['fast:2', 'other:1']) expect(at(`end ${id}`)).toBeLessThan(at('end slow:1'));
  });

  it('keeps at most `concurrency` jobs running, and takes the next one as soon as one ends', async () => {
    const queue = queueOf(...Array.from({ length: 9 }, (_, i) => `k${i}:1`));
    let runningNow = 0;
    let most = 0;
    let done = 0;
    const poller = startJobPoller(
      options({
        fetch: queue.fetch,
        concurrency: 3,
        intervalMs: 60_000,
        handle: async () => {
          most = Math.max(most, ++runningNow);
          await delay(20);
          runningNow -= 1;
          done += 1;
        },
      }),
    );
    await until(() => done === 9);
    await poller.stop();
    expect(done).toBe(9);
    expect(most).toBe(3);
  });

  it('lets the next job of a key run when one outlives its timeout, and still catches that job’s late failure', async () => {
    const queue = queueOf('k:stuck', 'k:next');
    const handled: string[] = [];
    const poller = startJobPoller(
      options({
        fetch: queue.fetch,
        jobTimeoutMs: 50,
        handle: async (job) => {
          handled.push(job.id);
          if (job.id === 'k:stuck') {
            await delay(300);
            throw new Error('failed long after its timeout');
          }
        },
      }),
    );
    await delay(150);
    expect(handled).toEqual(['k:stuck', 'k:next']);
    await poller.stop();
    await delay(300);
    expect(logged).toEqual(['a job is still running; taking the next one', 'a job failed']);
  });

  it('looks for jobs at once when woken, not at the next interval', async () => {
    const queue = queueOf();
    const handled: string[] = [];
    const poller = startJobPoller(options({ fetch: queue.fetch, intervalMs: 60_000, handle: async (job) => void handled.push(job.id) }));
    await delay(20);
    queue.jobs.push({ id: 'k:sent', key: 'k' });
    poller.wake();
    await until(() => handled.length > 0);
    expect(handled).toEqual(['k:sent']);
    const stopped = Date.now();
    await poller.stop();
    expect(Date.now() - stopped).toBeLessThan(1_000);
  });
});

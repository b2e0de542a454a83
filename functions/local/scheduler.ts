import type { ApelConfig } from '../core/config';
import type { ApelJob } from '../core/apel-jobs';
import { apelJobs } from '../core/apel-jobs';
import { localTime } from '../core/time';

/**
 * The local stand-in for EventBridge Scheduler: at the start of every minute it fires
 * the jobs whose local time (in the config's zone) has come, calling the same open and
 * close handlers with the same input the AWS schedules send. At start-up it catches up
 * on today's jobs that are already due, so a runtime started at 07:10 opens apel pagi.
 */

export type JobRunner = (job: ApelJob) => Promise<void>;

/** Jobs due at this local minute. */
export function jobsDueAt(now: Date, config: ApelConfig): ApelJob[] {
  const hhmm = localTime(now, config.timeZone).slice(0, 5);
  return apelJobs(config).filter((j) => j.time === hhmm);
}

/**
 * Jobs to catch up on at start-up: an open whose window is running now, and the
 * closes already past today (closing again only rewrites the same recap).
 */
export function catchUpJobs(now: Date, config: ApelConfig): ApelJob[] {
  const hhmm = localTime(now, config.timeZone).slice(0, 5);
  const jobs = apelJobs(config);
  return jobs.filter((j) => {
    if (j.action === 'close') return j.time <= hhmm;
    const close = jobs.find((c) => c.action === 'close' && c.slot === j.slot);
    return j.time <= hhmm && close !== undefined && hhmm < close.time;
  });
}

export function startScheduler(config: ApelConfig, run: JobRunner, extra: { at: Date; job: () => Promise<void> }[] = []) {
  let timer: NodeJS.Timeout | undefined;
  const oneOffs = extra.map(({ at, job }) =>
    setTimeout(() => void job().catch(report), Math.max(0, at.getTime() - Date.now())),
  );
  const fire = (jobs: ApelJob[]) => {
    for (const job of jobs) void run(job).catch(report);
  };
  const tick = () => {
    fire(jobsDueAt(new Date(), config));
    schedule();
  };
  const schedule = () => {
    const now = Date.now();
    timer = setTimeout(tick, 60_000 - (now % 60_000) + 50);
  };
  fire(catchUpJobs(new Date(), config));
  schedule();
  return {
    stop() {
      clearTimeout(timer);
      for (const t of oneOffs) clearTimeout(t);
    },
  };
}

function report(error: unknown) {
  console.error('Jadwal apel gagal dijalankan:', error);
}

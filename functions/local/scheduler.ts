/**
 * The local stand-in for EventBridge Scheduler's apel clock schedule: it calls the same
 * apel-clock handler, with the same input, just after the start of every minute, and
 * once at start-up, so a runtime started at 07:10 opens apel pagi at once and one
 * started after a window closes what was left open. The handler decides what is due.
 */

export type Tick = () => Promise<void>;

/** Milliseconds after a minute starts: Scheduler's own invocations come a moment after :00 too. */
const OFFSET_MS = 50;

export function startScheduler(tick: Tick): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const fire = () => void tick().catch(report);
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        fire();
        schedule();
      },
      60_000 - (Date.now() % 60_000) + OFFSET_MS,
    );
  };
  fire();
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function report(error: unknown) {
  console.error('Jam apel gagal dijalankan:', error);
}

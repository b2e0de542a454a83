import { useEffect, useRef } from 'preact/hooks';
import type { CheckinStatus } from '../../../../contract';
import { clockTime } from '../../lib/time';

interface Props {
  status: CheckinStatus;
  at: string;
  timeZone: string;
  zoneLabel: string;
  /** Move focus here when it appears after a tap, since the button it replaces is gone. */
  focus?: boolean;
}

export function CheckinResult({ status, at, timeZone, zoneLabel, focus = false }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} class={`result result-${status}`} data-testid="checkin-result" data-status={status}>
      <p class="result-word">{status === 'hadir' ? 'HADIR' : 'TERLAMBAT'}</p>
      <p class="result-time">
        Tercatat pukul {clockTime(at, timeZone)} {zoneLabel}
      </p>
    </div>
  );
}

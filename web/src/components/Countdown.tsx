import { countdown, countdownWords } from '../lib/time';

/** Time left until an apel opens or closes, on the server's clock. */
export function Countdown({ opening, left }: { opening: boolean; left: number }) {
  if (left <= 0) {
    return <p class="countdown countdown-wait">{opening ? 'Apel segera dibuka…' : 'Apel sudah ditutup.'}</p>;
  }
  const label = opening ? 'Dibuka dalam' : 'Ditutup dalam';
  return (
    <div class="countdown" role="timer" aria-label={`${label} ${countdownWords(left)}`} data-testid="countdown">
      <span class="countdown-label">{label}</span>
      <span class="countdown-value" aria-hidden="true">
        {countdown(left)}
      </span>
    </div>
  );
}

import { countdown, countdownWords } from '../lib/time';

interface Props {
  opening?: boolean;
  left: number;
  /** Words before the figure and when it reaches zero; by default those of an apel opening or closing. */
  label?: string;
  over?: string;
}

/** Time left until an apel opens or closes (or a readiness check ends), on the server's clock. */
export function Countdown({ opening = false, left, label, over }: Props) {
  if (left <= 0) {
    return <p class="countdown countdown-wait">{over ?? (opening ? 'Apel segera dibuka…' : 'Apel sudah ditutup.')}</p>;
  }
  const text = label ?? (opening ? 'Dibuka dalam' : 'Ditutup dalam');
  return (
    <div class="countdown" role="timer" aria-label={`${text} ${countdownWords(left)}`} data-testid="countdown">
      <span class="countdown-label">{text}</span>
      <span class="countdown-value" aria-hidden="true">
        {countdown(left)}
      </span>
    </div>
  );
}

import { useEffect } from 'preact/hooks';
import type { Checkin, SesiView } from '../lib/api';
import { hourMinute, longDate } from '../lib/time';
import { useServerNow } from '../lib/useServerNow';
import { CheckinResult } from './CheckinResult';
import { Countdown } from './Countdown';

interface Props {
  sesi: SesiView;
  timeZone: string;
  zoneLabel: string;
  clockOffset: number;
  /** The check-in just made on this phone, before `/api/me` has caught up. */
  checkin: Checkin | undefined;
  sending: boolean;
  retrying: boolean;
  error: string | undefined;
  onCheckin: (sesiId: string) => void;
  /** Called (repeatedly) once the server's clock passes the opening or closing of the sesi. */
  onBoundary: () => void;
}

/** The current or next apel of today: its window, a countdown, the check-in button and its result. */
export function SesiPanel(props: Props) {
  const { sesi, timeZone, zoneLabel, checkin, sending } = props;
  const now = useServerNow(props.clockOffset);
  const opensAt = Date.parse(sesi.opensAt);
  const onTimeUntil = Date.parse(sesi.onTimeUntil);
  const closesAt = Date.parse(sesi.closesAt);
  const boundary = sesi.state === 'terjadwal' ? opensAt : closesAt;
  const passed = now >= boundary;

  useEffect(() => {
    if (passed) props.onBoundary();
  }, [passed, now]);

  const recorded =
    checkin?.sesiId === sesi.id
      ? { status: checkin.status, at: checkin.at, fresh: true }
      : (sesi.status === 'hadir' || sesi.status === 'terlambat') && sesi.checkedInAt
        ? { status: sesi.status, at: sesi.checkedInAt, fresh: false }
        : undefined;
  const open = sesi.state === 'dibuka' && !passed;
  const showButton = !recorded && (sending || (open && sesi.status === 'belum'));
  const hm = (iso: string) => hourMinute(iso, timeZone);

  return (
    <section class="card sesi" aria-labelledby="sesi-title" data-testid="sesi" data-sesi-id={sesi.id}>
      <div class="sesi-head">
        <h2 id="sesi-title">{sesi.label}</h2>
        {sesi.demo && (
          <span class="tag tag-demo" data-testid="demo-label">
            Sesi demo
          </span>
        )}
        <span class={open ? 'state state-open' : 'state'}>{open ? 'Sedang dibuka' : passed ? 'Ditutup' : 'Belum dibuka'}</span>
      </div>
      <p class="sesi-when">
        {longDate(sesi.date)}
        <br />
        {hm(sesi.opensAt)}–{hm(sesi.closesAt)} {zoneLabel}
      </p>

      {!recorded && (
        <>
          <Countdown opening={sesi.state === 'terjadwal'} left={boundary - now} />
          <p class={now <= onTimeUntil ? 'note' : 'note note-late'} data-testid="on-time-note">
            {now <= onTimeUntil
              ? `Tepat waktu sampai ${hm(sesi.onTimeUntil)} ${zoneLabel}`
              : `Lewat ${hm(sesi.onTimeUntil)} ${zoneLabel}: kehadiran tercatat terlambat`}
          </p>
        </>
      )}

      <div class="live" role="status" aria-live="polite" data-testid="checkin-live">
        {recorded && <CheckinResult status={recorded.status} at={recorded.at} timeZone={timeZone} zoneLabel={zoneLabel} focus={recorded.fresh} />}
        {sending && props.retrying && <p class="retrying">Jaringan lambat, mencoba lagi…</p>}
        {props.error && (
          <p class="error" data-testid="checkin-error">
            {props.error}
          </p>
        )}
      </div>

      {showButton && (
        <button
          type="button"
          class="btn-hadir"
          data-testid="checkin-button"
          disabled={sending}
          aria-busy={sending}
          onClick={() => props.onCheckin(sesi.id)}
        >
          {sending ? 'Mengirim…' : `Hadir di ${sesi.label}`}
        </button>
      )}
    </section>
  );
}

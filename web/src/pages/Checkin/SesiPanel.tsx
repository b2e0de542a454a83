import { useEffect, useRef, useState } from 'preact/hooks';
import type { Checkin, ReportRule, SesiView } from '../../../../contract';
import { Countdown } from '../../components/Countdown';
import { hourMinute, longDate } from '../../lib/time';
import { useServerNow } from '../../lib/useServerNow';
import type { CheckinExtras } from './api';
import { CheckinResult } from './CheckinResult';

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
  onCheckin: (sesiId: string, extras: CheckinExtras) => void;
  /** Whether this apel asks for today's work plan (pagi) or output (sore). */
  laporan: ReportRule;
  /** Today's uniform, which the ASN confirms wearing; null: none configured. */
  seragam: string | null;
  /** The apel's meeting link, offered once the ASN has checked in. */
  tautan: string | null;
  /** Called (repeatedly) once the server's clock passes the opening or closing of the sesi. */
  onBoundary: () => void;
}

/** The current or next apel of today: its window, a countdown, the check-in button and its result. */
export function SesiPanel(props: Props) {
  const { sesi, timeZone, zoneLabel, checkin, sending } = props;
  const now = useServerNow(props.clockOffset);
  const opensAt = Date.parse(sesi.opensAt);
  // On time through the whole minute shown (core/checkin.ts lateFrom): 07:30:59 is not late.
  const onTime = now < Math.floor(Date.parse(sesi.onTimeUntil) / 60_000) * 60_000 + 60_000;
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
  const [laporan, setLaporan] = useState(sesi.laporan ?? '');
  const [memakai, setMemakai] = useState(false);
  const [missing, setMissing] = useState(false);
  const laporanField = useRef<HTMLTextAreaElement>(null);
  const what = sesi.slot === 'sore' ? 'Hasil kerja hari ini' : 'Rencana kerja hari ini';
  const sent = sesi.laporan ?? (checkin?.sesiId === sesi.id ? checkin.laporan : null);
  const seragam = sesi.seragamDikonfirmasi ?? (checkin?.sesiId === sesi.id ? checkin.seragam : null);

  const tap = () => {
    const text = laporan.trim();
    if (props.laporan === 'wajib' && !text) {
      setMissing(true);
      laporanField.current?.focus();
      return;
    }
    const extras: CheckinExtras = {};
    if (props.laporan !== 'tidak' && text) extras.laporan = text;
    if (props.seragam) extras.seragam = memakai;
    props.onCheckin(sesi.id, extras);
  };

  return (
    <section class="card sesi" aria-labelledby="sesi-title" data-testid="sesi" data-sesi-id={sesi.id}>
      <div class="sesi-head">
        <h2 id="sesi-title">{sesi.label}</h2>
        {sesi.demo && (
          <span class="tag tag-demo" data-testid="demo-label">
            Apel percobaan
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
          <p class={onTime ? 'note' : 'note note-late'} data-testid="on-time-note">
            {onTime
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

      {recorded && sent && (
        <p class="sent" data-testid="laporan-sent">
          <span class="muted">{what}:</span> {sent}
        </p>
      )}
      {recorded && props.seragam && seragam != null && (
        <p class="sent" data-testid="seragam-sent">
          <span class="muted">Seragam:</span> {seragam ? `Anda menyatakan memakai ${props.seragam}` : `Anda tidak menyatakan memakai ${props.seragam}`}
        </p>
      )}
      {sesi.tidakPatuh && (
        <p class="error" role="note" data-testid="tidak-patuh">
          Pimpinan menandai seragam Anda tidak sesuai: {sesi.tidakPatuh.catatan}
        </p>
      )}
      {recorded && props.tautan && (
        <a class="btn-hadir btn-gabung" href={props.tautan} target="_blank" rel="noopener noreferrer" data-testid="gabung-apel">
          Gabung apel
        </a>
      )}

      {showButton && props.laporan !== 'tidak' && (
        <div class="field">
          <label for="laporan">
            {what} <span class="muted">({props.laporan === 'wajib' ? 'wajib' : 'boleh dikosongkan'})</span>
          </label>
          <textarea
            id="laporan"
            ref={laporanField}
            rows={2}
            maxLength={500}
            value={laporan}
            aria-invalid={missing}
            aria-describedby={missing ? 'laporan-wajib' : undefined}
            onInput={(e) => {
              setLaporan(e.currentTarget.value);
              setMissing(false);
            }}
            data-testid="laporan"
          />
          {missing && (
            <p id="laporan-wajib" class="error">
              Isi {what.toLowerCase()} dulu, lalu tekan tombol hadir.
            </p>
          )}
        </div>
      )}
      {showButton && props.seragam && (
        <label class="check">
          <input type="checkbox" checked={memakai} onChange={(e) => setMemakai(e.currentTarget.checked)} data-testid="seragam" />
          <span>
            Saya memakai <strong>{props.seragam}</strong> <span class="muted">(seragam hari ini)</span>
          </span>
        </label>
      )}
      {showButton && (
        <button type="button" class="btn-hadir" data-testid="checkin-button" disabled={sending} aria-busy={sending} onClick={tap}>
          {sending ? 'Mengirim…' : `Hadir di ${sesi.label}`}
        </button>
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Schedule } from '../../../../contract';
import { Countdown } from '../../components/Countdown';
import { hourMinute, longDate, shortDate } from '../../lib/time';
import { useServerNow } from '../../lib/useServerNow';
import { getSchedule } from './api';

interface Props {
  token: string;
  /** Today in the regency's zone, `YYYY-MM-DD`. */
  today: string;
  /** Today has apel, all of them over. */
  finished: boolean;
  clockOffset: number;
  /** Called once the server's clock passes the opening of the next apel. */
  onBoundary: () => void;
}

const JENIS: Record<string, string> = { libur_nasional: 'Libur nasional', cuti_bersama: 'Cuti bersama' };

/** Shown when no apel is left today: the next one from `/api/schedule`, and holidays until then. */
export function NextSesi({ token, today, finished, clockOffset, onBoundary }: Props) {
  const [schedule, setSchedule] = useState<Schedule | null>();
  const serverNow = useServerNow(clockOffset);
  useEffect(() => {
    getSchedule(token).then(setSchedule, () => setSchedule(null));
  }, [token]);

  const next = schedule?.sesi.find((s) => s.date !== today || Date.parse(s.opensAt) > serverNow);
  const holidayToday = schedule?.libur.find((l) => l.date === today);
  const until = next?.date ?? '9999-12-31';
  const holidays = schedule?.libur.filter((l) => l.date > today && l.date < until).slice(0, 3) ?? [];
  const left = next ? Date.parse(next.opensAt) - serverNow : Number.POSITIVE_INFINITY;
  useEffect(() => {
    if (left <= 0) onBoundary();
  }, [left <= 0, serverNow]);

  return (
    <section class="card sesi" aria-labelledby="none-title" data-testid="no-sesi">
      <h2 id="none-title">{finished ? 'Apel hari ini sudah selesai' : 'Tidak ada apel hari ini'}</h2>
      {holidayToday && (
        <p class="note">
          {JENIS[holidayToday.jenis] ?? 'Libur'}: {holidayToday.keterangan}
        </p>
      )}
      {schedule === undefined && <p class="muted">Memuat jadwal…</p>}
      {schedule === null && <p class="muted">Jadwal apel berikutnya belum dapat dimuat.</p>}
      {schedule && !next && <p class="muted">Belum ada apel terjadwal dalam 14 hari ke depan.</p>}
      {schedule && next && (
        <div class="next" data-testid="next-sesi">
          <p class="next-label">Apel berikutnya</p>
          <p class="next-what">{next.label}</p>
          <p>
            {longDate(next.date)}
            <br />
            {hourMinute(next.opensAt, schedule.timeZone)}–{hourMinute(next.closesAt, schedule.timeZone)} {schedule.zoneLabel}
          </p>
          <p class="muted">
            Tepat waktu sampai {hourMinute(next.onTimeUntil, schedule.timeZone)} {schedule.zoneLabel}
          </p>
          <Countdown opening left={left} />
        </div>
      )}
      {holidays.length > 0 && (
        <div class="holidays">
          <p class="next-label">Libur sebelum apel berikutnya</p>
          <ul>
            {holidays.map((l) => (
              <li key={l.date}>
                <span class="week-date">{shortDate(l.date)}</span> {l.keterangan}
                <span class="muted"> ({JENIS[l.jenis] ?? 'Libur'})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

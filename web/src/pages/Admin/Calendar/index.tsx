import { useState } from 'preact/hooks';
import { getCalendar } from '../api/calendar';
import type { AdminContext } from '../context';
import { ErrorNote, Loading } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { DisruptionPanel } from './DisruptionPanel';
import { SpecialDayForm } from './SpecialDayForm';
import { SpecialDayList } from './SpecialDayList';
import { formatClock } from '../../../lib/date-input';
import { HolidayList } from './HolidayList';

const DAYS: Record<string, string> = { senin: 'Senin', selasa: 'Selasa', rabu: 'Rabu', kamis: 'Kamis', jumat: 'Jumat', sabtu: 'Sabtu', minggu: 'Minggu' };

/** The apel calendar of a year: holidays, dates with exceptions, and disruptions. */
export function CalendarPage({ ctx }: { ctx: AdminContext }) {
  const thisYear = Number(ctx.today.slice(0, 4));
  const [tahun, setTahun] = useState(thisYear);
  const k = useLoad(() => getCalendar(ctx.token, tahun), String(tahun));
  const data = k.data?.tahun === tahun ? k.data : undefined;

  return (
    <>
      <div class="adm-toolbar">
        <h2 class="adm-title">Kalender apel</h2>
        <label class="adm-inline">
          Tahun
          <select value={tahun} onChange={(e) => setTahun(Number(e.currentTarget.value))} data-testid="kalender-tahun">
            {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={k.error} onRetry={() => void k.reload()} />
      {!data && k.loading && <Loading what="kalender" />}
      {data && (
        <>
          <p class="adm-sub">
            Apel pada hari {data.wfaDays.map((d) => DAYS[d] ?? d).join(' dan ')}: pagi {formatClock(data.slots.pagi.opens)}–{formatClock(data.slots.pagi.closes)}, sore{' '}
            {formatClock(data.slots.sore.opens)}–{formatClock(data.slots.sore.closes)} {ctx.zoneLabel}, kecuali hari libur dan pengaturan khusus di
            bawah.
          </p>
          <section class="adm-card" aria-labelledby="hari-h">
            <h2 id="hari-h">Pengaturan khusus per tanggal</h2>
            <p class="muted">Batalkan apel (mis. acara kabupaten), adakan hari apel tambahan, atau ubah jam apel suatu tanggal.</p>
            <SpecialDayForm key={`${tahun}`} ctx={ctx} kalender={data} onSaved={() => void k.reload()} />
            <h3>Tanggal dengan pengaturan khusus</h3>
            <SpecialDayList ctx={ctx} hari={data.hariKhusus} onChanged={() => void k.reload()} />
          </section>
          <DisruptionPanel ctx={ctx} />
          <HolidayList ctx={ctx} tahun={tahun} libur={data.libur} onChanged={() => void k.reload()} />
        </>
      )}
    </>
  );
}

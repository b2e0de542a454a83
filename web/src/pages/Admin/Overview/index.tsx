import { useState } from 'preact/hooks';
import { clockTime, longDate } from '../../../lib/time';
import type { AdminContext } from '../context';
import { ErrorNote, Loading } from '../ui/Messages';
import { SesiOverview } from './SesiOverview';
import { useOverview } from './useOverview';
import { DateField } from '../../../components/DateField';

const JENIS: Record<string, string> = { libur_nasional: 'Libur nasional', cuti_bersama: 'Cuti bersama' };

/** Today's apel (or a past date's) across all OPDs, refreshed while an apel is open. */
export function OverviewPage({ ctx, active }: { ctx: AdminContext; active: boolean }) {
  const [tanggal, setTanggal] = useState(ctx.today);
  const { data, error, loading, checkedAt, reload } = useOverview(ctx.token, tanggal === ctx.today ? undefined : tanggal, active);
  const live = data?.refreshSeconds != null;

  return (
    <>
      <div class="adm-toolbar">
        <h2 class="adm-title">Ringkasan kehadiran</h2>
        <label class="adm-inline">
          Tanggal
          <DateField value={tanggal} max={ctx.today} onChange={(v) => v && setTanggal(v)} testId="ringkasan-tanggal" />
        </label>
        {tanggal !== ctx.today && (
          <button type="button" class="adm-btn" onClick={() => setTanggal(ctx.today)}>
            Hari ini
          </button>
        )}
        <button type="button" class="adm-btn" onClick={() => void reload()} disabled={loading}>
          Muat ulang
        </button>
      </div>
      <p class="adm-sub">
        <strong>{longDate(tanggal)}</strong>
        {checkedAt && (
          <span class="muted" data-testid="ringkasan-updated">
            {' '}
            · {live ? 'diperbarui otomatis; terakhir diperiksa' : 'diperiksa'} pukul {clockTime(new Date(checkedAt).toISOString(), ctx.timeZone)}{' '}
            {ctx.zoneLabel}
          </span>
        )}
        {live && <span class="adm-live">Langsung</span>}
      </p>
      <ErrorNote error={error} onRetry={() => void reload()} />
      {!data && loading && <Loading what="ringkasan" />}
      {data?.libur && (
        <p class="adm-note">
          {JENIS[data.libur.jenis] ?? 'Libur'}: {data.libur.keterangan}. Tidak ada apel.
        </p>
      )}
      {data?.hariKhusus?.tambahan && <p class="adm-note">Hari apel tambahan: {data.hariKhusus.tambahan.keterangan}</p>}
      {data?.hariKhusus?.batal &&
        Object.entries(data.hariKhusus.batal).map(([slot, alasan]) => (
          <p class="adm-note" key={slot}>
            Apel {slot} dibatalkan: {alasan}
          </p>
        ))}
      {data && data.sesi.length === 0 && !data.libur && (
        <p class="adm-card muted" data-testid="ringkasan-kosong">
          Tidak ada apel pada tanggal ini.
        </p>
      )}
      {data?.sesi.map((s) => <SesiOverview key={s.id} sesi={s} timeZone={data.timeZone} zoneLabel={data.zoneLabel} />)}
    </>
  );
}

import { useState } from 'preact/hooks';
import type { DisruptionInput, OverviewSesi } from '../../../../../contract';
import { hourMinute, longDate } from '../../../lib/time';
import { declareDisruption } from '../api/calendar';
import { getOverview } from '../api/overview';
import type { AdminContext } from '../context';
import { DoneNote, ErrorNote, Loading } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { DateField } from '../../../components/DateField';
import { Form } from '../../../components/Form';

/**
 * A disruption (the network was down, the server unreachable) declared for one sesi of a
 * date: extend its window, or excuse everyone in it (nobody marked late or absent).
 */
export function DisruptionPanel({ ctx }: { ctx: AdminContext }) {
  const [tanggal, setTanggal] = useState(ctx.today);
  const day = useLoad(async () => (await getOverview(ctx.token, tanggal, undefined)).body?.sesi ?? [], tanggal);
  return (
    <section class="adm-card" aria-labelledby="gangguan-h" data-testid="gangguan">
      <h2 id="gangguan-h">Gangguan saat apel</h2>
      <p class="muted">
        Bila jaringan atau layanan terganggu saat apel, perpanjang waktu apel yang sedang dibuka, atau bebaskan semua peserta
        sesi itu dari catatan terlambat dan tidak hadir. Rekap mencatat gangguan ini.
      </p>
      <label class="adm-inline">
        Tanggal
        <DateField value={tanggal} max={ctx.today} onChange={(v) => v && setTanggal(v)} />
      </label>
      <ErrorNote error={day.error} onRetry={() => void day.reload()} />
      {day.loading && !day.data ? (
        <Loading what="apel" />
      ) : day.data?.length === 0 ? (
        <p class="muted">Tidak ada apel yang dibuka pada {longDate(tanggal)}.</p>
      ) : (
        day.data?.map((s) => <SesiDisruption key={s.id} ctx={ctx} sesi={s} onSaved={() => void day.reload()} />)
      )}
    </section>
  );
}

function SesiDisruption({ ctx, sesi, onSaved }: { ctx: AdminContext; sesi: OverviewSesi; onSaved: () => void }) {
  const [mode, setMode] = useState<'perpanjang' | 'bebaskan'>(sesi.state === 'dibuka' ? 'perpanjang' : 'bebaskan');
  const [menit, setMenit] = useState(15);
  const [keterangan, setKeterangan] = useState('');
  const save = useAction();
  const t = (iso: string) => hourMinute(iso, ctx.timeZone);
  const done = sesi.gangguan?.mode === 'bebaskan';

  async function submit(e: Event) {
    e.preventDefault();
    const g: DisruptionInput = mode === 'perpanjang' ? { mode, menit, keterangan: keterangan.trim() } : { mode, keterangan: keterangan.trim() };
    const r = await save.run(() => declareDisruption(ctx.token, sesi.id, g), (r) =>
      r.sesi.gangguan.mode === 'perpanjang'
        ? `${sesi.label}: ditutup pukul ${t(r.sesi.closesAt)} ${ctx.zoneLabel}.`
        : `${sesi.label}: tidak ada peserta yang dicatat terlambat atau tidak hadir.`,
    );
    if (r) onSaved();
  }

  return (
    <Form class="adm-gangguan" onSubmit={submit} data-sesi={sesi.id} problemClass="adm-note adm-note-error">
      <h3>
        {sesi.label} · {t(sesi.opensAt)}–{t(sesi.closesAt)} {ctx.zoneLabel} · {sesi.state === 'dibuka' ? 'sedang dibuka' : sesi.state === 'ditutup' ? 'ditutup' : 'belum dibuka'}
      </h3>
      {sesi.gangguan && (
        <p class="adm-note adm-note-warn">
          Gangguan tercatat: {sesi.gangguan.keterangan} ({sesi.gangguan.mode === 'perpanjang' ? `diperpanjang ${sesi.gangguan.menit ?? ''} menit` : 'semua dibebaskan'})
        </p>
      )}
      {!done && (
        <>
          <div class="adm-filters">
            <label>
              Tindakan
              <select value={mode} onChange={(e) => setMode(e.currentTarget.value as typeof mode)}>
                {sesi.state === 'dibuka' && <option value="perpanjang">Perpanjang waktu apel</option>}
                <option value="bebaskan">Bebaskan semua (tidak ada yang terlambat/tidak hadir)</option>
              </select>
            </label>
            {mode === 'perpanjang' && (
              <label>
                Menit
                <input type="number" min={1} max={120} value={menit} required onInput={(e) => setMenit(Number(e.currentTarget.value))} class="adm-w-num" />
              </label>
            )}
            <label class="adm-grow">
              Keterangan
              <input value={keterangan} required onInput={(e) => setKeterangan(e.currentTarget.value)} placeholder="mis. Jaringan putus 07.10–07.25" />
            </label>
            <button type="submit" class="adm-btn adm-btn-primary" disabled={save.busy}>
              {save.busy ? 'Menyimpan…' : 'Nyatakan gangguan'}
            </button>
          </div>
          <ErrorNote error={save.error} />
        </>
      )}
      <DoneNote text={save.done} />
    </Form>
  );
}

import { useState } from 'preact/hooks';
import type { Slot, SpecialDay, SpecialDaySaved, YearCalendar } from '../../../../../contract';
import { hourMinute, longDate } from '../../../lib/time';
import { putSpecialDay } from '../api/calendar';
import type { AdminContext } from '../context';
import { DoneNote, ErrorNote } from '../ui/Messages';
import { useAction } from '../ui/useAction';
import type { SpecialDayDraft } from './specialDay';
import { draftOf, inputOf, SLOT_LABEL, SLOTS } from './specialDay';
import { DateField } from '../../../components/DateField';
import { Form } from '../../../components/Form';

/**
 * One date's exceptions: an extra apel day, a cancelled apel (with the reason), changed
 * times. Saving replaces that date's settings; the server answers with the apel the date
 * now has, shown below the form.
 */
export function SpecialDayForm({
  ctx,
  kalender,
  onSaved,
}: {
  ctx: AdminContext;
  kalender: YearCalendar;
  onSaved: () => void;
}) {
  const existing = (tanggal: string): SpecialDay | undefined => kalender.hariKhusus.find((h) => h.date === tanggal);
  const [d, setD] = useState<SpecialDayDraft>(() => draftOf('', kalender.slots));
  const [saved, setSaved] = useState<SpecialDaySaved & { tanggal: string }>();
  const save = useAction();

  const pick = (tanggal: string) => {
    save.reset();
    setSaved(undefined);
    setD(draftOf(tanggal, kalender.slots, existing(tanggal)));
  };
  const setSlot = <K extends 'batal' | 'waktu'>(k: K, s: Slot, v: Partial<SpecialDayDraft[K][Slot]>) =>
    setD({ ...d, [k]: { ...d[k], [s]: { ...d[k][s], ...v } } });

  async function submit(e: Event) {
    e.preventDefault();
    const r = await save.run(() => putSpecialDay(ctx.token, d.tanggal, inputOf(d)), 'Pengaturan tanggal ini disimpan.');
    if (r) {
      setSaved({ ...r, tanggal: d.tanggal });
      onSaved();
    }
  }

  return (
    <Form class="adm-form" onSubmit={submit} data-testid="hari-form" problemClass="adm-note adm-note-error">
      <label class="adm-inline">
        Tanggal
        <DateField value={d.tanggal} min={ctx.today} required onChange={(v) => v && pick(v)} testId="hari-tanggal" />
      </label>
      {d.tanggal && (
        <>
          {existing(d.tanggal) && <p class="muted">Tanggal ini sudah punya pengaturan khusus (diubah di bawah).</p>}
          <fieldset>
            <legend>Hari apel tambahan</legend>
            <label class="adm-check">
              <input type="checkbox" checked={d.tambahan} onChange={(e) => setD({ ...d, tambahan: e.currentTarget.checked })} />
              Adakan apel pagi dan sore pada tanggal ini (juga bila bukan hari WFA)
            </label>
            {d.tambahan && (
              <input value={d.keterangan} required onInput={(e) => setD({ ...d, keterangan: e.currentTarget.value })} placeholder="Keterangan, mis. Apel HUT Kabupaten" aria-label="Keterangan hari apel tambahan" />
            )}
          </fieldset>
          {SLOTS.map((s) => (
            <fieldset key={s}>
              <legend>{SLOT_LABEL[s]}</legend>
              <label class="adm-check">
                <input type="checkbox" checked={d.batal[s].on} onChange={(e) => setSlot('batal', s, { on: e.currentTarget.checked })} data-testid={`batal-${s}`} />
                Batalkan
              </label>
              {d.batal[s].on ? (
                <input value={d.batal[s].alasan} required onInput={(e) => setSlot('batal', s, { alasan: e.currentTarget.value })} placeholder="Alasan, mis. Upacara HUT di lapangan" aria-label={`Alasan ${SLOT_LABEL[s]} dibatalkan`} />
              ) : (
                <>
                  <label class="adm-check">
                    <input type="checkbox" checked={d.waktu[s].on} onChange={(e) => setSlot('waktu', s, { on: e.currentTarget.checked })} />
                    Ubah jam
                  </label>
                  {d.waktu[s].on && (
                    <div class="adm-times">
                      {(['opens', 'onTimeUntil', 'closes'] as const).map((k) => (
                        <label key={k}>
                          {k === 'opens' ? 'Dibuka' : k === 'onTimeUntil' ? 'Tepat waktu s.d.' : 'Ditutup'}
                          <DateField
                            kind="jam"
                            value={d.waktu[s].times[k]}
                            required
                            onChange={(v) => setSlot('waktu', s, { times: { ...d.waktu[s].times, [k]: v } })}
                          />
                        </label>
                      ))}
                    </div>
                  )}
                </>
              )}
            </fieldset>
          ))}
          <ErrorNote error={save.error} />
          <div class="adm-actions">
            <button type="submit" class="adm-btn adm-btn-primary" disabled={save.busy} data-testid="hari-save">
              {save.busy ? 'Menyimpan…' : 'Simpan pengaturan tanggal ini'}
            </button>
          </div>
        </>
      )}
      <DoneNote text={save.done} />
      {saved && (
        <p class="muted" data-testid="hari-rencana">
          Apel pada {longDate(saved.tanggal)}:{' '}
          {saved.rencana.length === 0
            ? 'tidak ada.'
            : saved.rencana
                .map((r) => `${SLOT_LABEL[r.slot as Slot] ?? r.slot} ${hourMinute(r.opensAt, ctx.timeZone)}–${hourMinute(r.closesAt, ctx.timeZone)} ${ctx.zoneLabel}`)
                .join('; ')}
        </p>
      )}
    </Form>
  );
}

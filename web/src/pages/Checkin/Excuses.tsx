import type { ExcuseKind, MyExcuse } from '../../../../contract';
import { shortDate } from '../../lib/time';

export const KIND: Record<ExcuseKind, string> = { izin: 'Izin', sakit: 'Sakit', cuti: 'Cuti', dinas_luar: 'Dinas luar', tugas_belajar: 'Tugas belajar' };

/** The excuses recorded for this ASN this week: kind, dates, who recorded it; checking in stays possible. */
export function Excuses({ izin, today }: { izin: readonly MyExcuse[]; today: string }) {
  return (
    <>
      {izin.map((e) => (
        <section key={e.id} class="card notice" role="note" data-testid="izin" data-jenis={e.jenis}>
          <p>
            <strong>
              {KIND[e.jenis]} {e.dari === e.sampai ? shortDate(e.dari) : `${shortDate(e.dari)} – ${shortDate(e.sampai)}`}
            </strong>
            {e.dari <= today && today <= e.sampai && ' (hari ini)'}
          </p>
          <p class="muted">
            Dicatat oleh {e.olehNama ?? e.oleh}
            {e.catatan && `: ${e.catatan}`}
          </p>
          <p>Bila tetap mengikuti apel, tekan tombol hadir: kehadiran Anda tetap tercatat.</p>
        </section>
      ))}
    </>
  );
}

import type { MyExcuse, SesiView } from '../../../../contract';
import { KIND } from './Excuses';
import { badgeOf } from './sesi';

/** The sesi's status; an excuse that covers the day stands in for "Tidak hadir" / "Belum". */
export function StatusBadge({ sesi, izin }: { sesi: Pick<SesiView, 'state' | 'status'>; izin?: MyExcuse | undefined }) {
  const badge = izin ? { text: KIND[izin.jenis], tone: 'jadwal' } : badgeOf(sesi);
  return <span class={`badge badge-${badge.tone}`}>{badge.text}</span>;
}

import type { SesiView } from '../lib/api';
import { badgeOf } from '../lib/sesi';

export function StatusBadge({ sesi }: { sesi: Pick<SesiView, 'state' | 'status'> }) {
  const badge = badgeOf(sesi);
  return <span class={`badge badge-${badge.tone}`}>{badge.text}</span>;
}

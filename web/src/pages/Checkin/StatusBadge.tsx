import type { SesiView } from '../../../../contract';
import { badgeOf } from './sesi';

export function StatusBadge({ sesi }: { sesi: Pick<SesiView, 'state' | 'status'> }) {
  const badge = badgeOf(sesi);
  return <span class={`badge badge-${badge.tone}`}>{badge.text}</span>;
}

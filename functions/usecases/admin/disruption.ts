import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { NotFound } from '../../core/errors';
import type { DeclaredDisruption } from '../../core/sesi';
import { applyDisruption } from '../../core/sesi';
import { writeAudited } from '../../store/audit-store';
import { sesiFrom } from '../../store/sesi-store';
import { keys } from '../../store/tables';
import { getConsistent, putVersioned } from '../../store/versioned';
import { changedMeanwhile } from './roster';

export type DisruptionInput = { mode: 'perpanjang'; menit: number; keterangan: string } | { mode: 'bebaskan'; keterangan: string };

/**
 * Declares a disruption for a sesi: stored on the sesi record, where the check-in
 * reads `closesAt` (an extension takes effect on the next tap) and the recaps read
 * `gangguan` when they are shown (so freeing a closed sesi needs no recomputation).
 */
export async function declareDisruption(who: Principal, id: string, input: DisruptionInput, now: Date) {
  const item = await getConsistent('sessions', keys.sesi(id));
  if (!item) throw new NotFound('SESI_TIDAK_ADA', `Sesi ${id} tidak dibuka (bukan hari apel, atau belum waktunya).`);
  const sesi = sesiFrom(item);
  const { gangguan, closesAt } = applyDisruption(sesi, input, who.nip, now);
  await writeAudited(
    [putVersioned('sessions', { ...item, gangguan, closesAt: closesAt.toISOString() }, item)],
    auditEntry(who, now, {
      action: 'sesi.gangguan',
      target: `sesi:${id}`,
      before: { closesAt: sesi.closesAt.toISOString(), gangguan: sesi.gangguan ?? null },
      after: { closesAt: closesAt.toISOString(), gangguan },
    }),
    () => changedMeanwhile(),
  );
  return {
    id: sesi.id,
    state: sesi.state,
    opensAt: sesi.opensAt.toISOString(),
    onTimeUntil: sesi.onTimeUntil.toISOString(),
    closesAt: closesAt.toISOString(),
    gangguan: gangguan satisfies DeclaredDisruption,
  };
}

import type { AssessmentMark } from '../../contract';
import type { AuditEntry } from '../core/audit';
import { Conflict, NotFound } from '../core/errors';
import type { Assessment } from '../core/evaluation';
import { writeAudited } from './audit-store';
import type { TransactItem } from './batch';
import { assessmentCountUpdate } from './evaluation-store';
import { keys, tableName } from './tables';

/**
 * A head's assessment on a check-in (`penilaian`), on condition that the check-in is in
 * the head's OPD and still has the assessment the head saw (so the aggregate's counters,
 * updated in the same transaction, never drift).
 */
export async function setAssessment(change: {
  sesiId: string;
  nip: string;
  opd: string;
  before: Assessment | null;
  mark: AssessmentMark | null;
  countInAggregate: boolean;
  audit: AuditEntry;
}): Promise<void> {
  const { sesiId, nip, opd, before, mark } = change;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName('checkins'),
        Key: keys.checkin(sesiId, nip),
        UpdateExpression: mark ? 'SET penilaian = :mark' : 'REMOVE penilaian',
        ConditionExpression: `attribute_exists(pk) AND opd = :opd AND ${before ? 'penilaian.nilai = :before' : 'attribute_not_exists(penilaian)'}`,
        ExpressionAttributeValues: { ':opd': opd, ...(mark ? { ':mark': mark } : {}), ...(before ? { ':before': before } : {}) },
      },
    },
  ];
  const count = change.countInAggregate ? assessmentCountUpdate(opd, sesiId, before, mark?.nilai ?? null) : undefined;
  if (count) items.push(count);
  await writeAudited(items, change.audit, (index) =>
    index === 0
      ? new Conflict('DATA_BERUBAH', 'Penilaian ini baru saja diubah orang lain; muat ulang halaman.')
      : new NotFound('REKAP_TIDAK_ADA', 'Rekap evaluasi apel ini belum dibuat; coba lagi sesudah apel ditutup.'),
  );
}

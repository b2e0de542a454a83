import type { AuditEntry } from '../core/audit';
import { NotFound } from '../core/errors';
import type { ComplianceMark } from './checkin-store';
import { writeAudited } from './audit-store';
import { keys, tableName } from './tables';

/**
 * A head's uniform mark on a check-in. Only this attribute of a check-in is ever
 * changed after it is recorded (the OPD function may UpdateItem, never Put or
 * Delete), and only for a check-in recorded under the head's OPD.
 */
export async function setComplianceMark(
  sesiId: string,
  nip: string,
  opd: string,
  mark: ComplianceMark | null,
  audit: AuditEntry,
): Promise<void> {
  await writeAudited(
    [
      {
        Update: {
          TableName: tableName('checkins'),
          Key: keys.checkin(sesiId, nip),
          UpdateExpression: mark ? 'SET tidakPatuh = :mark' : 'REMOVE tidakPatuh',
          ConditionExpression: 'attribute_exists(pk) AND opd = :opd',
          ExpressionAttributeValues: { ':opd': opd, ...(mark ? { ':mark': mark } : {}) },
        },
      },
    ],
    audit,
    () => new NotFound('CHECKIN_TIDAK_ADA', 'ASN ini belum presensi pada apel tersebut di OPD ini.'),
  );
}

import { describe, expect, it } from 'vitest';
import { fieldLabel, targetLabel } from '../../web/src/pages/Admin/Audit/labels';

const person = (nip: string) => (nip === '196610171993121005' ? 'Ruslan Mokodompit (19661017 199312 1 005)' : nip);
const opdNama = (kode: string) => (kode === 'setda' ? 'Sekretariat Daerah' : kode);

describe("the audit trail in the auditor's words", () => {
  it('names the record: the apel and the person of a check-in, an excuse, an ASN, an OPD, a holiday', () => {
    expect(targetLabel('checkin:2026-12-02.pagi:196610171993121005', person, opdNama)).toBe(
      'Presensi Apel pagi 2 Des 2026 · Ruslan Mokodompit (19661017 199312 1 005)',
    );
    expect(targetLabel('izin:2026-12-03_196610171993121005_ab12cd34', person, opdNama)).toBe('Izin Ruslan Mokodompit (19661017 199312 1 005) (sampai 3 Des 2026)');
    expect(targetLabel('roster', person, opdNama)).toBe('Daftar pegawai');
    expect(targetLabel('pemetaan:kolom-99f2784e', person, opdNama)).toBe('Pemetaan kolom berkas');
    expect(targetLabel('asn:196610171993121005', person, opdNama)).toBe('ASN Ruslan Mokodompit (19661017 199312 1 005)');
    expect(targetLabel('opd:setda', person, opdNama)).toBe('OPD Sekretariat Daerah');
    expect(targetLabel('libur:2026-12-25', person, opdNama)).toBe('Hari libur 25 Des 2026');
    expect(targetLabel('libur:2026', person, opdNama)).toBe('Daftar hari libur 2026');
    expect(targetLabel('sesi:2026-11-30.sore', person, opdNama)).toBe('Apel sore 30 Nov 2026');
  });

  it('gives raw field keys Indonesian labels', () => {
    expect(fieldLabel('tidakPatuh.oleh')).toBe('tanda tidak patuh · oleh');
    expect(fieldLabel('counts.missing')).toBe('jumlah · tidak ada di berkas');
    expect(fieldLabel('at')).toBe('waktu');
    expect(fieldLabel('id')).toBe('nomor');
  });
});

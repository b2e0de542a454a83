import type { ImportField, ImportFile, ImportUnit, OpdListRow } from '../../../../../contract';
import { angka } from '../../../lib/number';

/** The roster's fields as the admin reads them; the first three are required. */
const FIELDS: [ImportField, string][] = [
  ['nip', 'NIP *'],
  ['nama', 'Nama *'],
  ['opd', 'OPD / unit kerja *'],
  ['gelarDepan', 'Gelar depan'],
  ['gelarBelakang', 'Gelar belakang'],
  ['jabatan', 'Jabatan'],
  ['status', 'Status (PNS/PPPK)'],
  ['noHp', 'Nomor HP'],
  ['peran', 'Peran'],
  ['kedudukan', 'Kedudukan hukum'],
  ['kecamatan', 'Kecamatan tempat tinggal'],
  ['alamat', 'Alamat (kecamatan dari "Kec. …")'],
];

/**
 * How the file is read: its headers, the column of each field (matched from known headers,
 * or what was chosen last time for this kind of file), changeable here. A field without a
 * column keeps what the roster has (role, phone, position) or, for NIP, name and OPD,
 * must be chosen before anything can be imported.
 */
export function ColumnMapping({ berkas, onChange, disabled }: { berkas: ImportFile; onChange: (field: ImportField, header: string | null) => void; disabled: boolean }) {
  const headers = [...new Set(berkas.judul.filter(Boolean))];
  return (
    <details class="adm-mapping" open={berkas.kurang.length > 0} data-testid="column-mapping">
      <summary>
        Kolom berkas: {berkas.label} (judul di baris {berkas.barisJudul})
        {berkas.kurang.length > 0 && <strong class="adm-bad"> — pilih kolom untuk {berkas.kurang.map((f) => FIELDS.find(([k]) => k === f)?.[1] ?? f).join(', ')}</strong>}
      </summary>
      <p class="muted">
        Judul kolom yang ditemukan ({angka(headers.length)}): {headers.join(', ')}. Pilihan Anda disimpan untuk berkas sejenis saat impor
        disimpan.
      </p>
      <div class="adm-form-grid">
        {FIELDS.map(([field, label]) => (
          <label key={field}>
            <span>{label}</span>
            <select value={berkas.kolom[field] ?? ''} disabled={disabled} onChange={(e) => onChange(field, e.currentTarget.value || null)} data-testid={`map-${field}`}>
              <option value="">(tidak ada di berkas)</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}

const SUMBER: Record<NonNullable<ImportUnit['sumber']>, string> = { otomatis: 'cocok dengan kode/nama OPD', tersimpan: 'pemetaan tersimpan', pilihan: 'pilihan Anda' };

/**
 * Each distinct value of the file's OPD column, mapped to an OPD once (saved at import and
 * reused). A value not mapped yet holds back only its own rows.
 */
export function UnitMapping({
  units,
  opds,
  onChange,
  disabled,
}: {
  units: ImportUnit[];
  opds: OpdListRow[];
  onChange: (nilai: string, kode: string) => void;
  disabled: boolean;
}) {
  const open = units.filter((u) => u.opd === null);
  const held = open.reduce((n, u) => n + u.baris, 0);
  const nama = (kode: string) => opds.find((o) => o.kode === kode)?.nama ?? kode;
  return (
    <details class="adm-mapping" open={open.length > 0} data-testid="unit-mapping">
      <summary>
        Unit kerja → OPD ({angka(units.length)} nilai)
        {open.length > 0 && (
          <strong class="adm-bad" data-testid="units-held">
            {' '}
            — {angka(open.length)} nilai belum dipetakan, {angka(held)} baris ditahan
          </strong>
        )}
      </summary>
      <div class="adm-table-wrap adm-scroll">
        <table class="adm-table">
          <thead>
            <tr>
              <th>Nilai di berkas</th>
              <th>Baris</th>
              <th>OPD</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.nilai} data-unit={u.nilai}>
                <td>{u.nilai || '(kosong)'}</td>
                <td>{angka(u.baris)}</td>
                <td>
                  <select value={u.opd ?? ''} disabled={disabled} onChange={(e) => e.currentTarget.value && onChange(u.nilai, e.currentTarget.value)} aria-label={`OPD untuk ${u.nilai}`}>
                    <option value="">— pilih OPD (baris ditahan) —</option>
                    {opds.map((o) => (
                      <option key={o.kode} value={o.kode}>
                        {o.nama}
                      </option>
                    ))}
                  </select>
                  {u.sumber && <span class="muted"> {SUMBER[u.sumber]}</span>}
                  {u.saran.length > 0 && (
                    <span class="muted">
                      {' '}
                      Saran:{' '}
                      {u.saran.map((k) => (
                        <button key={k} type="button" class="adm-btn adm-btn-small" disabled={disabled} onClick={() => onChange(u.nilai, k)}>
                          {nama(k)}
                        </button>
                      ))}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

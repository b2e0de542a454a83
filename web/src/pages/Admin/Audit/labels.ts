/** What each audit action means, in the admin's words. Unknown actions show their code. */
export const AKSI: Record<string, string> = {
  'roster.impor': 'Impor daftar pegawai',
  'roster.tambah': 'ASN ditambahkan',
  'roster.ubah': 'Data ASN diubah',
  'roster.pindah': 'ASN pindah OPD',
  'roster.peran': 'Peran diubah',
  'roster.nonaktifkan': 'ASN dinonaktifkan',
  'roster.aktifkan': 'ASN diaktifkan kembali',
  'opd.tambah': 'OPD ditambahkan',
  'opd.ubah': 'OPD diganti nama',
  'opd.wfa': 'Status WFA OPD diubah',
  'kalender.libur': 'Hari libur ditambah/diubah',
  'kalender.libur.hapus': 'Hari libur dihapus',
  'kalender.impor': 'Kalender libur diunggah',
  'kalender.hari': 'Pengaturan tanggal diubah',
  'sesi.gangguan': 'Gangguan dinyatakan',
  'tautan.terbitkan': 'Tautan diterbitkan',
  'tautan.cabut': 'Tautan dicabut',
  'izin.catat': 'Izin dicatat',
  'izin.tarik': 'Izin ditarik',
  'seragam.tandai': 'Seragam ditandai',
  'penilaian.catat': 'Hasil kerja dinilai',
  'epresensi.impor': 'E-presensi kantor diunggah',
  'kesiapan.mulai': 'Cek kesiapan dimulai',
  'tautan-apel.ubah': 'Tautan apel OPD diubah',
  'roster.pemetaan': 'Pemetaan kolom berkas disimpan',
  'opd.impor': 'Daftar OPD diimpor',
};

/** The words of an audit line's field names (`tidakPatuh.oleh` → `tanda tidak patuh · oleh`); unknown ones as they are. */
const FIELD: Record<string, string> = {
  at: 'waktu',
  id: 'nomor',
  oleh: 'oleh',
  nip: 'NIP',
  nama: 'nama',
  jabatan: 'jabatan',
  opd: 'OPD',
  peran: 'peran',
  aktif: 'aktif',
  telepon: 'telepon',
  status: 'status',
  catatan: 'catatan',
  keterangan: 'keterangan',
  jenis: 'jenis',
  dari: 'dari',
  sampai: 'sampai',
  ditarik: 'ditarik',
  tidakPatuh: 'tanda tidak patuh',
  patuh: 'patuh',
  pesan: 'pesan',
  mulai: 'mulai',
  batas: 'batas menjawab',
  menit: 'menit',
  mode: 'cara',
  wfa: 'WFA',
  sejak: 'sejak',
  tautanApel: 'tautan apel',
  pagi: 'apel pagi',
  sore: 'apel sore',
  opens: 'dibuka',
  onTimeUntil: 'tepat waktu s.d.',
  closes: 'ditutup',
  counts: 'jumlah',
  new: 'baru',
  baru: 'baru',
  changed: 'berubah',
  diubah: 'berubah',
  moved: 'pindah OPD',
  unchanged: 'tidak berubah',
  invalid: 'baris ditolak',
  missing: 'tidak ada di berkas',
  deactivated: 'dinonaktifkan',
  issued: 'diterbitkan',
  revoked: 'dicabut',
  nips: 'daftar NIP',
  berkas: 'berkas',
};

export function fieldLabel(field: string): string {
  return field
    .split('.')
    .map((k) => FIELD[k] ?? k)
    .join(' · ');
}

const SLOT: Record<string, string> = { pagi: 'Apel pagi', sore: 'Apel sore', demo: 'Apel percobaan' };
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const day = (d: string) => `${Number(d.slice(8, 10))} ${MONTH[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
const sesi = (id: string) => {
  const [date = '', slot = ''] = id.split('.');
  return `${SLOT[slot] ?? slot} ${day(date)}`;
};

/**
 * The record an audit line concerns, in words: `checkin:2026-12-02.pagi:1966…` → "Presensi Apel
 * pagi 2 Des 2026 · <name> (NIP)"; unknown kinds as they are.
 */
export function targetLabel(target: string, person: (nip: string) => string, opdNama: (kode: string) => string): string {
  const [kind = '', ...rest] = target.split(':');
  const value = rest.join(':');
  switch (kind) {
    case 'asn':
      return `ASN ${person(value)}`;
    case 'checkin': {
      const [sesiId = '', nip = ''] = rest;
      return `Presensi ${sesi(sesiId)} · ${person(nip)}`;
    }
    case 'izin': {
      const m = /^(\d{4}-\d\d-\d\d)_(\d{18})_/.exec(value);
      return m ? `Izin ${person(m[2]!)} (sampai ${day(m[1]!)})` : `Izin ${value}`;
    }
    case 'sesi':
      return sesi(value);
    case 'libur':
      // A date, or a year for a whole list uploaded.
      return /^\d{4}-\d\d-\d\d$/.test(value) ? `Hari libur ${day(value)}` : `Daftar hari libur ${value}`;
    case 'hari':
      return `Tanggal ${day(value)}`;
    case 'opd':
      return `OPD ${opdNama(value)}`;
    case 'kesiapan':
      return 'Cek kesiapan';
    case 'roster':
      return 'Daftar pegawai';
    case 'pemetaan':
      return 'Pemetaan kolom berkas';
    default:
      return target;
  }
}

/** The filter's choices: prefixes, so "roster" finds every roster change. */
export const AKSI_FILTER: [string, string][] = [
  ['', 'Semua tindakan'],
  ['roster', 'Daftar pegawai (semua)'],
  ['roster.impor', '· Impor daftar pegawai'],
  ['roster.nonaktifkan', '· Penonaktifan'],
  ['opd', 'OPD'],
  ['kalender', 'Kalender'],
  ['sesi', 'Gangguan apel'],
  ['tautan', 'Tautan'],
  ['izin', 'Izin (oleh pimpinan)'],
  ['seragam', 'Seragam (oleh pimpinan)'],
  ['kesiapan', 'Cek kesiapan (oleh pimpinan)'],
];

export const ROLE: Record<string, string> = { admin: 'Admin', pimpinan: 'Pimpinan', asn: 'ASN' };

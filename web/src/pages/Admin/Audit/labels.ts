/** What each audit action means, in the admin's words. Unknown actions show their code. */
export const AKSI: Record<string, string> = {
  'roster.impor': 'Impor roster',
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
  'kesiapan.mulai': 'Cek kesiapan dimulai',
};

/** The filter's choices: prefixes, so "roster" finds every roster change. */
export const AKSI_FILTER: [string, string][] = [
  ['', 'Semua tindakan'],
  ['roster', 'Roster (semua)'],
  ['roster.impor', '· Impor roster'],
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

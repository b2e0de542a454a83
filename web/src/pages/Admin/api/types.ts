/** Shapes of the admin API (docs/api.md, "Admin"). */

export type Peran = 'asn' | 'pimpinan' | 'admin';

export interface Asn {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  status: 'PNS' | 'PPPK' | string;
  /** Normalised to 62…, "" when unknown. */
  noHp: string;
  peran: Peran;
  aktif: boolean;
}

export interface WfaChange {
  sejak: string;
  wfa: boolean;
}

export interface Opd {
  kode: string;
  nama: string;
  /** Today's value. */
  wfa: boolean;
  wfaAwal: boolean;
  wfaSejak: WfaChange[];
}

export interface OpdRow extends Opd {
  jumlahAsn: number;
  pimpinan: { nip: string; nama: string }[];
}

export interface Counts {
  expected: number;
  hadir: number;
  terlambat: number;
  belumHadir: number;
  tidakHadir: number;
  dibebaskan: number;
  izin: number;
  sakit: number;
  cuti: number;
  dinas_luar: number;
  tugas_belajar: number;
}

export interface SlotTimes {
  opens: string;
  onTimeUntil: string;
  closes: string;
}

export type Slot = 'pagi' | 'sore';

export interface HariKhusus {
  date: string;
  tambahan: { keterangan: string } | null;
  batal?: Partial<Record<Slot, string>>;
  waktu?: Partial<Record<Slot, SlotTimes>>;
}

export interface Libur {
  date: string;
  jenis: 'libur_nasional' | 'cuti_bersama' | string;
  keterangan: string;
}

export interface Gangguan {
  mode: 'perpanjang' | 'bebaskan';
  keterangan: string;
  menit?: number;
  oleh?: string;
  at?: string;
}

export interface RingkasanSesi {
  id: string;
  date: string;
  slot: string;
  label: string;
  state: 'terjadwal' | 'dibuka' | 'ditutup';
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
  demo: boolean;
  gangguan: Gangguan | null;
  total: Counts;
  opd: { kode: string; nama: string; wfa: boolean; counts: Counts }[];
}

export interface Ringkasan {
  now: string;
  timeZone: string;
  zoneLabel: string;
  tanggal: string;
  libur: Libur | null;
  hariKhusus: HariKhusus | null;
  refreshSeconds: number | null;
  sesi: RingkasanSesi[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { nip: string; role: string; opd: string };
  action: string;
  opd?: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

export interface Problem {
  line: number;
  reason: string;
}

export interface RosterPreview {
  total: number;
  valid: number;
  problems: Problem[];
  counts: { baru: number; berubah: number; tetap: number; pindah: number; aktifKembali: number; missing: number };
  baru: Asn[];
  berubah: { sebelum: Asn; sesudah: Asn; kolom: string[] }[];
  pindah: { nip: string; nama: string; dari: string; ke: string }[];
  missing: { nip: string; nama: string; opd: string }[];
}

export interface RosterImported extends RosterPreview {
  nonaktif: string[];
  tautanDicabut: number;
}

export interface Kalender {
  tahun: number;
  timeZone: string;
  wfaDays: string[];
  slots: Record<Slot, SlotTimes>;
  libur: Libur[];
  hariKhusus: HariKhusus[];
}

export interface RencanaSesi {
  id: string;
  slot: string;
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
}

export interface LiburImported {
  added: number;
  updated: number;
  unchanged: number;
  problems: Problem[];
}

export interface IssuedLink {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  opdNama: string;
  peran: Peran;
  noHp: string;
  tautan: string;
  waMe: string | null;
}

export type Cakupan = { nip: string } | { opd: string } | { semua: true };

export type TautanResult =
  | { aksi: 'terbitkan'; jumlah: number; tautan: IssuedLink[]; csv: string; namaBerkas: string }
  | { aksi: 'cabut'; jumlah: number; nip: string[] };

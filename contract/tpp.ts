import type { Code, Endpoint, IsoDate } from './common';

/**
 * Rekap TPP: a month of apel in the form payroll uses (functions/core/tpp.ts): per ASN the
 * count of each code, the TL in bands TL1–TL4 and the deduction percent that follows from
 * the regency's rules (config `tpp`; the defaults are Permentan 68/2012's, the Perbup decides).
 */

export type TlBand = 'TL1' | 'TL2' | 'TL3' | 'TL4';

export interface TppRules {
  dasar: string;
  persenTk: number;
  tlBatasMenit: [number, number, number];
  persenTl: [number, number, number, number];
  batasBulananPersen: number;
}

export interface TppAsn {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  jumlah: Record<Code, number>;
  tl: Record<TlBand, number>;
  menitTerlambat: number;
  /** Of the H and TL, check-ins kept on the phone without network and delivered later (*luring*). */
  luring: number;
  /** Deduction in percent of the month's TPP, after the monthly cap. */
  potongan: number;
}

export interface TppOpdSummary {
  kode: string;
  nama: string;
  wfa: boolean;
  /** ASN in the month's recaps. */
  asn: number;
  /** Closed apel of the month. */
  apel: number;
  jumlah: Record<Code, number>;
  tl: Record<TlBand, number>;
  luring: number;
  /** ASN with a deduction above 0. */
  kenaPotongan: number;
  /** Mean deduction over the OPD's ASN, two decimals. */
  rataPotongan: number;
}

/** GET /api/opd/{opd}/tpp?bulan=YYYY-MM: one OPD's month (a head's own OPD, or any for the admin). */
export interface TppMonth {
  bulan: string;
  dari: IsoDate;
  sampai: IsoDate;
  aturan: TppRules;
  ringkasan: TppOpdSummary;
  asn: TppAsn[];
}

/** GET /api/admin/tpp?bulan=YYYY-MM: the regency's month, one summary per OPD and the total. */
export interface TppRegency {
  bulan: string;
  dari: IsoDate;
  sampai: IsoDate;
  aturan: TppRules;
  opd: TppOpdSummary[];
  total: TppOpdSummary;
}

/** `text/csv` for Excel id-ID (UTF-8 BOM, `;`, NIP as text): per ASN, or with `isi=opd` one row per OPD. */
export type TppCsv = string;

export interface TppRoutes {
  'GET /api/opd/{opd}/tpp': Endpoint<{ params: { opd: string }; query: { bulan?: string } }, TppMonth>;
  'GET /api/opd/{opd}/tpp.csv': Endpoint<{ params: { opd: string }; query: { bulan?: string } }, TppCsv>;
  'GET /api/admin/tpp': Endpoint<{ query: { bulan?: string } }, TppRegency>;
  'GET /api/admin/tpp.csv': Endpoint<{ query: { bulan?: string; isi?: 'asn' | 'opd' } }, TppCsv>;
}

import type { CheckinStatus } from './checkin';

/** One expected ASN in a closed sesi, as the close found them. */
export interface RecapRow {
  nip: string;
  nama: string;
  jabatan: string;
  status: CheckinStatus | 'tidak_hadir';
  at?: string;
  /** The reason a late ASN gave (sent while the apel was open). */
  alasan?: string;
  /** The tap was kept on the phone without network and delivered later (`at` is the tap's time). */
  luring?: true;
}

export interface OpdRecap {
  opd: string;
  /** Exempt OPDs attend the virtual apel too; their staff work from the office. */
  wfa: boolean;
  expected: number;
  hadir: number;
  terlambat: number;
  tidakHadir: number;
}

export interface OpdRecapWithRows extends OpdRecap {
  /**
   * Who was expected and what the close found. Excuses are applied when the recap is
   * read, not here, so an excuse recorded after the close (a doctor's note the next
   * day) still turns TK into S.
   */
  rows: RecapRow[];
}

/**
 * Recap of one OPD in one sesi. `staff` are the OPD's active ASN when the sesi
 * closes; check-ins by anyone else (e.g. moved to another OPD since) are ignored
 * here so the numbers always add up.
 */
export function recapOpd(
  opd: string,
  wfa: boolean,
  staff: readonly { nip: string; nama: string; jabatan: string }[],
  checkins: ReadonlyMap<string, { status: CheckinStatus; at: string; alasanTerlambat?: string; luring?: boolean; ketukPada?: string }>,
): OpdRecapWithRows {
  const rows: RecapRow[] = staff.map((a) => {
    const c = checkins.get(a.nip);
    return {
      nip: a.nip,
      nama: a.nama,
      jabatan: a.jabatan,
      status: c?.status ?? 'tidak_hadir',
      // A tap kept on the phone counts at the time it was made.
      ...(c ? { at: c.ketukPada ?? c.at } : {}),
      ...(c?.luring ? { luring: true } : {}),
      ...(c?.status === 'terlambat' && c.alasanTerlambat ? { alasan: c.alasanTerlambat } : {}),
    };
  });
  const count = (s: RecapRow['status']) => rows.filter((r) => r.status === s).length;
  return { opd, wfa, expected: rows.length, hadir: count('hadir'), terlambat: count('terlambat'), tidakHadir: count('tidak_hadir'), rows };
}

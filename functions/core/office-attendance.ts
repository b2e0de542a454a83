import type { FileSpec, MappedFile, TableRow } from './roster-file';
import type { RowProblem } from './roster';
import type { IsoDate } from './time';
import { isIsoDate } from './time';

/**
 * The regency's office e-presensi (attendance on office days, from its existing system), as
 * a CSV the admin uploads: NIP; tanggal; jam masuk; jam pulang. Columns are found and mapped
 * the way the roster import does (core/roster-file.ts `mapColumns`), dates as Indonesian
 * offices write them (`25/11/2026`, `25-11-2026`, `2026-11-25`), times `07.42` or `07:42[:10]`.
 * An empty `jam masuk` means the ASN did not come.
 */

export const OFFICE_FIELDS = ['nip', 'tanggal', 'masuk', 'pulang'] as const;
export type OfficeField = (typeof OFFICE_FIELDS)[number];

export const OFFICE_FILE: FileSpec<OfficeField> = {
  fields: OFFICE_FIELDS,
  aliases: {
    nip: ['nip', 'nip baru', 'nip 18 digit', 'nip asn', 'nomor induk pegawai'],
    tanggal: ['tanggal', 'tgl', 'tanggal presensi', 'tanggal absen', 'hari tanggal', 'date'],
    masuk: ['jam masuk', 'masuk', 'waktu masuk', 'jam datang', 'datang', 'scan masuk', 'check in', 'checkin'],
    pulang: ['jam pulang', 'pulang', 'waktu pulang', 'scan pulang', 'check out', 'checkout'],
  },
  required: ['nip', 'tanggal', 'masuk'],
};

export interface OfficeRow {
  line: number;
  nip: string;
  tanggal: IsoDate;
  /** Minutes after midnight of `jam masuk`; null: did not come. */
  masuk: number | null;
}

/** `25/11/2026`, `25-11-2026`, `25.11.2026`, `2026-11-25` → `2026-11-25`; else undefined. */
export function officeDate(text: string): IsoDate | undefined {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : t.slice(0, 10);
  return isIsoDate(iso) && (dmy || /^\d{4}-\d{2}-\d{2}$/.test(t)) ? iso : undefined;
}

/** `07.42`, `7:42`, `07:42:10` → minutes after midnight; `` → null; else undefined. */
export function officeTime(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '' || t === '-') return null;
  const m = /^(\d{1,2})[.:](\d{2})(?:[.:]\d{2})?$/.exec(t);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/** Each row read, or its line and reason; a repeated NIP and date is refused (the later line). */
export function readOfficeRows(file: MappedFile<OfficeField>): { rows: OfficeRow[]; problems: RowProblem[] } {
  const rows: OfficeRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const r of file.data as TableRow[]) {
    const nip = file.cell(r, 'nip').replace(/^'/, '').replace(/[\s.]/g, '');
    const tanggal = officeDate(file.cell(r, 'tanggal'));
    const masuk = officeTime(file.cell(r, 'masuk'));
    const reason = !/^\d{18}$/.test(nip)
      ? `NIP harus 18 angka (tertulis "${nip.slice(0, 30)}")`
      : tanggal === undefined
        ? `tanggal tidak dikenali: "${file.cell(r, 'tanggal').slice(0, 30)}" (tulis dd/mm/yyyy)`
        : masuk === undefined
          ? `jam masuk tidak dikenali: "${file.cell(r, 'masuk').slice(0, 20)}" (tulis jj.mm, mis. 07.30)`
          : seen.has(`${nip}|${tanggal}`)
            ? `NIP ${nip} tercatat dua kali pada ${tanggal}`
            : undefined;
    if (reason) {
      problems.push({ line: r.line, reason });
      continue;
    }
    seen.add(`${nip}|${tanggal}`);
    rows.push({ line: r.line, nip, tanggal: tanggal!, masuk: masuk! });
  }
  return { rows, problems };
}

/** `HH:MM` → minutes after midnight (the office's start time). */
export function startMinutes(hhmm: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

import type { LinkCard } from '../../../../../contract';
import type { CsvSeparator } from '../../../../../functions/core/csv-writer';
import { csvFile, id } from '../../../../../functions/core/csv-writer';
import { formatPhone } from '../../../../../functions/core/phone';
import { PERAN } from '../ui/labels';

export type Separator = CsvSeparator;

const HEADER = ['NIP', 'Nama', 'Jabatan', 'OPD', 'Peran', 'No HP', 'Tautan', 'WhatsApp'];

/**
 * The issued links as a CSV that Excel opens correctly by double-click, through the
 * product's one CSV writer (functions/core/csv-writer.ts: pure, no dependencies, so the
 * console bundles the server's module): UTF-8 with a BOM, CRLF, every field quoted, NIP
 * and phone as `="…"` so Excel keeps every digit, formula-like text neutralised. Excel on
 * an Indonesian-locale Windows splits on `;`; English-locale Excel on `,`.
 */
export function linksCsv(links: readonly LinkCard[], sep: Separator): string {
  const rows = links.map((l) => [id(l.nip), l.nama, l.jabatan, l.opdNama || l.opd, PERAN[l.peran] ?? l.peran, id(formatPhone(l.noHp)), l.tautan, l.waMe ?? '']);
  return csvFile(HEADER, rows, sep);
}

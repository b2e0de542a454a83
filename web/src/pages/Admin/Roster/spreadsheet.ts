import { read, utils } from '@e965/xlsx';

/**
 * An .xlsx (or .xls, .ods) workbook read in the browser with SheetJS (@e965/xlsx: the
 * current SheetJS release republished on npm; the `xlsx` package on npm stopped at
 * 0.18.5, with known advisories). Imported only when the admin chooses a spreadsheet, so
 * the library is a chunk of its own that no other page downloads. A sheet becomes CSV text
 * (the cells as Excel shows them: an apostrophe-NIP stays text, a NIP Excel stored as a
 * number arrives as `1.99E+17` and is refused by the roster rules), which the server reads
 * like any CSV.
 */
export interface Workbook {
  sheets: string[];
  csv: (sheet: string) => string;
}

const UNREADABLE = 'Berkas ini tidak bisa dibaca sebagai lembar kerja. Simpan ulang dari Excel sebagai .xlsx atau CSV lalu pilih lagi.';

export function readWorkbook(bytes: ArrayBuffer | Uint8Array): Workbook {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let wb: ReturnType<typeof read>;
  // A workbook is a zip (.xlsx, .ods) or an OLE file (.xls); SheetJS would read any text as a sheet.
  const zip = data[0] === 0x50 && data[1] === 0x4b;
  const ole = data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
  if (!zip && !ole) throw new Error(UNREADABLE);
  try {
    wb = read(data, { type: 'array', dense: true });
  } catch {
    throw new Error(UNREADABLE);
  }
  if (wb.SheetNames.length === 0) throw new Error('Berkas ini tidak punya lembar kerja.');
  return {
    sheets: wb.SheetNames,
    csv: (sheet) => utils.sheet_to_csv(wb.Sheets[sheet]!, { FS: ',', RS: '\n', blankrows: false }),
  };
}

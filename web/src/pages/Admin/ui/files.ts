/**
 * Files into the browser (downloads: lib/download.ts). HR's spreadsheet may save its CSV as UTF-8 (with or
 * without BOM) or, on an older Windows Excel, in the Windows-1252 code page: the text is read
 * as UTF-8 and, if that is not valid, as Windows-1252, so names like "Andrés" survive.
 */
export async function readTextFile(file: File): Promise<{ text: string; encoding: 'UTF-8' | 'Windows-1252' }> {
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

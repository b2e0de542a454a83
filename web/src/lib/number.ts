/**
 * Every number the console and the heads' page show, in one format: id-ID, `2.199`
 * (thousands with a dot) and `12,5` (a decimal comma), whatever the browser's language.
 */
const formats = new Map<number, Intl.NumberFormat>();

export function angka(n: number, decimals = 0): string {
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('id-ID', { maximumFractionDigits: decimals, useGrouping: true })));
  return f.format(n);
}

/**
 * Every number the console, the heads' page and the evaluation show, in one format: id-ID,
 * `2.199` (thousands with a dot) and `12,5` (a decimal comma), whatever the browser's language.
 * `decimals` is the most shown; `fixed` always shows that many (`92,0`, `3,10`), for columns
 * of figures that line up.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function angka(n: number, decimals = 0, fixed = false): string {
  const key = `${decimals}${fixed ? 'f' : ''}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: fixed ? decimals : 0, maximumFractionDigits: decimals, useGrouping: true })));
  return f.format(n);
}

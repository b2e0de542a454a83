/**
 * Before and after of an audit line, made readable: one row per field that differs, nested
 * objects flattened to `waktu.pagi.opens`, long lists (NIPs of a bulk action) counted.
 */
export interface Change {
  field: string;
  before: string | undefined;
  after: string | undefined;
}

type Flat = Map<string, unknown>;

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (value === undefined) return out;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix || 'nilai', value);
  }
  return out;
}

export function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return '(kosong)';
  if (value === true) return 'ya';
  if (value === false) return 'tidak';
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
    return items.length > 12 ? `${items.length} item: ${items.slice(0, 12).join(', ')}, …` : items.join(', ') || '(kosong)';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function changes(before: unknown, after: unknown): Change[] {
  const b = flatten(before, '', new Map());
  const a = flatten(after, '', new Map());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields
    .filter((f) => JSON.stringify(b.get(f)) !== JSON.stringify(a.get(f)) || before === undefined || after === undefined)
    .map((f) => ({ field: f, before: show(b.get(f)), after: show(a.get(f)) }));
}

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

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

/** An instant (`2026-11-29T10:12:40.385Z`) as the admin reads it: `29 Nov, 18.12.40` in the regency's zone. */
function instant(iso: string, timeZone: string): string {
  const d = new Date(iso);
  const day = d.toLocaleDateString('id-ID', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  return `${day}, ${d.toLocaleTimeString('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
}

export function show(value: unknown, timeZone = 'UTC'): string | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return '(kosong)';
  if (typeof value === 'string' && INSTANT.test(value)) return instant(value, timeZone);
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '(kosong)';
  if (value === true) return 'ya';
  if (value === false) return 'tidak';
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
    return items.length > 12 ? `${items.length} item: ${items.slice(0, 12).join(', ')}, …` : items.join(', ') || '(kosong)';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function changes(before: unknown, after: unknown, timeZone = 'UTC'): Change[] {
  const b = flatten(before, '', new Map());
  const a = flatten(after, '', new Map());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields
    .filter((f) => JSON.stringify(b.get(f)) !== JSON.stringify(a.get(f)) || before === undefined || after === undefined)
    .map((f) => ({ field: f, before: show(b.get(f), timeZone), after: show(a.get(f), timeZone) }));
}

import type { OpdListRow } from '../../../../../contract';

/** An OPD picker; `empty` adds a first option such as "Semua OPD". */
export function OpdSelect({
  opds,
  value,
  onChange,
  empty,
  required,
  id,
  testid,
}: {
  opds: OpdListRow[];
  value: string;
  onChange: (kode: string) => void;
  empty?: string;
  required?: boolean;
  id?: string;
  testid?: string;
}) {
  return (
    <select id={id} value={value} required={required} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testid}>
      {empty !== undefined && <option value="">{empty}</option>}
      {/* Keeps a value that is not (yet) in the list, e.g. while the list loads. */}
      {value && !opds.some((o) => o.kode === value) && <option value={value}>{value}</option>}
      {opds.map((o) => (
        <option key={o.kode} value={o.kode}>
          {o.nama}
        </option>
      ))}
    </select>
  );
}

import type { EvaluationQuery } from '../../../../contract';
import { DateField } from '../../components/DateField';

/** Month, quarter or custom dates; the page compares it with the previous period of the same length. */
export type PeriodChoice = { kind: 'bulan'; value: string } | { kind: 'triwulan'; value: string } | { kind: 'kustom'; dari: string; sampai: string };

export function periodQuery(c: PeriodChoice): EvaluationQuery {
  return c.kind === 'kustom' ? { dari: c.dari, sampai: c.sampai } : { periode: c.value };
}

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
const firstMonthOf = (quarter: string) => `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}`;

function quarters(around: string): string[] {
  const year = Number(around.slice(0, 4));
  const list: string[] = [];
  for (let y = year - 1; y <= year + 1; y++) for (let q = 1; q <= 4; q++) list.push(`${y}-Q${q}`);
  return list;
}

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (c: PeriodChoice) => void }) {
  const month = value.kind === 'bulan' ? value.value : value.kind === 'triwulan' ? firstMonthOf(value.value) : value.dari.slice(0, 7);
  return (
    <div class="eval-period">
      <fieldset class="eval-kinds">
        <legend>Periode</legend>
        {(
          [
            ['bulan', 'Bulan'],
            ['triwulan', 'Triwulan'],
            ['kustom', 'Tanggal pilihan'],
          ] as const
        ).map(([kind, label]) => (
          <label key={kind} class="eval-kind">
            <input
              type="radio"
              name="eval-kind"
              checked={value.kind === kind}
              onChange={() =>
                onChange(kind === 'bulan' ? { kind, value: month } : kind === 'triwulan' ? { kind, value: quarterOf(month) } : { kind, dari: `${month}-01`, sampai: `${month}-28` })
              }
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {value.kind === 'bulan' && (
        <label class="eval-field">
          <span>Bulan</span>
          <DateField kind="bulan" value={value.value} onChange={(v) => v && onChange({ kind: 'bulan', value: v })} testId="eval-bulan" />
        </label>
      )}
      {value.kind === 'triwulan' && (
        <label class="eval-field">
          <span>Triwulan</span>
          <select value={value.value} onChange={(e) => onChange({ kind: 'triwulan', value: e.currentTarget.value })} data-testid="eval-triwulan">
            {quarters(value.value).map((q) => (
              <option key={q} value={q}>
                Triwulan {q.slice(6)} {q.slice(0, 4)}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.kind === 'kustom' && (
        <div class="eval-range">
          <label class="eval-field">
            <span>Dari</span>
            <DateField value={value.dari} onChange={(v) => v && onChange({ ...value, dari: v })} testId="eval-dari" />
          </label>
          <label class="eval-field">
            <span>Sampai</span>
            <DateField value={value.sampai} onChange={(v) => v && onChange({ ...value, sampai: v })} testId="eval-sampai" />
          </label>
        </div>
      )}
    </div>
  );
}

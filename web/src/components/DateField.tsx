import { useEffect, useRef, useState } from 'preact/hooks';
import { dayName, formatClock, formatDate, formatMonth, monthName, parseClock, parseDate, parseMonth } from '../lib/date-input';

type Kind = 'tanggal' | 'bulan' | 'jam';

const SHAPE: Record<Kind, { show: (v: string) => string; placeholder: string; width: string }> = {
  tanggal: { show: formatDate, placeholder: 'hh/bb/tttt', width: '8.5em' },
  bulan: { show: formatMonth, placeholder: 'bb/tttt', width: '6.5em' },
  jam: { show: formatClock, placeholder: 'jj.mm', width: '4.5em' },
};

/**
 * A date (dd/mm/yyyy), month (mm/yyyy) or time (07.30) field that speaks Indonesian
 * whatever the browser's language: a text field of ours instead of `<input type=date>`,
 * which an English PC shows as mm/dd/yyyy with English names and messages. It reads and
 * checks through lib/date-input.ts; `value` and `onChange` are ISO (`2026-11-30`,
 * `2026-11`, `07:30`), and `onChange('')` while what is typed is not (yet) valid. Beside it:
 * the day's name once valid (`Senin, 30 November 2026`), else, after leaving the field, why not.
 */
export function DateField(props: {
  value: string;
  onChange: (iso: string) => void;
  kind?: Kind;
  min?: string | undefined;
  max?: string | undefined;
  label?: string;
  id?: string;
  testId?: string;
  disabled?: boolean;
  required?: boolean;
  readOnly?: boolean;
}) {
  const kind = props.kind ?? 'tanggal';
  const shape = SHAPE[kind];
  const parse = (text: string) =>
    kind === 'tanggal' ? parseDate(text, { min: props.min, max: props.max }) : kind === 'bulan' ? parseMonth(text, { max: props.max }) : parseClock(text);
  const [text, setText] = useState(shape.show(props.value));
  const [left, setLeft] = useState(false);
  // A value set from outside (a reset, another choice) replaces what is typed.
  useEffect(() => {
    if ((parse(text).value ?? '') !== props.value) setText(shape.show(props.value));
  }, [props.value]);
  const parsed = parse(text);
  // A form of ours (components/Form.tsx) tells this message when the text is not a date.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.setCustomValidity(text.trim() && parsed.error ? parsed.error : ''), [text, props.min, props.max]);
  const hint = parsed.value ? (kind === 'tanggal' ? dayName(parsed.value) : kind === 'bulan' ? monthName(parsed.value) : '') : left && text.trim() ? parsed.error : '';
  return (
    <span class="date-field" style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '0 0.5em' }}>
      <input
        type="text"
        inputMode="numeric"
        autocomplete="off"
        id={props.id}
        value={text}
        placeholder={shape.placeholder}
        aria-label={props.label}
        aria-invalid={left && !!text.trim() && !parsed.value}
        ref={input}
        disabled={props.disabled}
        required={props.required}
        readOnly={props.readOnly}
        style={{ width: shape.width }}
        onInput={(e) => {
          const t = e.currentTarget.value;
          const p = parse(t);
          // At once, not after the next paint: a submit right after typing must see it.
          e.currentTarget.setCustomValidity(t.trim() && p.error ? p.error : '');
          setText(t);
          props.onChange(p.value ?? '');
        }}
        onBlur={() => setLeft(true)}
        data-testid={props.testId}
      />
      {hint && (
        <small class={parsed.value ? 'muted' : 'error'} aria-live="polite" data-testid={props.testId && `${props.testId}-hari`}>
          {hint}
        </small>
      )}
    </span>
  );
}

import { useState } from 'preact/hooks';

/**
 * A file picker that speaks Indonesian whatever the browser's language: the native input
 * ("Choose File / No file chosen" on an English PC) is visually hidden inside a label styled
 * as a button, and the chosen file's name (or "Belum ada berkas dipilih") is shown beside it.
 * Still the real input: keyboard, screen readers and drag-and-drop onto it keep working.
 * Pages outside the console (/evaluasi) pass their own button and hidden-input classes.
 */
export function FileButton(props: { label: string; accept: string; disabled?: boolean; onFile: (f: File) => void; testId?: string; buttonClass?: string; hiddenClass?: string }) {
  const button = props.buttonClass ?? 'adm-btn';
  const [name, setName] = useState<string>();
  return (
    <span class="adm-file">
      <label class={props.disabled ? `${button} is-disabled` : button}>
        <input
          type="file"
          class={props.hiddenClass ?? 'adm-sr'}
          accept={props.accept}
          disabled={props.disabled}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            setName(f?.name);
            if (f) props.onFile(f);
          }}
          data-testid={props.testId}
        />
        {props.label}
      </label>{' '}
      <span class="muted" data-testid={props.testId && `${props.testId}-nama`}>
        {name ?? 'Belum ada berkas dipilih'}
      </span>
    </span>
  );
}

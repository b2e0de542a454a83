import { useState } from 'preact/hooks';

/**
 * A file picker that speaks Indonesian whatever the browser's language: the native input
 * ("Choose File / No file chosen" on an English PC) is visually hidden inside a label styled
 * as a button, and the chosen file's name (or "Belum ada berkas dipilih") is shown beside it.
 * Still the real input: keyboard, screen readers and drag-and-drop onto it keep working.
 */
export function FileButton(props: { label: string; accept: string; disabled?: boolean; onFile: (f: File) => void; testId?: string }) {
  const [name, setName] = useState<string>();
  return (
    <span class="adm-file">
      <label class={props.disabled ? 'adm-btn is-disabled' : 'adm-btn'}>
        <input
          type="file"
          class="adm-sr"
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

import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { fieldProblem } from '../lib/form-check';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The words a person reads for a field: its aria-label, else its label's text without the controls inside, else its placeholder. */
function labelOf(field: Field): string {
  const aria = field.getAttribute('aria-label');
  if (aria) return aria;
  const label = field.closest('label') ?? (field.id ? field.ownerDocument.querySelector(`label[for="${field.id}"]`) : null);
  if (label) {
    const copy = label.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('input, select, textarea, small, .muted').forEach((n) => n.remove());
    const text = copy.textContent?.trim();
    if (text) return text;
  }
  return field.getAttribute('placeholder') ?? '';
}

/**
 * A `<form>` whose rules (`required`, `min`/`max`, `pattern`, `type=url`) are checked by us
 * and told in Indonesian (lib/form-check.ts) under the form, with the field focused:
 * `noValidate`, so the browser never shows its own bubble in its own language. `onSubmit`
 * runs only when every field is valid.
 */
export function Form(props: Omit<JSX.HTMLAttributes<HTMLFormElement>, 'onSubmit'> & { onSubmit: (e: Event) => unknown; children: ComponentChildren; problemClass?: string }) {
  const { onSubmit, children, problemClass, ...rest } = props;
  const [problem, setProblem] = useState<string>();
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fields = [...e.currentTarget.elements].filter((el): el is Field => 'validity' in el && !(el as Field).disabled && (el as Field).willValidate);
        for (const f of fields) {
          const why = fieldProblem(f, labelOf(f));
          if (why) {
            setProblem(why);
            f.focus();
            return;
          }
        }
        setProblem(undefined);
        void onSubmit(e);
      }}
      onInput={(e) => {
        if (problem) setProblem(undefined);
        (rest.onInput as ((e: Event) => void) | undefined)?.(e);
      }}
    >
      {children}
      {problem && (
        <p class={problemClass ?? 'error'} role="alert" data-testid="form-problem">
          {problem}
        </p>
      )}
    </form>
  );
}

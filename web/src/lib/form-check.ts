/**
 * Our own Indonesian messages for a form's rules (`required`, `min`, `max`, `pattern`,
 * `type=url`, lengths), instead of the browser's bubbles ("Please fill out this field",
 * "Value must be less than or equal to 120"), which speak the browser's language. Forms
 * are `noValidate` (components/Form.tsx) and ask this which field is wrong and why.
 */

/** What a field tells about itself (an `<input>`, `<select>` or `<textarea>` has all of it). */
export interface FieldLike {
  validity: Pick<ValidityState, 'valid' | 'valueMissing' | 'patternMismatch' | 'rangeUnderflow' | 'rangeOverflow' | 'stepMismatch' | 'badInput' | 'typeMismatch' | 'tooShort' | 'tooLong' | 'customError'>;
  validationMessage: string;
  tagName: string;
  type: string;
  min?: string;
  max?: string;
  minLength?: number;
  maxLength?: number;
  title?: string;
}

/** "Nama OPD" → "nama OPD", "NIP" stays: the label as it reads inside a sentence. */
export function inSentence(label: string): string {
  const t = label.replace(/\s+/g, ' ').trim().replace(/[:*]+$/, '').trim();
  return /^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** Why the field is not valid, in Indonesian, or undefined when it is. */
export function fieldProblem(field: FieldLike, label: string): string | undefined {
  const v = field.validity;
  if (v.valid) return undefined;
  const name = inSentence(label) || 'isian ini';
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  // Set by our own controls (components/DateField.tsx) with their own Indonesian message.
  if (v.customError) return field.validationMessage;
  if (v.valueMissing) return field.tagName === 'SELECT' || field.type === 'radio' || field.type === 'checkbox' || field.type === 'file' ? `Pilih ${name}.` : `Isi ${name}.`;
  if (v.badInput || (field.type === 'number' && v.typeMismatch)) return `${Name} harus angka.`;
  if (v.rangeUnderflow) return `${Name} paling sedikit ${field.min}.`;
  if (v.rangeOverflow) return `${Name} paling banyak ${field.max}.`;
  if (v.stepMismatch) return `${Name} harus bilangan bulat.`;
  if (v.typeMismatch) return field.type === 'email' ? `${Name} harus alamat e-mail, mis. nama@bolselkab.go.id.` : `${Name} harus alamat web lengkap, mis. https://meet.google.com/….`;
  if (v.tooShort) return `${Name} paling sedikit ${field.minLength} karakter.`;
  if (v.tooLong) return `${Name} paling banyak ${field.maxLength} karakter.`;
  if (v.patternMismatch) return field.title ? `${Name}: ${field.title}.` : `${Name} tidak sesuai bentuk yang diminta.`;
  return `${Name} tidak valid.`;
}

/**
 * One phone format. Stored (roster, wa.me links): the digits with the country code,
 * `6282123456789`. Shown, typed back in the console's form and written in every CSV:
 * `+62 821-2345-6789`. Pure and dependency-free: the console imports it too.
 */

/** A mobile number as typed (`0821…`, `62821…`, `+62 821-2345-6789`) as stored, or undefined when it is not one. */
export function normalisePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s().-]/g, '').replace(/^\+/, '');
  const national = digits.startsWith('62') ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : digits;
  return /^8\d{7,11}$/.test(national) ? `62${national}` : undefined;
}

/** `6282123456789` → `+62 821-2345-6789` (empty stays empty; anything else as it is). */
export function formatPhone(stored: string): string {
  const m = /^62(8\d{2})(\d{3,4})(\d{3,})$/.exec(stored);
  if (!m) return stored;
  return `+62 ${m[1]}-${m[2]}-${m[3]}`;
}

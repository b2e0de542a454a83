/** NIP grouped as it is usually written: `19900415 202501 2 011`. */
export function formatNip(nip: string): string {
  return nip.replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, '$1 $2 $3 $4');
}

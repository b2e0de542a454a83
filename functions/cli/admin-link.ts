import type { Principal } from '../core/access';
import { localDate } from '../core/time';
import { readAsn } from '../store/roster-admin-store';
import { issueLinksFor } from '../usecases/admin/links';
import { patchAsn } from '../usecases/admin/roster';

/**
 * The first admin link: run by whoever deployed, with their own AWS credentials (or
 * against the local runtime). Makes the ASN an admin if they are not one yet and
 * issues them a new link, both written in the audit trail as done by the command line.
 */

export const CLI: Principal = { nip: 'cli', role: 'admin', opd: '' };

export async function adminLink(
  nip: string,
  siteUrl: string,
  config: { regency: string; timeZone: string },
  now = new Date(),
): Promise<{ nama: string; opd: string; promoted: boolean; url: string }> {
  const stored = await readAsn(nip);
  if (!stored) throw new Error(`NIP ${nip} tidak ada di daftar pegawai. Impor daftar pegawai dulu (npm run apel -- import-roster …).`);
  if (!stored.value.active) throw new Error(`${stored.value.nama} (NIP ${nip}) tidak aktif di daftar pegawai.`);
  const promoted = stored.value.role !== 'admin';
  if (promoted) await patchAsn(CLI, nip, { peran: 'admin' }, now);
  const { tautan } = await issueLinksFor(CLI, { nip }, siteUrl, config.regency, localDate(now, config.timeZone), now);
  const token = new URL(tautan[0]!.tautan).hash;
  // The console lives at /admin; the token travels in the fragment, as on every link.
  return { nama: stored.value.nama, opd: stored.value.opd, promoted, url: `${siteUrl.replace(/\/+$/, '')}/admin${token}` };
}

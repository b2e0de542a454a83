import type { Asn } from '../core/roster';
import { issueLinksInBulk } from '../store/link-store';

/**
 * Issuing personal links for many ASN, shared by the command-line tool and the admin
 * console. The tokens exist only in what this returns: only their hashes are stored.
 */

export interface IssuedLink {
  nip: string;
  nama: string;
  opd: string;
  peran: string;
  tautan: string;
}

/** The token travels in the fragment, which browsers never send to a server or CDN. */
export function linkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#t=${token}`;
}

/**
 * Issues (or re-issues, revoking the old) links for the given ASN. `onIssued` gets
 * each group's rows as soon as those links are in force, before more are replaced.
 */
export async function issueLinks(
  asns: readonly Asn[],
  baseUrl: string,
  onIssued: (rows: IssuedLink[]) => void = () => {},
  now = new Date(),
): Promise<IssuedLink[]> {
  const byNip = new Map(asns.map((a) => [a.nip, a]));
  const rows = (tokens: Map<string, string>) =>
    [...tokens].map(([nip, token]) => {
      const a = byNip.get(nip)!;
      return { nip, nama: a.nama, opd: a.opd, peran: a.role, tautan: linkUrl(baseUrl, token) };
    });
  const tokens = await issueLinksInBulk(asns, (group) => onIssued(rows(group)), now);
  return rows(tokens);
}

import type { Principal } from '../../core/access';
import { requireOpdScope } from '../../core/access';
import { NotFound } from '../../core/errors';
import type { Opd } from '../../core/roster';
import { getOpd, listOpds } from '../../store/roster-store';

/**
 * The OPD a head's request is about, after the scope check: a head of another OPD is
 * refused before anything is read, so they cannot even learn whether it exists.
 */
export async function opdInScope(who: Principal, kode: string): Promise<Opd> {
  requireOpdScope(who, kode);
  const opd = await getOpd(kode);
  if (!opd) throw new NotFound('OPD_TIDAK_ADA', `OPD "${kode}" tidak ada.`);
  return opd;
}

/** The OPDs a link may manage: all for an admin, their own for a head, none for an ASN. */
export async function manageableOpds(who: Principal): Promise<Opd[]> {
  if (who.role === 'admin') return (await listOpds()).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  if (who.role === 'pimpinan') {
    const own = await getOpd(who.opd);
    return own ? [own] : [];
  }
  requireOpdScope(who, who.opd);
  return [];
}

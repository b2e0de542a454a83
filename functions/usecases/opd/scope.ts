import type { Principal } from '../../core/access';
import { requireOpdScope } from '../../core/access';
import { NotFound } from '../../core/errors';
import { wfaOn } from '../../core/opd';
import type { Opd } from '../../core/roster';
import type { IsoDate } from '../../core/time';
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

/**
 * The OPDs a link may manage (all for an admin, their own for a head; an ASN is
 * refused), each with its WFA status of `today`.
 */
export async function manageableOpds(who: Principal, today: IsoDate): Promise<Opd[]> {
  let opds: Opd[];
  if (who.role === 'admin') opds = (await listOpds()).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  else if (who.role === 'pimpinan') opds = [await getOpd(who.opd)].filter((o): o is Opd => o !== undefined);
  else {
    requireOpdScope(who, who.opd);
    opds = [];
  }
  return opds.map((o) => ({ ...o, wfa: wfaOn(o, today) }));
}

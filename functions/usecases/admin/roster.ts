import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { Conflict, InvalidInput, NotFound } from '../../core/errors';
import type { Asn, Role } from '../../core/roster';
import { checkAsnRows } from '../../core/roster';
import { writeAudited } from '../../store/audit-store';
import { revokeLink, syncLink } from '../../store/link-store';
import { listWholeRoster, putAsn, readAsn, readOpd } from '../../store/roster-admin-store';
import { listOpds, listRosterOfOpd } from '../../store/roster-store';
import { getConsistent } from '../../store/versioned';
import { keys } from '../../store/tables';

/**
 * The roster by hand: list and search, add, edit, move, deactivate, reactivate, set
 * the role (a head of their OPD, an admin). Each change is one transaction with its
 * audit line, conditional on the record being what the admin saw. The link follows:
 * access is lowered before the roster says so (revoke, demote, move), and raised only
 * after the audited change is in, so a failure half-way never leaves someone with
 * more access than the audited roster gives them; repeating the request completes it.
 */

/** An ASN as the admin API shows them (field names as in the CSV). */
export interface AsnView {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  status: Asn['status'];
  noHp: string;
  peran: Role;
  aktif: boolean;
  /** Where they live (work from on WFA days); absent when not known. */
  kecamatan?: string;
}

export const asnView = (a: Asn): AsnView => ({
  nip: a.nip,
  nama: a.nama,
  jabatan: a.jabatan,
  opd: a.opd,
  status: a.status,
  noHp: a.noHp,
  peran: a.role,
  aktif: a.active,
  ...(a.kecamatan ? { kecamatan: a.kecamatan } : {}),
});

export interface AsnInput {
  nip: string;
  nama: string;
  jabatan: string;
  opd: string;
  status: string;
  noHp: string;
  peran: string;
  kecamatan?: string | undefined;
}

export interface AsnPatch {
  nama?: string | undefined;
  jabatan?: string | undefined;
  status?: string | undefined;
  noHp?: string | undefined;
  opd?: string | undefined;
  peran?: string | undefined;
  aktif?: boolean | undefined;
  /** "" takes it out. */
  kecamatan?: string | undefined;
}

const byOpdAndName = (a: AsnView, b: AsnView) => a.opd.localeCompare(b.opd) || a.nama.localeCompare(b.nama, 'id');

export async function searchAsn(filter: { opd?: string | undefined; q?: string | undefined; aktif: 'ya' | 'tidak' | 'semua' }): Promise<AsnView[]> {
  let asns: Asn[];
  if (filter.opd) {
    if (!(await readOpd(filter.opd))) throw new NotFound('OPD_TIDAK_ADA', `OPD "${filter.opd}" tidak ada.`);
    asns = await listRosterOfOpd(filter.opd);
  } else {
    asns = await listWholeRoster((await listOpds()).map((o) => o.kode));
  }
  const q = filter.q?.trim().toLowerCase().replace(/\s+/g, ' ');
  const qDigits = q?.replace(/\s/g, '');
  return asns
    .filter((a) => filter.aktif === 'semua' || a.active === (filter.aktif === 'ya'))
    .filter((a) => !q || a.nama.toLowerCase().includes(q) || (/^\d+$/.test(qDigits ?? '') && a.nip.includes(qDigits ?? '')))
    .map(asnView)
    .sort(byOpdAndName);
}

export async function asnDetail(nip: string): Promise<{ asn: AsnView; tautan: { issuedAt: string } | null }> {
  const [stored, pointer] = await Promise.all([readAsn(nip), getConsistent('links', keys.linkOfAsn(nip))]);
  if (!stored) throw notFound(nip);
  return { asn: asnView(stored.value), tautan: pointer ? { issuedAt: String(pointer.issuedAt) } : null };
}

/** The same rules as a row of the roster CSV, so the console and an import cannot disagree. */
async function checked(input: AsnInput, active: boolean, now: Date): Promise<Asn> {
  const opd = await readOpd(input.opd.trim().toLowerCase());
  const row = { nip: input.nip, nama: input.nama, jabatan: input.jabatan, opd: input.opd, status: input.status, no_hp: input.noHp, peran: input.peran, kecamatan: input.kecamatan ?? '' };
  const { valid, problems } = checkAsnRows([{ line: 1, fields: row }], new Set(opd ? [opd.value.kode] : []), now);
  if (problems[0] || !valid[0]) throw new InvalidInput('INPUT_TIDAK_VALID', `Data ASN tidak valid: ${problems[0]?.reason ?? 'tidak terbaca'}.`);
  return { ...valid[0], active };
}

export async function addAsn(who: Principal, input: AsnInput, now: Date): Promise<AsnView> {
  const asn = await checked(input, true, now);
  await writeAudited(
    [putAsn(asn, undefined)],
    auditEntry(who, now, { action: 'roster.tambah', opd: asn.opd, target: `asn:${asn.nip}`, after: asnView(asn) }),
    () => new Conflict('ASN_SUDAH_ADA', `NIP ${asn.nip} sudah ada di daftar pegawai. Ubah data orang itu, jangan menambah lagi.`),
  );
  return asnView(asn);
}

const RANK: Record<Role, number> = { asn: 0, pimpinan: 1, admin: 2 };

export async function patchAsn(who: Principal, nip: string, patch: AsnPatch, now: Date): Promise<AsnView> {
  const stored = await readAsn(nip);
  if (!stored) throw notFound(nip);
  const before = stored.value;
  const after = await checked(
    {
      nip: before.nip,
      nama: patch.nama ?? before.nama,
      jabatan: patch.jabatan ?? before.jabatan,
      opd: patch.opd ?? before.opd,
      status: patch.status ?? before.status,
      noHp: patch.noHp ?? before.noHp,
      peran: patch.peran ?? before.role,
      kecamatan: patch.kecamatan ?? before.kecamatan,
    },
    patch.aktif ?? before.active,
    now,
  );
  if (nip === who.nip && (after.role !== 'admin' || !after.active)) {
    throw new Conflict('ADMIN_DIRI_SENDIRI', 'Anda tidak bisa mencabut peran admin atau menonaktifkan diri sendiri; minta admin lain melakukannya.');
  }
  const linkChanges = after.active && (after.opd !== before.opd || after.role !== before.role || patch.opd !== undefined || patch.peran !== undefined);
  const raises = RANK[after.role] > RANK[before.role];
  // Lower access first: a deactivated person's link stops now; a demoted or moved one's follows.
  if (before.active && !after.active) await revokeLink(nip);
  else if (linkChanges && !raises) await syncLink(after);

  if (JSON.stringify(asnView(before)) !== JSON.stringify(asnView(after))) {
    await writeAudited(
      [putAsn(after, stored.item)],
      auditEntry(who, now, { action: actionOf(before, after), opd: after.opd, target: `asn:${nip}`, before: asnView(before), after: asnView(after) }),
      () => changedMeanwhile(),
    );
  }
  if (linkChanges && raises) await syncLink(after);
  return asnView(after);
}

function actionOf(before: Asn, after: Asn): string {
  if (before.active !== after.active) return after.active ? 'roster.aktifkan' : 'roster.nonaktifkan';
  if (before.role !== after.role) return 'roster.peran';
  if (before.opd !== after.opd) return 'roster.pindah';
  return 'roster.ubah';
}

const notFound = (nip: string) => new NotFound('ASN_TIDAK_ADA', `ASN dengan NIP ${nip} tidak ada di daftar pegawai.`);

export const changedMeanwhile = () =>
  new Conflict('DATA_BERUBAH', 'Data ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.');

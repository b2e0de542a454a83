import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { Conflict, NotFound } from '../../core/errors';
import type { Asn } from '../../core/roster';
import { writeAudited } from '../../store/audit-store';
import { revokeLink } from '../../store/link-store';
import { inParallel } from '../../store/batch';
import { readAsn } from '../../store/roster-admin-store';
import { getOpd, listAsnOfOpd, listOpds } from '../../store/roster-store';
import { issueLinks } from '../links';
import type { LinkCard } from '../../../contract';

/**
 * Links for one ASN, an OPD or everyone: issue (replacing, and so revoking, earlier
 * links) or revoke. The new tokens exist only in the answer: the console shows them as
 * printable QR cards, offers a WhatsApp message per person and a CSV to download.
 * Bulk link changes are not one transaction, so their audit line (scope, count,
 * NIPs) is written first: no link changes without its line.
 */

export type Scope = { nip: string } | { nips: string[] } | { opd: string } | { semua: true };

/** A printable card per ASN: the wire's shape (contract/admin.ts). */
export type { LinkCard } from '../../../contract';

async function resolveScope(scope: Scope): Promise<{ asns: Asn[]; opd?: string; label: string }> {
  if ('nip' in scope) {
    const stored = await readAsn(scope.nip);
    if (!stored) throw new NotFound('ASN_TIDAK_ADA', `ASN dengan NIP ${scope.nip} tidak ada di daftar pegawai.`);
    if (!stored.value.active) throw new Conflict('ASN_NONAKTIF', `${stored.value.nama} tidak aktif; aktifkan dulu sebelum menerbitkan tautan.`);
    return { asns: [stored.value], opd: stored.value.opd, label: scope.nip };
  }
  if ('nips' in scope) {
    // E.g. the ASN an import just added: those no longer in the roster or not active are left out.
    const stored = await inParallel([...new Set(scope.nips)], 16, (nip) => readAsn(nip));
    return { asns: stored.flatMap((s) => (s && s.value.active ? [s.value] : [])), label: 'baru' };
  }
  if ('opd' in scope) {
    if (!(await getOpd(scope.opd))) throw new NotFound('OPD_TIDAK_ADA', `OPD "${scope.opd}" tidak ada.`);
    return { asns: await listAsnOfOpd(scope.opd), opd: scope.opd, label: scope.opd };
  }
  const opds = await listOpds();
  return { asns: (await inParallel(opds, 8, (o) => listAsnOfOpd(o.kode))).flat(), label: 'semua' };
}

const targetOf = (scope: Scope) => ('nip' in scope ? `asn:${scope.nip}` : 'nips' in scope ? 'daftar' : 'opd' in scope ? `opd:${scope.opd}` : 'semua');

/** A prefilled WhatsApp message to the ASN's own number (already normalised to 62… by the roster rules). */
export function waMe(noHp: string, nama: string, tautan: string, regency: string): string | null {
  if (!/^62\d{8,13}$/.test(noHp)) return null;
  const text =
    `Yth. ${nama},\n\nBerikut tautan pribadi Anda untuk Apel WFA ${regency}:\n${tautan}\n\n` +
    'Buka tautan ini di ponsel Anda saat apel pagi dan apel sore, lalu ketuk tombol Hadir. ' +
    'Tautan ini khusus untuk Anda: jangan dibagikan kepada siapa pun.';
  return `https://wa.me/${noHp}?text=${encodeURIComponent(text)}`;
}

/** 10 transactions of 33 people per chunk; 4 chunks at once keep 5,000 links to a few seconds. */
const CHUNK = 330;
const CHUNK_CONCURRENCY = 4;

export async function issueLinksFor(who: Principal, scope: Scope, baseUrl: string, regency: string, today: string, now: Date) {
  const { asns, opd, label } = await resolveScope(scope);
  const opdNames = new Map((await listOpds()).map((o) => [o.kode, o.nama]));
  await writeAudited(
    [],
    auditEntry(who, now, { action: 'tautan.terbitkan', ...(opd ? { opd } : {}), target: targetOf(scope), after: { jumlah: asns.length, nip: asns.map((a) => a.nip) } }),
  );
  // Groups of 33 people are one transaction each; a few run side by side (the everyone case).
  const chunks = Array.from({ length: Math.ceil(asns.length / CHUNK) }, (_, i) => asns.slice(i * CHUNK, (i + 1) * CHUNK));
  const issued = (await inParallel(chunks, CHUNK_CONCURRENCY, (chunk) => issueLinks(chunk, baseUrl, undefined, now))).flat();
  const byNip = new Map(asns.map((a) => [a.nip, a]));
  const cards: LinkCard[] = issued
    .map((l) => {
      const a = byNip.get(l.nip)!;
      return {
        nip: a.nip,
        nama: a.nama,
        jabatan: a.jabatan,
        opd: a.opd,
        opdNama: opdNames.get(a.opd) ?? a.opd,
        peran: a.role,
        noHp: a.noHp,
        tautan: l.tautan,
        waMe: waMe(a.noHp, a.nama, l.tautan, regency),
      };
    })
    .sort((x, y) => x.opdNama.localeCompare(y.opdNama, 'id') || x.nama.localeCompare(y.nama, 'id'));
  return {
    aksi: 'terbitkan' as const,
    jumlah: cards.length,
    // The console builds the CSV (and the print sheets) from these cards itself: sending a
    // CSV as well doubled an answer that must stay under Lambda's 6 MB response limit for
    // a whole regency (5,000 cards ≈ 3 MB), after every old link has already been replaced.
    tautan: cards,
    namaBerkas: `tautan-apel-${label}-${today}.csv`,
  };
}

export async function revokeLinksFor(who: Principal, scope: Scope, now: Date) {
  const resolved = await resolveScope(scope).catch((e) => {
    // Revoking the link of someone already deactivated is allowed (and a no-op if none is left).
    if (e instanceof Conflict && 'nip' in scope) return { asns: [{ nip: scope.nip } as Asn], opd: undefined, label: scope.nip };
    throw e;
  });
  const { opd } = resolved;
  // Revoking an OPD's or everyone's links leaves the admin doing it their own console;
  // their own link goes only when asked for by NIP.
  const asns = 'nip' in scope ? resolved.asns : resolved.asns.filter((a) => a.nip !== who.nip);
  await writeAudited(
    [],
    auditEntry(who, now, { action: 'tautan.cabut', ...(opd ? { opd } : {}), target: targetOf(scope), after: { nip: asns.map((a) => a.nip) } }),
  );
  const revoked = await inParallel(asns, 16, async (a) => ((await revokeLink(a.nip)) ? a.nip : undefined));
  const nips = revoked.filter((n): n is string => n !== undefined);
  return { aksi: 'cabut' as const, jumlah: nips.length, nip: nips };
}

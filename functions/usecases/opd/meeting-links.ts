import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import type { ApelConfig, Slot } from '../../core/config';
import type { Opd } from '../../core/roster';
import type { OpdSettings } from '../../store/opd-settings-store';
import { getOpdSettings, putOpdSettings } from '../../store/opd-settings-store';

export type MeetingLinks = Record<Slot, string | null>;

/** The OPD's own link where it set one, else the regency's from the config. */
export async function meetingLinksFor(opd: string, config: ApelConfig): Promise<MeetingLinks> {
  const own = (await getOpdSettings(opd)).tautanApel;
  return { pagi: own.pagi ?? config.tautanApel.pagi ?? null, sore: own.sore ?? config.tautanApel.sore ?? null };
}

/** What the head's form shows: the OPD's own links and the regency's defaults they override. */
export async function meetingLinksOfOpd(opd: Opd, config: ApelConfig): Promise<{ tautanApel: MeetingLinks; bawaan: MeetingLinks }> {
  const own = (await getOpdSettings(opd.kode)).tautanApel;
  return { tautanApel: own, bawaan: { pagi: config.tautanApel.pagi ?? null, sore: config.tautanApel.sore ?? null } };
}

export async function setMeetingLinks(who: Principal, opd: Opd, links: OpdSettings['tautanApel'], now: Date): Promise<OpdSettings['tautanApel']> {
  const before = await getOpdSettings(opd.kode);
  await putOpdSettings(
    opd.kode,
    { tautanApel: links },
    auditEntry(who, now, { action: 'tautan-apel.ubah', opd: opd.kode, target: `opd:${opd.kode}`, before: before.tautanApel, after: links }),
  );
  return links;
}

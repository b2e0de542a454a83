import type { Principal } from '../core/access';
import type { ApelConfig } from '../core/config';
import { zoneLabel } from '../core/config';
import { uniformOf } from '../core/sesi';
import { localDate } from '../core/time';
import type { Link } from '../store/link-store';
import { myWeek } from './my-week';
import { meetingLinksFor } from './opd/meeting-links';
import { answerCheck, runningCheckFor } from './opd/readiness';

/**
 * GET /api/me — what an ASN's page shows: who the link belongs to, their OPD, today's
 * apel and this week's with their status, the day's uniform, the meeting links and a
 * running readiness check of their OPD.
 */
export async function asnPage(who: Link, now: Date, config: ApelConfig) {
  const [week, tautanApel, kesiapan] = await Promise.all([myWeek(who, now, config), meetingLinksFor(who.opd, config), runningCheckFor(who, now)]);
  return {
    now: now.toISOString(),
    regency: config.regency,
    timeZone: config.timeZone,
    zoneLabel: zoneLabel(config.timeZone),
    ...week,
    // The demo apel, while open, asks for a uniform even on a day without one (core/sesi.ts uniformOf).
    seragam: uniformOf(config, localDate(now, config.timeZone), week.today.some((s) => s.demo && s.state === 'dibuka')),
    laporan: config.laporan,
    tautanApel,
    bantuan: config.bantuan ?? null,
    kesiapan: kesiapan && { id: kesiapan.id, pesan: kesiapan.pesan, mulai: kesiapan.mulai, batas: kesiapan.batas, dijawabPada: kesiapan.dijawabPada },
  };
}

/** POST /api/kesiapan/{cekId} — "Saya siap": the ASN answers their OPD's readiness check. */
export async function answerReadiness(who: Principal, cekId: string, now: Date): Promise<{ dijawabPada: string; repeat: boolean }> {
  const { answer, repeat } = await answerCheck(who, cekId, now);
  return { dijawabPada: answer.at, repeat };
}

import { randomBytes } from 'node:crypto';
import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import type { ApelConfig } from '../../core/config';
import { excuseOn } from '../../core/attendance';
import { Conflict, NotFound } from '../../core/errors';
import type { ReadinessAnswer, ReadinessCheck } from '../../core/readiness';
import { compactTime, isReadinessId, isRunning, MIN_MINUTES, planReadinessCheck, readinessId } from '../../core/readiness';
import type { Opd } from '../../core/roster';
import { sesiId } from '../../core/sesi';
import { localDate } from '../../core/time';
import { getHoliday } from '../../store/calendar-store';
import { excusesOfOpd } from '../../store/excuse-store';
import { getSesiMany } from '../../store/sesi-store';
import {
  answersOf,
  getAnswer,
  getReadinessCheck,
  readinessChecksSince,
  recordAnswer,
  startReadinessCheck,
} from '../../store/readiness-store';
import { listAsnOfOpd } from '../../store/roster-store';

const HISTORY_DAYS = 7;

/** Today's holiday, and the local demo sesi when it is open now (the demo apel behaves like a WFA day). */
async function dayOf(now: Date, config: ApelConfig) {
  const date = localDate(now, config.timeZone);
  const [holiday, [demo]] = await Promise.all([getHoliday(date), getSesiMany([sesiId(date, 'demo')])]);
  return { holiday, demo: demo?.state === 'dibuka' && now < demo.closesAt ? { closesAt: demo.closesAt } : undefined };
}

export async function startCheck(who: Principal, opd: Opd, minutes: number, pesan: string, now: Date, config: ApelConfig): Promise<ReadinessCheck> {
  const { holiday, demo } = await dayOf(now, config);
  const { mulai, batas } = planReadinessCheck(now, minutes, config, holiday, demo);
  const check: ReadinessCheck = {
    id: readinessId(now, randomBytes(3).toString('hex')),
    opd: opd.kode,
    pesan: pesan.trim() || 'Mohon konfirmasi bahwa Anda siap bekerja.',
    mulai,
    batas,
    oleh: who.nip,
  };
  await startReadinessCheck(check, auditEntry(who, now, { action: 'kesiapan.mulai', opd: opd.kode, target: `kesiapan:${check.id}`, after: check }));
  return check;
}

export interface CheckWithAnswers extends ReadinessCheck {
  berjalan: boolean;
  jawaban: Array<ReadinessAnswer & { nama: string }>;
  belum: Array<{ nip: string; nama: string }>;
}

/**
 * Why a readiness check cannot start now (not a WFA day, a holiday, outside working hours),
 * told to the head before they press "Mulai"; null when one can start.
 */
export async function whyNoCheckNow(now: Date, config: ApelConfig): Promise<string | null> {
  const { holiday, demo } = await dayOf(now, config);
  try {
    planReadinessCheck(now, MIN_MINUTES, config, holiday, demo);
    return null;
  } catch (e) {
    if (e instanceof Conflict) return holiday && e.code === 'BUKAN_HARI_WFA' ? `Hari ini libur (${holiday.keterangan}): ${e.message}` : e.message;
    throw e;
  }
}

/**
 * The OPD's checks of the last week, newest first, each with who answered and who has not
 * (by name; staff on an excuse that covers the check's day are not expected to answer).
 */
export async function checksOfOpd(opd: Opd, now: Date, timeZone: string): Promise<CheckWithAnswers[]> {
  const since = compactTime(new Date(now.getTime() - HISTORY_DAYS * 86_400_000));
  const today = localDate(now, timeZone);
  const firstDay = localDate(new Date(now.getTime() - HISTORY_DAYS * 86_400_000), timeZone);
  const [checks, staff, excuses] = await Promise.all([
    readinessChecksSince(opd.kode, since),
    listAsnOfOpd(opd.kode),
    excusesOfOpd(opd.kode, firstDay, today),
  ]);
  const names = new Map(staff.map((a) => [a.nip, a.nama]));
  const byName = [...staff].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  return Promise.all(
    checks.map(async (check) => {
      const answers = await answersOf(check.id);
      const answered = new Set(answers.map((a) => a.nip));
      return {
        ...check,
        berjalan: isRunning(check, now),
        jawaban: answers.map((a) => ({ ...a, nama: names.get(a.nip) ?? a.nip })).sort((a, b) => a.at.localeCompare(b.at)),
        belum: byName
          .filter((a) => !answered.has(a.nip) && !excuseOn(excuses, a.nip, localDate(new Date(check.mulai), timeZone)))
          .map((a) => ({ nip: a.nip, nama: a.nama })),
      };
    }),
  );
}

/** An ASN's page: their OPD's running check, if any, and whether they answered it. */
export async function runningCheckFor(who: Principal, now: Date): Promise<(ReadinessCheck & { dijawabPada: string | null }) | null> {
  const since = compactTime(new Date(now.getTime() - 2 * 3_600_000));
  const running = (await readinessChecksSince(who.opd, since)).find((c) => isRunning(c, now));
  if (!running) return null;
  const answer = await getAnswer(running.id, who.nip);
  return { ...running, dijawabPada: answer?.at ?? null };
}

export async function answerCheck(who: Principal, cekId: string, now: Date): Promise<{ answer: ReadinessAnswer; repeat: boolean }> {
  // Anything but a check id (e.g. the running-check marker's key) is not a check.
  const check = isReadinessId(cekId) ? await getReadinessCheck(who.opd, cekId) : undefined;
  if (!check) throw new NotFound('CEK_TIDAK_ADA', 'Cek kesiapan ini tidak ditemukan untuk OPD Anda.');
  if (!isRunning(check, now)) {
    const earlier = await getAnswer(cekId, who.nip);
    if (earlier) return { answer: earlier, repeat: true };
    throw new Conflict('CEK_SUDAH_BERAKHIR', 'Waktu menjawab cek kesiapan ini sudah habis.');
  }
  return recordAnswer(cekId, { nip: who.nip, at: now.toISOString() });
}

import type { ApelConfig } from './config';
import { Conflict, InvalidInput } from './errors';
import type { Holiday } from './sesi';
import { isWfaDay } from './sesi';
import type { IsoDate } from './time';
import { localDate, zonedInstant } from './time';
import { clockIn } from './format';

/**
 * Readiness checks (cek kesiapan): a head asks their staff to confirm, within a few
 * minutes, that they are at work. Only during working hours of a WFA day — from apel
 * pagi's opening to apel sore's closing — because outside them nobody owes an answer.
 */

export interface ReadinessCheck {
  id: string;
  opd: string;
  pesan: string;
  mulai: string;
  batas: string;
  oleh: string;
}

export interface ReadinessAnswer {
  nip: string;
  at: string;
}

export const MIN_MINUTES = 5;
export const MAX_MINUTES = 120;

/** Ids sort by start time: `20261130T011500Z-ab12cd`. */
export function readinessId(now: Date, random: string): string {
  return `${compactTime(now)}-${random}`;
}

const READINESS_ID = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;

export function isReadinessId(id: string): boolean {
  return READINESS_ID.test(id);
}

export function compactTime(t: Date): string {
  return t.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * `demo`: the local demo sesi, when one is open now. The demo apel behaves like a WFA day: a
 * check may run within its window, whatever the day and the hour.
 */
export function planReadinessCheck(
  now: Date,
  minutes: number,
  config: ApelConfig,
  holiday: Holiday | undefined,
  demo?: { closesAt: Date },
): { mulai: string; batas: string } {
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    throw new InvalidInput('INPUT_TIDAK_VALID', `Batas waktu menjawab harus ${MIN_MINUTES}–${MAX_MINUTES} menit.`);
  }
  if (demo && now < demo.closesAt) {
    const end = new Date(now.getTime() + minutes * 60_000);
    if (end > demo.closesAt) {
      const left = Math.floor((demo.closesAt.getTime() - now.getTime()) / 60_000);
      throw new Conflict('DI_LUAR_JAM_KERJA', `Apel percobaan tinggal ${left} menit: pilih waktu menjawab yang lebih pendek.`);
    }
    return { mulai: now.toISOString(), batas: end.toISOString() };
  }
  const date: IsoDate = localDate(now, config.timeZone);
  if (!isWfaDay(date, config, holiday)) {
    throw new Conflict('BUKAN_HARI_WFA', 'Cek kesiapan hanya dapat dimulai pada hari WFA.');
  }
  const from = zonedInstant(date, config.slots.pagi.opens, config.timeZone);
  const to = zonedInstant(date, config.slots.sore.closes, config.timeZone);
  const end = new Date(now.getTime() + minutes * 60_000);
  if (now < from || end > to) {
    throw new Conflict(
      'DI_LUAR_JAM_KERJA',
      `Cek kesiapan hanya dapat berlangsung antara pukul ${clockIn(config.timeZone)(from)} dan ${clockIn(config.timeZone)(to)}.`,
    );
  }
  return { mulai: now.toISOString(), batas: end.toISOString() };
}

export function isRunning(check: ReadinessCheck, now: Date): boolean {
  return now.toISOString() < check.batas;
}

import { createHash } from 'node:crypto';
import type { ApelConfig } from '../core/config';
import { wfaOn } from '../core/opd';
import type { Opd } from '../core/roster';
import type { SurveyElementId } from '../core/survey';
import { SURVEY_ELEMENT_IDS } from '../core/survey';
import type { IsoDate } from '../core/time';
import { addDays, weekdayOf, zonedInstant } from '../core/time';
import type { SurveyAnswer } from '../store/survey-store';
import { putDemoSurveyAnswers } from '../store/survey-store';

/**
 * The demo past's Survei Kepuasan Masyarakat (called by functions/local/demo-past.ts, only on
 * `npm start`'s first start, never on AWS): answers on the working days (Monday–Friday) of the
 * seeded weeks, more at the public-service OPDs (exempt from WFA: their desks serve the public
 * every day) than at the others, each OPD with its own level of satisfaction, and a few
 * comments marked "(contoh)". Items are marked `demo`. Deterministic (a fixed seed).
 */

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = [
  'Petugas ramah dan cepat. (contoh)',
  'Antrean panjang pagi hari, mohon tambah loket. (contoh)',
  'Persyaratan sudah jelas di papan informasi. (contoh)',
  'Ruang tunggu panas, kipas angin rusak. (contoh)',
  'Terima kasih, dokumen selesai hari itu juga. (contoh)',
  'Mohon info biaya ditempel di depan. (contoh)',
];

export async function seedDemoSurvey(opds: readonly Opd[], from: IsoDate, to: IsoDate, config: ApelConfig): Promise<number> {
  const rand = random(20171114);
  const answers: SurveyAnswer[] = [];
  const level = new Map(opds.map((o) => [o.kode, 2.7 + rand() * 0.9]));
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (weekdayOf(date) === 'sabtu' || weekdayOf(date) === 'minggu') continue;
    for (const opd of opds) {
      const publicDesk = !wfaOn(opd, date);
      const count = Math.floor(rand() * (publicDesk ? 7 : 2.5));
      for (let i = 0; i < count; i++) {
        const base = level.get(opd.kode)!;
        const jawaban = Object.fromEntries(
          SURVEY_ELEMENT_IDS.map((id) => [id, Math.min(4, Math.max(1, Math.round(base + (rand() - 0.5) * 1.6)))]),
        ) as Record<SurveyElementId, number>;
        const minute = 8 * 60 + Math.floor(rand() * 7 * 60);
        const clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        answers.push({
          opd: opd.kode,
          date,
          minute: clock,
          deviceHash: createHash('sha256').update(`demo|${opd.kode}|${date}|${i}`).digest('base64url').slice(0, 32),
          jawaban,
          komentar: rand() < 0.12 ? COMMENTS[Math.floor(rand() * COMMENTS.length)]! : null,
          at: zonedInstant(date, clock, config.timeZone).toISOString(),
        });
      }
    }
  }
  await putDemoSurveyAnswers(answers);
  return answers.length;
}

import { createHash } from 'node:crypto';
import type { SurveyForm, SurveyInput, SurveySaved } from '../../../contract';
import type { ApelConfig } from '../../core/config';
import { MAX_COMMENT_CHARS, SURVEY_ELEMENTS, SURVEY_SCALE } from '../../core/survey';
import { localDate, localTime } from '../../core/time';
import { getOpd } from '../../store/roster-store';
import { recordSurveyAnswer, surveyUnknownOpd } from '../../store/survey-store';

/**
 * The public survey page of one OPD (reached from its QR poster): the form, and one answer.
 * No personal data: nine numbers, an optional comment (free text: NFC, no hidden characters,
 * at most 500 characters; shown escaped by the page and neutralised in CSV), the OPD and the
 * day. The device id is hashed with the OPD and the day before it is stored.
 */

export async function surveyForm(kode: string, config: ApelConfig): Promise<SurveyForm> {
  const opd = await getOpd(kode);
  if (!opd) throw surveyUnknownOpd();
  return {
    regency: config.regency,
    opd: { kode: opd.kode, nama: opd.nama },
    unsur: SURVEY_ELEMENTS.map((e) => ({ id: e.id, label: e.label, tanya: e.tanya })),
    skala: SURVEY_SCALE.map((s) => ({ nilai: s.nilai, label: s.label })),
    maxKomentar: MAX_COMMENT_CHARS,
  };
}

/** The stored form of a device id: unlinkable across OPDs and days, one per device, OPD and day. */
export function deviceHash(opd: string, date: string, perangkat: string): string {
  return createHash('sha256').update(`${opd}|${date}|${perangkat}`).digest('base64url').slice(0, 32);
}

/** One answer: one DynamoDB request (store/survey-store.ts), nothing written when refused. */
export async function answerSurvey(kode: string, input: SurveyInput, now: Date, config: ApelConfig): Promise<SurveySaved> {
  const date = localDate(now, config.timeZone);
  const komentar = input.komentar && input.komentar.length > 0 ? input.komentar : null;
  await recordSurveyAnswer({
    opd: kode,
    date,
    minute: localTime(now, config.timeZone).slice(0, 5),
    deviceHash: deviceHash(kode, date, input.perangkat),
    jawaban: input.jawaban,
    komentar,
    at: now.toISOString(),
  });
  return { tercatat: true, tanggal: date };
}

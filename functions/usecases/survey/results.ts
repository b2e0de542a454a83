import type { SurveyReport, SurveyResults } from '../../../contract';
import type { ApelConfig } from '../../core/config';
import { InvalidInput } from '../../core/errors';
import { wfaOn } from '../../core/opd';
import type { Opd } from '../../core/roster';
import { isWfaDay } from '../../core/sesi';
import type { SurveyTally } from '../../core/survey';
import { addTally, emptyTally, MIN_RESPONSES, surveyStats } from '../../core/survey';
import type { IsoDate } from '../../core/time';
import { addDays } from '../../core/time';
import { holidaysBetween } from '../../store/calendar-store';
import { listOpds } from '../../store/roster-store';
import { surveyComments, surveyDays } from '../../store/survey-store';

/**
 * The survey's results per OPD for a period (the evaluation page, the heads' page): answers,
 * IKM, grade and NRR per element, over the whole period and split into the regency's WFA days
 * and the other (office) days, with WFA-eligible OPDs beside exempt ones. Reads the daily sums
 * (one Query per month of the period), the OPD list and the period's holidays; never the answers.
 */

export const MAX_SURVEY_PERIOD_DAYS = 366;

export function checkSurveyPeriod(dari: IsoDate, sampai: IsoDate): void {
  if (sampai < dari) throw new InvalidInput('TANGGAL_TIDAK_VALID', 'Tanggal "sampai" tidak boleh sebelum tanggal "dari".');
  if (addDays(dari, MAX_SURVEY_PERIOD_DAYS - 1) < sampai) throw new InvalidInput('TANGGAL_TIDAK_VALID', 'Periode survei paling panjang satu tahun.');
}

/** `opds`: the OPD codes to report (empty: every OPD of the regency). */
export async function surveyResults(opds: readonly string[], dari: IsoDate, sampai: IsoDate, config: ApelConfig): Promise<SurveyResults> {
  checkSurveyPeriod(dari, sampai);
  const wanted = opds.length > 0 ? new Set(opds) : undefined;
  const [all, holidays, days] = await Promise.all([listOpds(), holidaysBetween(dari, sampai), surveyDays(dari, sampai, wanted)]);
  const inScope = all.filter((o) => !wanted || wanted.has(o.kode)).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  const tallies = new Map<string, { semua: SurveyTally; hariWfa: SurveyTally; hariKantor: SurveyTally }>(
    inScope.map((o) => [o.kode, { semua: emptyTally(), hariWfa: emptyTally(), hariKantor: emptyTally() }]),
  );
  for (const day of days) {
    const t = tallies.get(day.opd);
    if (!t) continue;
    addTally(t.semua, day.tally);
    addTally(isWfaDay(day.date, config, holidays.get(day.date)) ? t.hariWfa : t.hariKantor, day.tally);
  }
  const groups = { wfa: emptyTally(), dikecualikan: emptyTally() };
  const opd = inScope.map((o: Opd) => {
    const t = tallies.get(o.kode)!;
    const wfa = wfaOn(o, sampai);
    addTally(wfa ? groups.wfa : groups.dikecualikan, t.semua);
    return { kode: o.kode, nama: o.nama, wfa, semua: surveyStats(t.semua), hariWfa: surveyStats(t.hariWfa), hariKantor: surveyStats(t.hariKantor) };
  });
  return {
    dari,
    sampai,
    minimumJawaban: MIN_RESPONSES,
    ...(days.some((d) => d.demo) ? { contoh: true } : {}),
    opd,
    kelompok: { wfa: surveyStats(groups.wfa), dikecualikan: surveyStats(groups.dikecualikan) },
  };
}

/** One OPD's results and its comments (the heads' page; the admin's for any OPD). */
export async function surveyReport(opd: Opd, dari: IsoDate, sampai: IsoDate, config: ApelConfig): Promise<SurveyReport> {
  checkSurveyPeriod(dari, sampai);
  const [hasil, komentar] = await Promise.all([surveyResults([opd.kode], dari, sampai, config), surveyComments(opd.kode, dari, sampai)]);
  return { hasil, komentar };
}

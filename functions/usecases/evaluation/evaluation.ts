import type { EvaluationIndicators, EvaluationQuery, EvaluationView, SurveyResults } from '../../../contract';
import type { Principal } from '../../core/access';
import { requireOpdScope } from '../../core/access';
import type { ApelConfig } from '../../core/config';
import { csvFile } from '../../core/csv-writer';
import { InvalidInput } from '../../core/errors';
import type { Period } from '../../core/evaluation';
import { evaluate, namedPeriod, periodProblem, previousPeriod } from '../../core/evaluation';
import { wfaOn } from '../../core/opd';
import type { IsoDate } from '../../core/time';
import { addDays, isIsoDate } from '../../core/time';
import { aggregatesOf } from '../../store/evaluation-store';
import { listOpds } from '../../store/roster-store';
import { getSesiMany } from '../../store/sesi-store';
import { surveyResults } from '../survey/results';

/**
 * The evaluation page's data: the aggregates of the period and of the previous period of
 * the same length (one query per month touched; a head's OPD only its range of each
 * month), the sesi the admin freed (one BatchGet of the sesi found), the OPD list, and
 * the survey's results of the same period (usecases/survey/results.ts: one query per month of
 * its daily sums). Never a read per ASN or per day.
 */

/** The check-in records taps kept on the phone and delivered later (issue 15's `luring`), counted by the close. */
export const LURING_RECORDED = true;

/** The period a query names: `periode` (month `2026-11`, quarter `2026-Q4`), or `dari`/`sampai` (default: the last 30 days). */
export function periodOf(query: EvaluationQuery, today: IsoDate): Period {
  if (query.periode !== undefined) {
    const p = namedPeriod(query.periode);
    if (!p) throw new InvalidInput('PERIODE_TIDAK_VALID', 'periode harus bulan (2026-11) atau triwulan (2026-Q4).');
    return p;
  }
  for (const [name, value] of [['dari', query.dari], ['sampai', query.sampai]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new InvalidInput('TANGGAL_TIDAK_VALID', `${name}: harus tanggal YYYY-MM-DD.`);
  }
  const sampai = query.sampai ?? today;
  const p = { dari: query.dari ?? addDays(sampai, -29), sampai };
  const problem = periodProblem(p);
  if (problem) throw new InvalidInput('TANGGAL_TIDAK_VALID', problem);
  return p;
}

export type SurveyReader = (opds: readonly string[], period: Period) => Promise<SurveyResults | null>;

export async function evaluationOf(
  who: Principal,
  query: EvaluationQuery,
  now: Date,
  today: IsoDate,
  config: ApelConfig,
  survey: SurveyReader = (opds, p) => surveyResults(opds, p.dari, p.sampai, config),
): Promise<EvaluationView> {
  const period = periodOf(query, today);
  const allOpds = await listOpds();
  let kode: string | undefined;
  if (who.role !== 'admin') {
    kode = query.opd ?? who.opd;
    requireOpdScope(who, kode);
  } else if (query.opd !== undefined) {
    kode = query.opd;
    if (!allOpds.some((o) => o.kode === kode)) throw new InvalidInput('OPD_TIDAK_ADA', `OPD "${kode}" tidak ada.`);
  }
  const opds = (kode ? allOpds.filter((o) => o.kode === kode) : allOpds).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  if (kode && opds.length === 0) throw new InvalidInput('OPD_TIDAK_ADA', `OPD "${kode}" tidak ada.`);

  const both = { dari: previousPeriod(period).dari, sampai: period.sampai };
  const aggregates = await aggregatesOf(both, kode);
  const apelIds = [...new Set(aggregates.filter((a) => a.slot !== 'kantor').map((a) => a.sesiId))];
  const [records, surveyPart] = await Promise.all([getSesiMany(apelIds), survey(opds.map((o) => o.kode), period)]);
  const freed = new Set(records.filter((s) => s.gangguan?.mode === 'bebaskan').map((s) => s.id));

  const e = evaluate(period, aggregates, opds.map((o) => ({ kode: o.kode, wfa: wfaOn(o, today) })), freed);
  const names = new Map(opds.map((o) => [o.kode, o.nama]));
  return {
    now: now.toISOString(),
    regency: config.regency,
    cakupan: kode ? 'opd' : 'kabupaten',
    periode: e.periode,
    sebelumnya: e.sebelumnya,
    demo: e.demo,
    kelompok: e.kelompok,
    opd: e.opd.map((o) => ({ ...o, nama: names.get(o.opd) ?? o.opd })),
    mingguan: e.mingguan,
    infrastruktur: { perKecamatan: e.kecamatan, luringTersedia: LURING_RECORDED },
    survei: surveyPart,
  };
}

const pct = (v: number | null) => (v === null ? '' : (v * 100).toFixed(1).replace('.', ','));
const num = (v: number | null) => (v === null ? '' : String(v));

/** The evaluation as a spreadsheet (Excel id-ID: `;`, decimal comma, core/csv-writer.ts): one row per OPD, then the groups. */
export function evaluationCsv(v: EvaluationView): string {
  const header = [
    'Kode OPD', 'OPD', 'Status WFA', 'Sesi', 'Diharapkan', 'H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB',
    'Kehadiran (%)', 'Ketepatan waktu (%)', 'TK (%)', 'Median terlambat (menit)', 'P90 terlambat (menit)',
    'Rencana kerja pagi (%)', 'Hasil kerja sore (%)', 'Dinilai sesuai rencana', 'Dinilai sebagian', 'Dinilai tidak sesuai',
    'Cek kesiapan', 'Jawaban cek (%)', 'Median menit menjawab',
    'Median durasi permintaan (ms)', 'P90 durasi permintaan (ms)', 'Presensi dengan kirim ulang (%)',
    `Kehadiran periode sebelumnya (%)`, `Ketepatan periode sebelumnya (%)`,
    'Hari kantor: kehadiran (%)', 'Hari kantor: ketepatan (%)',
  ];
  const row = (kode: string, nama: string, status: string, f: { ini: EvaluationIndicators; sebelum: EvaluationIndicators; kantor: EvaluationIndicators }) => {
    const i = f.ini;
    return [
      kode, nama, status, i.sesi, i.expected, i.kode.H, i.kode.TL, i.kode.TK, i.kode.I, i.kode.S, i.kode.C, i.kode.DL, i.kode.TB, i.kode.DB,
      pct(i.kehadiran), pct(i.ketepatan), pct(i.tk), num(i.telatMedian), num(i.telatP90),
      pct(i.rencana), pct(i.hasil), i.nilai.sesuai, i.nilai.sebagian, i.nilai.tidak_sesuai,
      i.cekDiadakan, pct(i.cekJawab), num(i.cekMenitMedian),
      num(i.jaringanMedianMs), num(i.jaringanP90Ms), pct(i.denganUlang),
      pct(f.sebelum.kehadiran), pct(f.sebelum.ketepatan),
      pct(f.kantor.kehadiran), pct(f.kantor.ketepatan),
    ];
  };
  const rows = v.opd.map((o) => row(o.opd, o.nama, o.wfa ? 'WFA' : 'Dikecualikan', o));
  if (v.cakupan === 'kabupaten') {
    rows.push(row('', 'Semua OPD (kabupaten)', '', v.kelompok.semua));
    rows.push(row('', 'OPD WFA', 'WFA', v.kelompok.wfa));
    rows.push(row('', 'OPD dikecualikan (pembanding)', 'Dikecualikan', v.kelompok.dikecualikan));
  }
  // Network readiness per kecamatan (ASN of WFA OPDs, by where they live), below the OPDs.
  const kecamatan = v.infrastruktur.perKecamatan.length === 0
    ? []
    : [
        [],
        ['Kecamatan', 'Presensi', 'Presensi terukur', 'Median durasi permintaan (ms)', 'P90 durasi permintaan (ms)', 'Presensi dengan kirim ulang (%)', 'Luring', 'Median periode sebelumnya (ms)'],
        ...v.infrastruktur.perKecamatan.map((k) => [
          k.kecamatan ?? 'Belum diketahui', k.ini.presensi, k.ini.diukur, num(k.ini.medianMs), num(k.ini.p90Ms), pct(k.ini.denganUlang), k.ini.luring, num(k.sebelum.medianMs),
        ]),
      ];
  const title = [[`Evaluasi WFA ${v.regency}, ${v.periode.dari} s.d. ${v.periode.sampai} (dibandingkan ${v.sebelumnya.dari} s.d. ${v.sebelumnya.sampai})${v.demo ? ' — DATA CONTOH' : ''}`]];
  return csvFile(header, [...rows, ...kecamatan, [], ...title]);
}

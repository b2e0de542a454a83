import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, InvalidInput, TooMany, Unavailable } from '../core/errors';
import type { SurveyElementId, SurveyTally } from '../core/survey';
import { MAX_RESPONSES_PER_MINUTE, SURVEY_ELEMENT_IDS } from '../core/survey';
import type { IsoDate } from '../core/time';
import type { Item } from './batch';
import { batchWrite, queryAll } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/**
 * The Survei Kepuasan Masyarakat's records (Survey table, keys in tables.ts): one item per
 * answer, and per OPD and day the sums the results read (`n`, one sum per element). An
 * answer is one TransactWriteItems request (one DynamoDB round trip) of three actions:
 *
 * 0. ConditionCheck that the OPD exists (Roster): an unknown OPD writes nothing.
 * 1. Put the answer, on condition that this device has not answered for this OPD today
 *    (the key holds the salted device hash): one answer per device, OPD and day.
 * 2. Update the day's sums (ADD) and the count of the current minute (`m<HHMM>`), on
 *    condition that the minute has fewer than MAX_RESPONSES_PER_MINUTE answers: the flood
 *    bound costs no extra item or request.
 */

export interface SurveyAnswer {
  opd: string;
  date: IsoDate;
  /** hh:mm in the regency's zone: the minute the rate bound counts. */
  minute: string;
  deviceHash: string;
  jawaban: Record<SurveyElementId, number>;
  komentar: string | null;
  at: string;
}

export const surveyAlreadyAnswered = () =>
  new Conflict('SURVEI_SUDAH_DIISI', 'Terima kasih, jawaban Anda untuk layanan ini hari ini sudah tercatat. Anda dapat mengisi lagi besok.');
export const surveyUnknownOpd = () => new InvalidInput('OPD_TIDAK_DIKENAL', 'Perangkat daerah ini tidak dikenal. Periksa tautan atau kode QR pada poster.');
export const surveyBusy = () =>
  new TooMany('SURVEI_SIBUK', 'Terlalu banyak jawaban untuk layanan ini dalam satu menit. Coba lagi sebentar lagi.', 60);

export async function recordSurveyAnswer(a: SurveyAnswer): Promise<void> {
  const minuteAttr = `m${a.minute.replace(':', '')}`;
  const sums = SURVEY_ELEMENT_IDS.map((id, i) => [`:s${i}`, a.jawaban[id]] as const);
  try {
    await guarded(() =>
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: tableName('roster'), Key: keys.opd(a.opd), ConditionExpression: 'attribute_exists(pk)' } },
            {
              Put: {
                TableName: tableName('survey'),
                Item: { ...keys.surveyAnswer(a.opd, a.date, a.deviceHash), opd: a.opd, date: a.date, jawaban: a.jawaban, komentar: a.komentar ?? undefined, at: a.at },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: tableName('survey'),
                Key: keys.surveyDay(a.opd, a.date),
                UpdateExpression: `SET opd = :opd, #date = :date ADD n :one, #m :one, ${SURVEY_ELEMENT_IDS.map((id, i) => `s_${id} :s${i}`).join(', ')}`,
                ConditionExpression: 'attribute_not_exists(#m) OR #m < :limit',
                ExpressionAttributeNames: { '#m': minuteAttr, '#date': 'date' },
                ExpressionAttributeValues: { ':opd': a.opd, ':date': a.date, ':one': 1, ':limit': MAX_RESPONSES_PER_MINUTE, ...Object.fromEntries(sums) },
              },
            },
          ],
        }),
      ),
    );
  } catch (e) {
    if (e instanceof TransactionCanceledException) {
      const codes = (e.CancellationReasons ?? []).map((r) => r.Code);
      if (codes[0] === 'ConditionalCheckFailed') throw surveyUnknownOpd();
      if (codes[1] === 'ConditionalCheckFailed') throw surveyAlreadyAnswered();
      if (codes[2] === 'ConditionalCheckFailed') throw surveyBusy();
      // Two answers for one OPD at the same instant collide on the day's sums: nothing was written; retrying is right.
      if (codes.includes('TransactionConflict')) throw new Unavailable('SURVEI_BENTROK', 'Jawaban belum tercatat karena bersamaan dengan jawaban lain. Coba kirim lagi.', 1);
    }
    throw e;
  }
}

export interface SurveyDay {
  opd: string;
  date: IsoDate;
  tally: SurveyTally;
  /** Seeded by the local demo (functions/local/demo-survey.ts), never by a citizen. */
  demo: boolean;
}

const dayFrom = (i: Item): SurveyDay => ({
  opd: String(i.opd),
  date: String(i.date),
  demo: i.demo === true,
  tally: {
    n: Number(i.n ?? 0),
    sums: Object.fromEntries(SURVEY_ELEMENT_IDS.map((id) => [id, Number(i[`s_${id}`] ?? 0)])) as Record<SurveyElementId, number>,
  },
});

const monthsBetween = (dari: IsoDate, sampai: IsoDate): string[] => {
  const months: string[] = [];
  let [y, m] = dari.slice(0, 7).split('-').map(Number) as [number, number];
  const last = sampai.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    months.push(month);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
};

/**
 * The daily sums of every OPD (or of `opds`) over [dari, sampai]: one Query per month of the
 * period (`SKMHARI#<yyyy-mm>`, sk BETWEEN dates), never a scan; the per-minute counters are
 * left out of the answer (they still count in the read units: a busy day's item is a few KB).
 */
export async function surveyDays(dari: IsoDate, sampai: IsoDate, opds?: ReadonlySet<string>): Promise<SurveyDay[]> {
  const pages = await Promise.all(
    monthsBetween(dari, sampai).map((month) =>
      queryAll({
        TableName: tableName('survey'),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.surveyDayMonth(month), ':from': `${dari}#`, ':to': `${sampai}#~` },
        ProjectionExpression: ['opd', '#date', 'demo', 'n', ...SURVEY_ELEMENT_IDS.map((id) => `s_${id}`)].join(', '),
        ExpressionAttributeNames: { '#date': 'date' },
      }),
    ),
  );
  return pages.flat().map(dayFrom).filter((d) => !opds || opds.has(d.opd));
}

export interface SurveyComment {
  date: IsoDate;
  at: string;
  komentar: string;
}

/** The comments an OPD received over [dari, sampai], newest first: one Query per month of its answers, only those with a comment. */
export async function surveyComments(opd: string, dari: IsoDate, sampai: IsoDate, limit = 200): Promise<SurveyComment[]> {
  const pages = await Promise.all(
    monthsBetween(dari, sampai).map((month) =>
      queryAll({
        TableName: tableName('survey'),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        FilterExpression: 'attribute_exists(komentar)',
        ExpressionAttributeValues: { ':pk': keys.surveyAnswerMonth(opd, month), ':from': `${dari}#`, ':to': `${sampai}#~` },
        ProjectionExpression: '#date, #at, komentar',
        ExpressionAttributeNames: { '#date': 'date', '#at': 'at' },
      }),
    ),
  );
  return pages
    .flat()
    .map((i) => ({ date: String(i.date), at: String(i.at), komentar: String(i.komentar) }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit);
}

/**
 * The local demo's past (functions/local/demo-past.ts): answers and their daily sums written
 * in batches, without the per-answer transaction (no minute bound: they are made up at once).
 * Never called on AWS.
 */
export async function putDemoSurveyAnswers(answers: readonly SurveyAnswer[]): Promise<void> {
  const days = new Map<string, Item>();
  for (const a of answers) {
    const key = keys.surveyDay(a.opd, a.date);
    const day = days.get(key.sk) ?? { ...key, opd: a.opd, date: a.date, demo: true, n: 0, ...Object.fromEntries(SURVEY_ELEMENT_IDS.map((id) => [`s_${id}`, 0])) };
    day.n = Number(day.n) + 1;
    for (const id of SURVEY_ELEMENT_IDS) day[`s_${id}`] = Number(day[`s_${id}`]) + a.jawaban[id];
    days.set(key.sk, day);
  }
  await batchWrite(tableName('survey'), [
    ...answers.map((a) => ({ ...keys.surveyAnswer(a.opd, a.date, a.deviceHash), opd: a.opd, date: a.date, jawaban: a.jawaban, komentar: a.komentar ?? undefined, at: a.at, demo: true })),
    ...days.values(),
  ]);
}

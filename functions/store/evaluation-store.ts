import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AbsentCounts, Assessment, PackedKecNetwork, Period, SesiAggregate } from '../core/evaluation';
import { ASSESSMENTS, emptyAbsent, monthsOf } from '../core/evaluation';
import type { Item, TransactItem } from './batch';
import { batchWrite, inParallel, queryAll } from './batch';
import { db } from './client';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/**
 * The evaluation's aggregates (core/evaluation.ts): one small item per OPD and sesi, in the
 * Sessions table beside the recaps, partitioned by month (`EVAL#<yyyy-mm>`, sk
 * `<opd>#<sesiId>`). The close writes them; a late excuse reclassifies the absent; a head's
 * assessment adds one to a counter. The evaluation of a period reads one partition per month.
 */

/**
 * The network per kecamatan is kept as one JSON string (`{"Bolaang Uki":[12,1,0,0,3,…],…}`):
 * as a map of lists it was ~100 attribute values more in every aggregate, which doubled the
 * time DynamoDB and the SDK take to read a quarter of them.
 */
const aggregateItem = (a: SesiAggregate, computedAt: string): Item => ({
  ...keys.evaluation(a.opd, a.sesiId),
  ...a,
  ...(a.jaringanKec ? { jaringanKec: JSON.stringify(a.jaringanKec) } : {}),
  computedAt,
});

const histogram = (v: unknown): Record<string, number> => (v && typeof v === 'object' ? (v as Record<string, number>) : {});

export const aggregateFrom = (i: Item): SesiAggregate => {
  const j = (i.jaringan ?? {}) as Partial<SesiAggregate['jaringan']>;
  const nilai = (i.nilai ?? {}) as Partial<Record<Assessment, number>>;
  const cek = i.cek as SesiAggregate['cek'] | undefined;
  return {
    opd: String(i.opd),
    sesiId: String(i.sesiId),
    date: String(i.date),
    slot: i.slot === 'sore' ? 'sore' : i.slot === 'kantor' ? 'kantor' : 'pagi',
    wfa: i.wfa !== false,
    demo: i.demo === true,
    expected: Number(i.expected ?? 0),
    hadir: Number(i.hadir ?? 0),
    terlambat: Number(i.terlambat ?? 0),
    absen: Array.isArray(i.absen) ? i.absen.map(String) : [],
    tanpaHadir: { ...emptyAbsent(), ...((i.tanpaHadir ?? {}) as Partial<AbsentCounts>) },
    telat: histogram(i.telat),
    laporan: Number(i.laporan ?? 0),
    nilai: Object.fromEntries(ASSESSMENTS.map((k) => [k, Math.max(0, Number(nilai[k] ?? 0))])) as Record<Assessment, number>,
    jaringan: {
      diukur: Number(j.diukur ?? 0),
      ms: histogram(j.ms),
      denganUlang: Number(j.denganUlang ?? 0),
      ulang: Number(j.ulang ?? 0),
      luring: Number(j.luring ?? 0),
    },
    cek: cek ? { diadakan: Number(cek.diadakan), diminta: Number(cek.diminta), dijawab: Number(cek.dijawab), menit: histogram(cek.menit) } : null,
    ...(typeof i.jaringanKec === 'string' ? { jaringanKec: kecFrom(i.jaringanKec) } : {}),
  };
};

function kecFrom(json: string): Record<string, PackedKecNetwork> {
  const m = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(m).map(([name, p]) => [name, Array.isArray(p) ? p.map(Number) : []]));
}

/** The close's aggregates of one sesi (a batch write: the apel clock may write the Sessions table). */
export async function putAggregates(aggregates: readonly SesiAggregate[], now: Date): Promise<void> {
  await batchWrite(tableName('sessions'), aggregates.map((a) => aggregateItem(a, now.toISOString())));
}

/** One PutItem each, a few at a time (the admin function may PutItem on Sessions, not BatchWriteItem). */
export async function putAggregatesOneByOne(aggregates: readonly SesiAggregate[], now: Date): Promise<void> {
  await inParallel(aggregates, 8, (a) =>
    guarded(() => db.send(new PutCommand({ TableName: tableName('sessions'), Item: aggregateItem(a, now.toISOString()) }))),
  );
}

/**
 * The aggregates of a period: one query per month (partition), all OPDs, or for one OPD
 * only its range of each month (`<opd>#<dari>` … `<opd>#<sampai>~`).
 */
export async function aggregatesOf(period: Period, opd?: string): Promise<SesiAggregate[]> {
  const pages = await inParallel(monthsOf(period), 4, (month) =>
    queryAll({
      TableName: tableName('sessions'),
      ...(opd
        ? {
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': keys.evaluationMonth(month), ':from': `${opd}#${period.dari}`, ':to': `${opd}#${period.sampai}~` },
          }
        : {
            KeyConditionExpression: 'pk = :pk',
            FilterExpression: '#date BETWEEN :from AND :to',
            ExpressionAttributeNames: { '#date': 'date' },
            ExpressionAttributeValues: { ':pk': keys.evaluationMonth(month), ':from': period.dari, ':to': period.sampai },
          }),
    }),
  );
  return pages.flat().map(aggregateFrom);
}

/** After a late excuse (or its withdrawal): the absent of these aggregates, classified again. */
export async function setAbsentCounts(opd: string, sesiId: string, tanpaHadir: AbsentCounts): Promise<void> {
  await guarded(() =>
    db.send(
      new UpdateCommand({
        TableName: tableName('sessions'),
        Key: keys.evaluation(opd, sesiId),
        UpdateExpression: 'SET tanpaHadir = :t',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':t': tanpaHadir },
      }),
    ),
  ).catch((e: unknown) => {
    // The aggregate went away or was never written (a sesi closed before the evaluation existed): nothing to update.
    if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
  });
}

/**
 * A head's assessment of a closed sesi's output, counted in the aggregate in the same
 * transaction as the check-in's change and its audit line: one more of `after`, one less
 * of `before`. (While the sesi is open the close counts it from the check-ins.)
 */
export function assessmentCountUpdate(opd: string, sesiId: string, before: Assessment | null, after: Assessment | null): TransactItem | undefined {
  if (before === after) return undefined;
  const parts: string[] = [];
  const values: Record<string, number> = {};
  const names: Record<string, string> = { '#nilai': 'nilai' };
  if (after) {
    parts.push('#nilai.#after :one');
    names['#after'] = after;
    values[':one'] = 1;
  }
  if (before) {
    parts.push('#nilai.#before :minusOne');
    names['#before'] = before;
    values[':minusOne'] = -1;
  }
  return {
    Update: {
      TableName: tableName('sessions'),
      Key: keys.evaluation(opd, sesiId),
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

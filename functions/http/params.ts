import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isExcuseId } from '../core/attendance';
import { InvalidInput } from '../core/errors';
import { isReadinessId } from '../core/readiness';
import { isOpdCode } from '../core/roster';
import { parseSesiId } from '../core/sesi';
import { textProblem } from '../core/text';
import { isIsoDate } from '../core/time';

/** A `{param}` of the route; API Gateway guarantees it is there and non-empty. */
export function pathParam(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new InvalidInput('INPUT_TIDAK_VALID', `Bagian alamat "${name}" tidak ada.`);
  return value;
}

/** A query-string value, or undefined when absent or empty. */
export function queryParam(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const value = event.queryStringParameters?.[name];
  return value === undefined || value === '' ? undefined : value;
}

interface Format {
  valid: (value: string) => boolean;
  expected: string;
}

const opdCode: Format = { valid: isOpdCode, expected: 'kode OPD (huruf kecil, angka, tanda minus; 2–40 karakter)' };
const sesiId: Format = { valid: (v) => parseSesiId(v) !== undefined, expected: 'berbentuk YYYY-MM-DD.pagi atau YYYY-MM-DD.sore' };

/**
 * The form of every `{param}` of the route table. Each becomes part of a DynamoDB key
 * (or is compared with one), so an over-long or malformed value is refused here, before
 * any read: DynamoDB would otherwise refuse the key itself (a key is at most 2,048 bytes).
 * The API wrapper checks at load that every param of ROUTES has a form here.
 */
export const PATH_FORMATS: Record<string, Format> = {
  opd: opdCode,
  kode: opdCode,
  nip: { valid: (v) => /^\d{18}$/.test(v), expected: 'NIP 18 angka' },
  sesiId,
  izinId: { valid: isExcuseId, expected: 'nomor keterangan (izin) yang diberikan server' },
  cekId: { valid: isReadinessId, expected: 'nomor cek kesiapan yang diberikan server' },
  tanggal: { valid: isIsoDate, expected: 'tanggal YYYY-MM-DD' },
};

/** Query values that become (part of) a key; every other one is a filter, bounded in length. */
const QUERY_FORMATS: Record<string, Format> = { opd: opdCode, sesi: sesiId };
const MAX_QUERY_VALUE = 200;

/**
 * Refuses a path or query value of the wrong form with a 400 naming it, before the
 * caller is looked up or anything else is read.
 */
export function checkRequestValues(event: APIGatewayProxyEventV2): void {
  for (const [name, value = ''] of Object.entries(event.pathParameters ?? {})) {
    const format = PATH_FORMATS[name];
    if (!format?.valid(value)) {
      throw new InvalidInput('INPUT_TIDAK_VALID', `Bagian alamat "${name}" tidak valid: harus ${format?.expected ?? 'sesuai rute'}.`);
    }
  }
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value === undefined || value === '') continue;
    const format = QUERY_FORMATS[name];
    if (format && !format.valid(value)) throw new InvalidInput('INPUT_TIDAK_VALID', `${name}: harus ${format.expected}.`);
    if (value.length > MAX_QUERY_VALUE) throw new InvalidInput('INPUT_TIDAK_VALID', `${name}: paling banyak ${MAX_QUERY_VALUE} karakter.`);
    const hidden = textProblem(value);
    if (hidden) throw new InvalidInput('INPUT_TIDAK_VALID', `${name}: ${hidden}.`);
  }
}

/** The `{param}` names of a route key (`PUT /api/opd/{opd}/seragam/{sesiId}/{nip}` → opd, sesiId, nip). */
export function pathParamNames(routeKey: string): string[] {
  return [...routeKey.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

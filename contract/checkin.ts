/**
 * The hot path: an ASN taps "Hadir" (POST /api/checkins). Served by its own lean function.
 */
import type { CheckinStatus, ComplianceMark, Endpoint, Instant } from './common';

/** What the ASN sends: the sesi, and the work plan or output and uniform confirmation where asked. */
export interface CheckinRequest {
  /** `YYYY-MM-DD.pagi`, `YYYY-MM-DD.sore` (or `.demo` in the local demo mode). */
  sesiId: string;
  /** Today's work plan (pagi) or output (sore), at most 500 characters; required where the config says `wajib`. */
  laporan?: string;
  /** The ASN confirms wearing the day's uniform. */
  seragam?: boolean;
  /**
   * How the check-in reached the server, for the evaluation (infrastructure readiness): `ms` the
   * duration of the page's previous request as the phone measured it, `ulang` this request's retries.
   */
  jaringan?: { ms?: number; ulang?: number };
}

/** A recorded check-in, once per ASN and sesi. */
export interface Checkin {
  sesiId: string;
  nip: string;
  /** The ASN's OPD when they checked in. */
  opd: string;
  status: CheckinStatus;
  /** The server's clock when the tap arrived. */
  at: Instant;
  /** The work plan or output as stated (trimmed); absent when none. */
  laporan?: string;
  /** The uniform confirmation; absent when no uniform was asked. */
  seragam?: boolean;
  /** Set by a head when the uniform was not as required. */
  tidakPatuh?: ComplianceMark;
  /** A late ASN's short reason, sent afterwards (PUT /api/me/alasan/{sesiId}) while the apel is open. */
  alasanTerlambat?: string;
}

/**
 * The answer, 201 for a new check-in, 200 for a repeat: `repeat` is true when this ASN had
 * already checked in (a retry, a second phone) and `checkin` is the first one.
 */
export interface CheckinResult {
  checkin: Checkin;
  repeat: boolean;
}

export interface CheckinRoutes {
  'POST /api/checkins': Endpoint<{ body: CheckinRequest }, CheckinResult>;
}

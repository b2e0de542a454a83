/**
 * The ASN's page: who the link belongs to and this week's apel (GET /api/me), the next
 * apel when none is left today (GET /api/schedule), and "Saya siap" to a readiness check.
 */
import type {
  AsnStatus,
  CheckinStatus,
  Code,
  ComplianceMark,
  Endpoint,
  Excuse,
  Holiday,
  Instant,
  IsoDate,
  MeetingLinks,
  NoRequest,
  Opd,
  PlannedSesi,
  ReportRule,
  Role,
  SesiSlot,
  SesiState,
} from './common';

/** One sesi of the week as this ASN sees it: its window, whether it is open now, and their status in it. */
export interface SesiView extends PlannedSesi {
  state: SesiState;
  /** The local runtime's demo sesi. */
  demo: boolean;
  /** Their check-in, else `tidak_hadir` once closed, else `belum`. */
  status: CheckinStatus | 'tidak_hadir' | 'belum';
  checkedInAt: Instant | null;
  /** The work plan (pagi) or output (sore) sent with their check-in. */
  laporan: string | null;
  seragamDikonfirmasi: boolean | null;
  /** The head's mark that the uniform was not as required (note and when), else null. */
  tidakPatuh: Pick<ComplianceMark, 'catatan' | 'at'> | null;
  /** The reason this ASN gave for being late, else null. */
  alasanTerlambat: string | null;
}

/** A readiness check (cek kesiapan) of the ASN's OPD that is running, and whether they answered it. */
export interface MyReadinessCheck {
  id: string;
  pesan: string;
  mulai: Instant;
  /** Answers are taken until this instant. */
  batas: Instant;
  /** When this ASN answered "Saya siap", or null. */
  dijawabPada: Instant | null;
}

/** An excuse recorded for the ASN, as their page shows it: `olehNama` is the name of who recorded it (null if unknown). */
export type MyExcuse = Pick<Excuse, 'id' | 'jenis' | 'dari' | 'sampai' | 'catatan' | 'oleh'> & { olehNama: string | null };

/**
 * The proof-of-presence part of GET /api/me (docs/api.md, "Bukti kehadiran"). The page keeps
 * the ticket with the `performance.now()` of its arrival and signs check-ins and readiness
 * answers over it with its own key.
 */
export interface MyProof {
  /** A window ticket (signed by the server: NIP, the open sesi or none, server time, expiry). */
  tiket: string;
  /** The sesi the ticket is for (the open one of today), or null. */
  sesiId: string | null;
  /** A tap counts by the ticket's time for this many minutes after it. */
  berlakuMenit: number;
  /** Thumbprint of the phone's key the link is bound to, or null while unbound. */
  perangkat: string | null;
  /** Thumbprint of a new phone's key waiting for the head's approval, or null. */
  menunggu: string | null;
  /** Whether a check-in must be signed today (bound, or on/after `perangkatWajibSejak`). */
  wajib: boolean;
  /**
   * Passkey mode only (config `buktiKehadiran: "passkey"`; absent otherwise): the credential id of
   * the link's passkey, or null while none is registered. Once there is one, every check-in also
   * carries an assertion by it with user verification (contract/checkin.ts `CheckinProof.passkey`).
   */
  passkey?: string | null;
}

/** GET /api/me: the link's owner, their OPD, today's and this week's apel (Monday to Sunday). */
export interface Me {
  /** The server's clock: the page computes countdowns from it, not from the phone's. */
  now: Instant;
  regency: string;
  /** IANA zone of the regency, e.g. `Asia/Makassar`; every time is shown in it. */
  timeZone: string;
  /** `WIB`, `WITA`, `WIT` (else the IANA name). */
  zoneLabel: string;
  asn: { nip: string; nama: string; jabatan: string; status: AsnStatus; role: Role };
  /** `wfa` as of today. */
  opd: Opd;
  today: SesiView[];
  week: SesiView[];
  /** Holidays of this week. */
  libur: Holiday[];
  /** The excuses a head recorded for this ASN that cover a day of this week (withdrawn ones left out). */
  izin: MyExcuse[];
  /** Today's uniform, e.g. `PDH khaki`, or null. */
  seragam: string | null;
  laporan: Record<'pagi' | 'sore', ReportRule>;
  /** The meeting link of each apel: the OPD's own, else the regency's. */
  tautanApel: MeetingLinks;
  kesiapan: MyReadinessCheck | null;
  /** Proof of presence: the window ticket to sign and the phone this link is bound to. */
  bukti: MyProof;
  /** Whom to contact when late, absent or stuck (config `bantuan`), or null when the regency set none. */
  bantuan: { nama: string; whatsapp: string; jam: string } | null;
}

/** GET /api/schedule: the apel of the next 14 days that have not closed yet, and the holidays among them. */
export interface Schedule {
  now: Instant;
  timeZone: string;
  zoneLabel: string;
  sesi: PlannedSesi[];
  libur: Holiday[];
}

/**
 * "Saya siap" signed by the phone like a check-in, over `apel-wfa/siap/1\n<tiket>\n<cekId>`
 * (any ticket of GET /api/me); required once the link is bound or from `perangkatWajibSejak`.
 */
export interface ReadinessProof {
  bukti?: { tiket: string; tanda: string; kunci?: { kty: 'EC'; crv: 'P-256'; x: string; y: string } };
}

/** POST /api/perangkat: the phone's public key (JWK, ECDSA P-256), sent when the page first opens the link on it. */
export interface DeviceRegistration {
  kunci: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

/**
 * 200 `terikat`: the link is (now) bound to this phone. 202 `menunggu`: the link is bound to
 * another phone; this one waits for the head's approval (the roll lists it).
 */
export interface DeviceRegistered {
  status: 'terikat' | 'menunggu';
  /** The key's thumbprint. */
  perangkat: string;
}

/**
 * POST /api/passkey/opsi (no body): what navigator.credentials.create() needs to make the link's
 * passkey on this phone (platform authenticator, user verification required), as
 * @simplewebauthn/browser's startRegistration takes it, and the fresh ticket its challenge is
 * made from: base64url(SHA-256(`apel-wfa/passkey/1\n<tiket>`)).
 */
export interface PasskeyOptions {
  tiket: string;
  opsi: {
    challenge: string;
    rp: { name: string; id?: string };
    user: { id: string; name: string; displayName: string };
    pubKeyCredParams: { alg: number; type: string }[];
    timeout?: number;
    excludeCredentials?: { id: string; type: string; transports?: string[] }[];
    authenticatorSelection?: { authenticatorAttachment?: 'platform' | 'cross-platform'; residentKey?: string; requireResidentKey?: boolean; userVerification?: string };
    attestation?: string;
    extensions?: object;
    hints?: string[];
  };
}

/**
 * POST /api/passkey: the passkey made on the phone the link is bound to. `tanda` is that phone's
 * key's signature (as for a check-in) over `apel-wfa/passkey/1\n<tiket>`; `respons` is
 * navigator.credentials.create()'s answer as @simplewebauthn/browser's startRegistration returns it.
 */
export interface PasskeyRegistration {
  tiket: string;
  tanda: string;
  respons: {
    id: string;
    rawId: string;
    type: 'public-key';
    response: { clientDataJSON: string; attestationObject: string; transports?: string[] } & Record<string, unknown>;
    clientExtensionResults: object;
    authenticatorAttachment?: string;
  };
}

/** 201: the passkey's credential id, now the link's (an earlier one is replaced). */
export interface PasskeyRegistered {
  passkey: string;
}

/** POST /api/kesiapan/{cekId}: 201 when recorded, 200 with the first time for a repeat. */
export interface ReadinessAnswered {
  dijawabPada: Instant;
}

/** One closed apel of the month as the ASN's history shows it: the code the head's recap gives them. */
export interface MyHistoryApel {
  sesiId: string;
  date: IsoDate;
  slot: SesiSlot;
  label: string;
  kode: Code;
  /** Minutes after the on-time minute (07.30 → 07:45:10 is 15), for TL only. */
  menitTerlambat: number | null;
}

/** GET /api/me/riwayat?bulan=YYYY-MM: the ASN's closed apel of a month with totals per code (demo sesi left out). */
export interface MyHistory {
  bulan: string;
  apel: MyHistoryApel[];
  jumlah: Record<Code, number>;
  /** Minutes late over the month. */
  menitTerlambat: number;
}

/** PUT /api/me/alasan/{sesiId}: a late ASN's short reason (at most 200 characters), while the apel is open; sent again, it replaces the earlier one. */
export interface LateReasonInput {
  alasan: string;
}

export interface LateReasonSaved {
  alasanTerlambat: string;
}

export interface MeRoutes {
  'GET /api/me': Endpoint<NoRequest, Me>;
  'GET /api/me/riwayat': Endpoint<{ query: { bulan?: string } }, MyHistory>;
  'PUT /api/me/alasan/{sesiId}': Endpoint<{ params: { sesiId: string }; body: LateReasonInput }, LateReasonSaved>;
  'POST /api/kesiapan/{cekId}': Endpoint<{ params: { cekId: string }; body: ReadinessProof }, ReadinessAnswered>;
  'POST /api/perangkat': Endpoint<{ body: DeviceRegistration }, DeviceRegistered>;
  'POST /api/passkey/opsi': Endpoint<NoRequest, PasskeyOptions>;
  'POST /api/passkey': Endpoint<{ body: PasskeyRegistration }, PasskeyRegistered>;
  'GET /api/schedule': Endpoint<NoRequest, Schedule>;
}

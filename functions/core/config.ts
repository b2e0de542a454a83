import * as z from 'zod/mini';

/**
 * The one configuration of a deployment. The CDK stack, the local runtime and the
 * scheduled handlers all read it through `parseConfig`, so a regency changes
 * apel times or WFA days in one place.
 */

export const WEEKDAYS = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SLOTS = ['pagi', 'sore'] as const;
export type Slot = (typeof SLOTS)[number];

const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'harus berformat HH:MM (24 jam)'));

export const slotTimes = z
  .object({ opens: clock, onTimeUntil: clock, closes: clock })
  .check(
    z.refine((s) => s.opens < s.onTimeUntil, { message: 'onTimeUntil harus setelah opens', path: ['onTimeUntil'] }),
    z.refine((s) => s.onTimeUntil <= s.closes, { message: 'closes tidak boleh sebelum onTimeUntil', path: ['closes'] }),
    z.refine((s) => s.opens < s.closes, { message: 'closes harus setelah opens', path: ['closes'] }),
    // The recap runs one minute after the close, and must fall on the same date.
    z.refine((s) => s.closes < '23:59', { message: 'closes paling lambat 23:58', path: ['closes'] }),
  );
export type SlotTimes = z.infer<typeof slotTimes>;

const uniformName = z.string().check(z.minLength(2, 'minimal 2 huruf'), z.maxLength(60, 'maksimal 60 huruf'));

export const REPORT_RULES = ['wajib', 'opsional', 'tidak'] as const;
export type ReportRule = (typeof REPORT_RULES)[number];
const reportRule = z.enum(REPORT_RULES);

/** Only https links: the page opens them on the ASN's phone. */
export const meetingUrl = z
  .string()
  .check(z.maxLength(500, 'maksimal 500 karakter'), z.refine(isHttpsUrl, 'harus alamat https:// yang lengkap'));

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  if (INDONESIAN_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const configSchema = z.object({
  regency: z.string().check(z.minLength(3, 'minimal 3 huruf'), z.maxLength(120, 'maksimal 120 huruf')),
  /** AWS only: who gets alarm and budget e-mails (none: the stack warns), and the monthly budget in US$. */
  operations: z._default(
    z.object({
      alarmEmail: z.optional(z.email('harus alamat e-mail, contoh: it@kabupaten.go.id')),
      monthlyBudgetUsd: z._default(z.number().check(z.positive('harus lebih dari 0')), 5),
      /**
       * Raise by one and deploy to rotate the secret header CloudFront sends to the API
       * (infra/constructs/origin-secret.ts, docs/operations.md); never the secret itself.
       */
      originSecretRotation: z._default(z.number().check(z.int('harus bilangan bulat'), z.gte(0, 'tidak boleh negatif')), 0),
      /** The same for the secret that signs window tickets (issue 15, core/presence.ts). */
      ticketSecretRotation: z._default(z.number().check(z.int('harus bilangan bulat'), z.gte(0, 'tidak boleh negatif')), 0),
      /**
       * AWS WAF in front of CloudFront with a rate-based rule per client IP: off by default
       * (a web ACL costs more a month than the rest of the stack: `npm run cost -- --waf`).
       * `true` for the default limit, or the requests one IP may make in 5 minutes
       * (mind shared mobile-network addresses: many ASN can share one).
       */
      waf: z._default(
        z.union([
          z.boolean(),
          z.object({ requestsPer5Minutes: z.number().check(z.int('harus bilangan bulat'), z.gte(100, 'paling sedikit 100'), z.lte(2_000_000_000, 'terlalu besar')) }),
        ]),
        false,
      ),
    }),
    { monthlyBudgetUsd: 5, originSecretRotation: 0, ticketSecretRotation: 0, waf: false },
  ),
  timeZone: z._default(
    z.string().check(z.refine(isTimeZone, 'bukan zona waktu IANA yang dikenal (contoh: Asia/Makassar)')),
    'Asia/Makassar',
  ),
  wfaDays: z._default(
    z.array(z.enum(WEEKDAYS)).check(z.minLength(1), z.maxLength(7)),
    ['senin', 'selasa'] satisfies Weekday[],
  ),
  slots: z._default(z.object({ pagi: slotTimes, sore: slotTimes }), {
    pagi: { opens: '07:00', onTimeUntil: '07:30', closes: '08:00' },
    sore: { opens: '15:45', onTimeUntil: '16:00', closes: '16:30' },
  }),
  /** Uniform of each weekday (policy point 5); the ASN confirms it at check-in. */
  seragam: z._default(z.partialRecord(z.enum(WEEKDAYS), uniformName), {
    senin: 'PDH khaki',
    selasa: 'Batik',
  } satisfies Partial<Record<Weekday, string>>),
  /** Whether the ASN states today's work plan (pagi) and output (sore) when checking in. */
  laporan: z._default(z.object({ pagi: reportRule, sore: reportRule }), { pagi: 'opsional', sore: 'opsional' }),
  /** The regency's meeting link of each apel (Zoom, Meet…); an OPD may set its own. */
  tautanApel: z._default(z.object({ pagi: z.optional(meetingUrl), sore: z.optional(meetingUrl) }), {}),
  /**
   * The TPP month's deductions (core/tpp.ts), in percent of the month's TPP. The regency's
   * Peraturan Bupati decides; the defaults are Permentan 68/2012's: late TL1 1–30 minutes
   * 0,5 %, TL2 31–60 1 %, TL3 61–90 1,5 %, TL4 91+ (or not signing the attendance list: an
   * apel missed without reason, TK) 2 %; capped at 100 % a month.
   */
  tpp: z._default(
    z.object({
      dasar: z._default(z.string().check(z.minLength(3, 'minimal 3 huruf'), z.maxLength(200, 'maksimal 200 huruf')), 'Permentan 68/2012 (bawaan; Perbup menentukan)'),
      persenTk: z._default(z.number().check(z.gte(0, 'tidak boleh negatif'), z.lte(100, 'paling besar 100')), 2),
      tlBatasMenit: z._default(
        z.tuple([z.number().check(z.int('harus bilangan bulat'), z.gte(1, 'paling kecil 1')), z.number().check(z.int('harus bilangan bulat')), z.number().check(z.int('harus bilangan bulat'))]).check(
          z.refine((b) => b[0] < b[1] && b[1] < b[2], 'batas TL1 < TL2 < TL3 (menit)'),
        ),
        [30, 60, 90],
      ),
      persenTl: z._default(z.tuple([z.number().check(z.gte(0)), z.number().check(z.gte(0)), z.number().check(z.gte(0)), z.number().check(z.gte(0))]), [0.5, 1, 1.5, 2]),
      batasBulananPersen: z._default(z.number().check(z.gt(0, 'harus lebih dari 0'), z.lte(100, 'paling besar 100')), 100),
    }),
    { dasar: 'Permentan 68/2012 (bawaan; Perbup menentukan)', persenTk: 2, tlBatasMenit: [30, 60, 90], persenTl: [0.5, 1, 1.5, 2], batasBulananPersen: 100 },
  ),
  /** Whom an ASN contacts when late, absent or stuck (e.g. the BKPSDM helpdesk): a WhatsApp number and its hours. */
  bantuan: z.optional(
    z.object({
      nama: z._default(z.string().check(z.minLength(3, 'minimal 3 huruf'), z.maxLength(80, 'maksimal 80 huruf')), 'Helpdesk BKPSDM'),
      whatsapp: z.string().check(z.regex(/^62\d{8,13}$/, 'harus nomor WhatsApp berawalan 62, contoh: 6281234567890')),
      jam: z.string().check(z.minLength(3, 'minimal 3 huruf'), z.maxLength(80, 'maksimal 80 huruf')),
    }),
  ),
  /**
   * Proof of presence (core/presence.ts): `perangkat`, each check-in signed by a key that lives
   * only on the ASN's phone (bound to the link at first use); `passkey`, in addition, a WebAuthn
   * passkey with user verification (fingerprint) registered from that phone (core/passkey.ts);
   * phones without a platform authenticator keep signing with their key alone.
   */
  buktiKehadiran: z._default(z.enum(['perangkat', 'passkey']), 'perangkat'),
  /** From this date (YYYY-MM-DD, regency time) a check-in must be signed by the bound phone; before it, links work unbound and bind on first use. */
  perangkatWajibSejak: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'harus tanggal YYYY-MM-DD'))),
  /** A tap counts by its ticket's time for this many minutes after the ticket (the page fetches a fresh one while online). */
  tiketBerlakuMenit: z._default(z.number().check(z.int('harus bilangan bulat'), z.gte(5, 'paling sedikit 5'), z.lte(240, 'paling banyak 240')), 30),
  /** A tap made during an apel and kept on the phone (no network) is accepted until this many minutes after the close. */
  luringSampaiMenit: z._default(z.number().check(z.int('harus bilangan bulat'), z.gte(0, 'tidak boleh negatif'), z.lte(720, 'paling banyak 720')), 120),
  /** Reminders (core/reminder.ts): minutes before `onTimeUntil` that those not yet checked in get a push; 0 sends none then (the opening's push stays). */
  pengingatMenit: z._default(z.number().check(z.int('harus bilangan bulat'), z.gte(0, 'tidak boleh negatif'), z.lte(120, 'paling banyak 120')), 10),
});

export type ApelConfig = z.infer<typeof configSchema>;

/** Requests one client IP may make to CloudFront in 5 minutes when `operations.waf` is `true`. */
export const DEFAULT_WAF_REQUESTS_PER_5_MINUTES = 2000;

/** The WAF rate limit of the config, or undefined when `operations.waf` is off. */
export function wafRateLimit(operations: ApelConfig['operations']): number | undefined {
  const { waf } = operations;
  if (waf === false) return undefined;
  return waf === true ? DEFAULT_WAF_REQUESTS_PER_5_MINUTES : waf.requestsPer5Minutes;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates raw config; the message names each failing field, e.g. `slots.pagi.closes`. */
export function parseConfig(raw: unknown, source = 'config'): ApelConfig {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`${source} tidak valid:\n  - ${problems.join('\n  - ')}`);
}

/**
 * Indonesia's zones, each on one offset since 1988 and without daylight saving: their wall clock
 * is arithmetic (core/time.ts), so a cold check-in does not load ICU's zone data for them (about
 * 16 ms of its import, `npm run bench:coldstart`). Any other IANA zone goes through Intl.
 */
export const INDONESIAN_ZONES: ReadonlyMap<string, { label: string; offsetHours: number }> = new Map([
  ['Asia/Jakarta', { label: 'WIB', offsetHours: 7 }],
  ['Asia/Pontianak', { label: 'WIB', offsetHours: 7 }],
  ['Asia/Makassar', { label: 'WITA', offsetHours: 8 }],
  ['Asia/Jayapura', { label: 'WIT', offsetHours: 9 }],
]);

/** Short zone label shown to people: WIB, WITA or WIT for Indonesia, else the IANA name. */
export function zoneLabel(timeZone: string): string {
  return INDONESIAN_ZONES.get(timeZone)?.label ?? timeZone;
}

import { API_FUNCTIONS, type ApiFunction, type RouteKey, routesOf } from './http/routes';
import { tableName, type TableKey } from './store/tables';

/**
 * Every Lambda function of Apel WFA, declared once: its handler, what starts it, the
 * tables it may touch and how, its memory and time-out. Read by the CDK stack (one
 * ApelFunction per entry, grants as listed), by the handlers at load
 * (`requireFunctionTables`), by the local runtime (which handler serves which route,
 * which one the scheduler ticks) and by the cost model (`npm run cost`). No CDK import:
 * the handlers bundle this file.
 *
 * Which function serves a route is said only by the route table (http/routes.ts); an
 * `api` function serves exactly `routesOf(name)` there.
 *
 * The name is the key; the stack makes it the construct id `<Name>Function`
 * (`CheckinFunction`, `ApelClockFunction`, …), from which CloudFormation's logical id
 * comes: renaming a key replaces that function (and its log group) on the next deploy.
 */

/**
 * Read only; read and PutItem only (append-only records such as check-ins and the
 * audit trail); read and UpdateItem only (annotating records, never adding or
 * deleting them); or read and write.
 */
export type TableAccess = 'RO' | 'RO+PUT' | 'RO+UPDATE' | 'RW';

/** The HTTP API (its routes in http/routes.ts), EventBridge Scheduler every minute (the apel clock), or the reminders' queue (SQS). */
export type Trigger = 'api' | 'every-minute' | 'queue';

export interface FunctionSpec {
  /** Handler file in functions/handlers, without extension (e.g. `checkin`); it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly trigger: Trigger;
  /** 512 MB gives enough CPU for a fast cold start of a small bundle. */
  readonly memoryMb: number;
  /** API functions stay well under API Gateway's 30 s limit. */
  readonly timeoutSeconds: number;
  /** Each table the function uses and how; a table left out is neither granted nor named in its environment. */
  readonly tables: Readonly<Partial<Record<TableKey, TableAccess>>>;
  /** The reminders' queue (store/reminder-queue.ts): may put jobs on it (`send`), or is started by it and may put retries back (`consume`). */
  readonly queue?: 'send' | 'consume';
  /** May read (and, the first time, make) the VAPID key's SSM parameter (store/vapid-key-store.ts). */
  readonly vapidKey?: true;
}

type ApiSpec = FunctionSpec & { readonly trigger: 'api' };
type ScheduledSpec = FunctionSpec & { readonly trigger: 'every-minute' };
type QueueSpec = FunctionSpec & { readonly trigger: 'queue' };

/**
 * The check-in's tables, apart from FUNCTIONS so that its handler's check at load
 * (`requireCheckinTables`) does not carry the whole manifest into the hot bundle.
 */
const CHECKIN_TABLES = {
  // A first signed check-in binds the link to the phone (the key on the link item), in the check-in's own
  // transaction; a passkey that counts its signatures gets its new counter there too.
  links: 'RO+UPDATE',
  sessions: 'RO',
  // Check-ins are only ever added: no update or delete, not even by mistake.
  checkins: 'RO+PUT',
  // With that binding, the roll's marker of a bound ASN.
  records: 'RO+PUT',
} as const satisfies Readonly<Partial<Record<TableKey, TableAccess>>>;

export const FUNCTIONS = {
  // The hot path, kept separate and lean: it cold-starts when everybody arrives at 07:30.
  checkin: {
    entry: 'checkin',
    description: 'POST /api/checkins: record an ASN check-in at an open apel',
    trigger: 'api',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: CHECKIN_TABLES,
  },

  me: {
    entry: 'me',
    description: "GET /api/me: an ASN's profile, today's apel and this week",
    trigger: 'api',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: {
      roster: 'RO',
      // The phone's key on the link (its binding on first open), or a new phone's request.
      links: 'RO+UPDATE',
      calendar: 'RO',
      sessions: 'RO',
      // A late ASN's reason on their own check-in (never adds or removes one).
      checkins: 'RO+UPDATE',
      // Today's readiness check of their OPD, and the answer to it; the OPD's notes version with a late reason.
      records: 'RO+PUT',
    },
  },

  schedule: {
    entry: 'schedule',
    description: 'GET /api/schedule: coming apel and holidays',
    trigger: 'api',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: { links: 'RO', calendar: 'RO' },
  },

  // The heads' pages (and the admin's view of any OPD): live roll, excuses, readiness,
  // uniform marks, recaps. Check-ins may be annotated (uniform mark), never added or removed.
  opd: {
    entry: 'opd-api',
    description: "/api/opd/*: an OPD head's live roll, excuses, readiness checks and recaps",
    trigger: 'api',
    memoryMb: 1024,
    timeoutSeconds: 29,
    tables: {
      roster: 'RO',
      // A head approves or refuses a new phone on an ASN's link.
      links: 'RO+UPDATE',
      calendar: 'RO',
      // The evaluation's aggregates: a late excuse reclassifies the absent, an assessment counts.
      sessions: 'RO+UPDATE',
      checkins: 'RO+UPDATE',
      records: 'RW',
      audit: 'RO+PUT',
      // The survey's results and comments of the OPD.
      survey: 'RO',
      // "Kirim pengingat": who of the OPD switched reminders on, and the once-per-apel marker.
      reminders: 'RO+PUT',
    },
    queue: 'send',
  },

  // Passkey mode: an ASN registers the bound phone's passkey (POST /api/passkey/opsi, /api/passkey),
  // once. Its own function: the WebAuthn library that parses attestations (87 kB gzip) is loaded
  // by nothing an ASN opens every day; the check-in verifies assertions with node:crypto.
  passkey: {
    entry: 'passkey',
    description: 'POST /api/passkey: an ASN registers a passkey (fingerprint) for check-ins, passkey mode',
    trigger: 'api',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: {
      // The passkey on the link item, on condition that the link is still bound to the phone that asked.
      links: 'RO+UPDATE',
      // The OPD's marker of a bound ASN notes the passkey (the roll counts them).
      records: 'RO+UPDATE',
    },
  },

  // An ASN switching reminders on or off for a device (GET/PUT/DELETE /api/me/pengingat).
  // Its own function, so only it and the sender may read the VAPID key.
  reminders: {
    entry: 'reminders',
    description: '/api/me/pengingat: an ASN switches Web Push reminders on or off',
    trigger: 'api',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: {
      // The subscription is saved on condition that the caller's link still exists.
      links: 'RO',
      reminders: 'RW',
    },
    vapidKey: true,
  },

  // The HR admin's console: roster (imports of 5,000 rows in one request), OPDs, calendar,
  // disruptions, links, overview and audit. The only function that writes roster and links
  // (besides the CLI, with the deployer's credentials).
  admin: {
    entry: 'admin-api',
    description: '/api/admin/*: roster, OPDs, calendar, disruptions, links, overview and audit trail',
    trigger: 'api',
    memoryMb: 1024,
    timeoutSeconds: 29,
    tables: {
      roster: 'RW',
      links: 'RW',
      calendar: 'RW',
      // A disruption is written onto the sesi record; sesi are never deleted.
      sessions: 'RO+PUT',
      checkins: 'RO',
      records: 'RO',
      audit: 'RO+PUT',
      // The survey's results of every OPD (evaluation).
      survey: 'RO',
      // Revoking or reissuing a link deletes its push subscriptions in the same transaction.
      reminders: 'RW',
    },
  },

  // The Survei Kepuasan Masyarakat's public page (routes with access `publik`, no link): it
  // may check that an OPD exists and read its name, and write survey answers, nothing else.
  survei: {
    entry: 'survei',
    description: '/api/survei/{opd}: the public satisfaction survey of an OPD (from its QR poster)',
    trigger: 'api',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: {
      roster: 'RO',
      // An answer is a Put and an Update (the day's sums) in one transaction.
      survey: 'RW',
    },
  },

  // The apel clock, every minute: opens each apel when due (config + calendar) and closes
  // it a minute after its window, writing the per-OPD recap. Closing reads the whole
  // roster and every check-in of the sesi: more memory (and so CPU) and time than an API call.
  apelClock: {
    entry: 'apel-clock',
    description: 'Scheduled every minute: open and close each apel by config and calendar, write the recap',
    trigger: 'every-minute',
    memoryMb: 1024,
    timeoutSeconds: 120,
    tables: {
      roster: 'RO',
      calendar: 'RO',
      checkins: 'RO',
      sessions: 'RW',
      // The evaluation's aggregates: the OPD's excuses of the date and the day's readiness checks.
      records: 'RO',
      // The marker that an apel's opening or soon-late reminder was queued (once).
      reminders: 'RO+PUT',
    },
    queue: 'send',
  },

  // The reminders' sender, started by their queue a few jobs at a time (at most 2 at once):
  // works out who gets a reminder of a sesi (roster, excuses, check-ins by OPD) and pushes
  // with web-push; removes subscriptions the push service reports gone.
  reminderSender: {
    entry: 'reminder-sender',
    description: 'Queue: plan and send the reminders (Web Push) of an apel',
    trigger: 'queue',
    memoryMb: 512,
    timeoutSeconds: 60,
    tables: {
      roster: 'RO',
      records: 'RO',
      checkins: 'RO',
      sessions: 'RO',
      reminders: 'RW',
    },
    queue: 'consume',
    vapidKey: true,
  },
} as const satisfies Record<ApiFunction, ApiSpec> & Record<'apelClock', ScheduledSpec> & Record<'reminderSender', QueueSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

// Pure, so a bundle that does not use the list (the check-in's) leaves FUNCTIONS out.
export const FUNCTION_NAMES = /* @__PURE__ */ Object.keys(FUNCTIONS) as FunctionName[];

export function isApiFunction(name: FunctionName): name is ApiFunction {
  return (API_FUNCTIONS as readonly string[]).includes(name);
}

/** The routes that start a function (none for a scheduled one): those the route table gives it. */
export function routesOfFunction(name: FunctionName): RouteKey[] {
  return isApiFunction(name) ? routesOf(name) : [];
}

/** The functions a trigger starts, in manifest order. */
export function functionsTriggeredBy(trigger: Trigger): FunctionName[] {
  return FUNCTION_NAMES.filter((name) => FUNCTIONS[name].trigger === trigger);
}

/** The tables of a function, with their access, in manifest order. */
export function tablesOf(name: FunctionName): [TableKey, TableAccess][] {
  return Object.entries(FUNCTIONS[name].tables) as [TableKey, TableAccess][];
}

/**
 * Called at a handler's load (`requireFunctionTables('checkin')`): a function deployed
 * without one of the tables the manifest gives it fails at cold start, naming the env var.
 */
export function requireFunctionTables(name: FunctionName): void {
  for (const [table] of tablesOf(name)) tableName(table);
}

/** `requireFunctionTables('checkin')` without FUNCTIONS (0.7 kB gzip of descriptions and specs) in the check-in's bundle. */
export function requireCheckinTables(): void {
  for (const table of Object.keys(CHECKIN_TABLES) as TableKey[]) tableName(table);
}

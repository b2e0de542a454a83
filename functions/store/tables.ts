/**
 * Every DynamoDB table and key of Apel WFA, in one place. The CDK stack creates
 * tables from `TABLES`, the local runtime creates the same tables in DynamoDB Local,
 * and the stores build keys only through `keys` below, so the cloud, the local
 * engine and the code cannot drift apart. Access patterns are listed in README.md.
 */

export interface IndexDef {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDef {
  /** Logical id in CDK and suffix of the local table name. */
  readonly id: string;
  /** Environment variable a Lambda reads the physical table name from. */
  readonly envVar: string;
  readonly partitionKey: 'pk';
  readonly sortKey: 'sk';
  readonly indexes: readonly IndexDef[];
}

export const TABLES = {
  /** OPDs and ASN: changes only when HR imports or edits the roster. */
  roster: {
    id: 'Roster',
    envVar: 'TABLE_ROSTER',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [{ indexName: 'byOpd', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  },
  /** Personal links: one item per token hash, plus one pointer per ASN to its current link. */
  links: { id: 'Links', envVar: 'TABLE_LINKS', partitionKey: 'pk', sortKey: 'sk', indexes: [] },
  /** Holidays and cuti bersama by year, and the admin's settings of single dates (extra day, cancelled slot, times). */
  calendar: { id: 'Calendar', envVar: 'TABLE_CALENDAR', partitionKey: 'pk', sortKey: 'sk', indexes: [] },
  /** Apel sesi (one per date and slot) and the per-OPD recap written when a sesi closes. */
  sessions: { id: 'Sessions', envVar: 'TABLE_SESSIONS', partitionKey: 'pk', sortKey: 'sk', indexes: [] },
  /**
   * Check-ins: one item per ASN and sesi (its own partition, so the 07:30 spike spreads
   * evenly and uniqueness does not depend on the OPD), with an index per ASN (their
   * week) and one per sesi and OPD (recap, live roll).
   */
  checkins: {
    id: 'Checkins',
    envVar: 'TABLE_CHECKINS',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      { indexName: 'byAsn', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { indexName: 'byOpd', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  /**
   * What heads and admins record about ASN, by OPD: excuses (izin, sakit, cuti, dinas
   * luar, tugas belajar; with an index per ASN), readiness checks and their answers,
   * and each OPD's own settings (e.g. its apel meeting link).
   */
  records: {
    id: 'Records',
    envVar: 'TABLE_RECORDS',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [{ indexName: 'byAsn', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  },
  /**
   * The audit trail: append-only (functions may only PutItem here), one partition per
   * month, newest last, so the admin browses a month at a time.
   */
  audit: { id: 'Audit', envVar: 'TABLE_AUDIT', partitionKey: 'pk', sortKey: 'sk', indexes: [] },
  /**
   * The Survei Kepuasan Masyarakat: anonymous answers (one per device, OPD and day) and the
   * daily sums per OPD that the results read. Its own table, so the public survey function
   * may write here and nowhere else.
   */
  survey: { id: 'Survey', envVar: 'TABLE_SURVEY', partitionKey: 'pk', sortKey: 'sk', indexes: [] },
  /**
   * Reminders (core/reminder.ts): each ASN's push subscriptions (made with their current
   * link, dropped with it), and the markers that a reminder went out once per apel and
   * reason (and per head). Its own table, so the functions that subscribe and send may
   * write here and nowhere near the links.
   */
  reminders: { id: 'Reminders', envVar: 'TABLE_REMINDERS', partitionKey: 'pk', sortKey: 'sk', indexes: [] },
} as const satisfies Record<string, TableDef>;

export type TableKey = keyof typeof TABLES;

/** Physical table name, from the environment variable the stack or local runtime sets. */
export function tableName(table: TableKey): string {
  const def = TABLES[table];
  const name = process.env[def.envVar];
  if (!name) throw new Error(`Environment variable ${def.envVar} is not set`);
  return name;
}

export const keys = {
  opd: (kode: string) => ({ pk: 'OPD', sk: `OPD#${kode}` }),
  opdPartition: () => 'OPD',
  asn: (nip: string) => ({ pk: `ASN#${nip}`, sk: 'PROFILE' }),
  asnByOpd: (opd: string, nip: string) => ({ gsi1pk: `OPD#${opd}`, gsi1sk: `ASN#${nip}` }),
  asnByOpdPartition: (opd: string) => `OPD#${opd}`,

  link: (tokenHash: string) => ({ pk: `LINK#${tokenHash}`, sk: 'LINK' }),
  linkOfAsn: (nip: string) => ({ pk: `ASN#${nip}`, sk: 'LINK' }),

  /**
   * In the Records table, per OPD: a marker per ASN whose link is bound to a phone (the roll
   * counts them) and each request of a new phone waiting for the head's approval (the roll
   * lists them). The key itself lives on the link item, so a check-in reads it for free.
   */
  deviceBound: (opd: string, nip: string) => ({ pk: `PERANGKAT#${opd}`, sk: `TERIKAT#${nip}` }),
  deviceRequest: (opd: string, nip: string) => ({ pk: `PERANGKAT#${opd}`, sk: `MINTA#${nip}` }),
  devicePartition: (opd: string) => `PERANGKAT#${opd}`,

  holiday: (date: string) => ({ pk: `LIBUR#${date.slice(0, 4)}`, sk: date }),
  holidayYear: (year: string) => `LIBUR#${year}`,
  /** The admin's settings of one date: extra apel day, cancelled slots, changed times. */
  specialDay: (date: string) => ({ pk: `HARI#${date.slice(0, 4)}`, sk: date }),
  specialDayYear: (year: string) => `HARI#${year}`,

  sesi: (sesiId: string) => ({ pk: `SESI#${sesiId}`, sk: 'SESI' }),
  recap: (sesiId: string, opd: string) => ({ pk: `SESI#${sesiId}`, sk: `REKAP#${opd}` }),
  recapPrefix: () => 'REKAP#',
  sesiPartition: (sesiId: string) => `SESI#${sesiId}`,
  /**
   * The evaluation's aggregate of one OPD in one sesi (or office day, `<date>.kantor`), by month:
   * the regency's evaluation reads a month's partition, a head's OPD one range of it.
   */
  evaluation: (opd: string, sesiId: string) => ({ pk: `EVAL#${sesiId.slice(0, 7)}`, sk: `${opd}#${sesiId}` }),
  evaluationMonth: (month: string) => `EVAL#${month}`,

  checkin: (sesiId: string, nip: string) => ({ pk: `HADIR#${sesiId}#${nip}`, sk: 'HADIR' }),
  /**
   * Sorted by the time of the check-in, so a poll of the live roll asks only for those
   * recorded after a time (`gsi2sk > <time>`). Check-ins written before this order
   * (`ASN#<nip>`) sort after every time, so such a poll still counts them.
   */
  checkinByOpd: (sesiId: string, opd: string, nip: string, at: string) => ({ gsi2pk: `HADIR#${sesiId}#${opd}`, gsi2sk: `${at}#${nip}` }),
  checkinByOpdPartition: (sesiId: string, opd: string) => `HADIR#${sesiId}#${opd}`,
  checkinByAsn: (nip: string, sesiId: string) => ({ gsi1pk: `ASN#${nip}`, gsi1sk: sesiId }),
  checkinByAsnPartition: (nip: string) => `ASN#${nip}`,

  /** Sorted by the last day, so "excuses still running on date D" is `sk >= D`. */
  excuse: (opd: string, until: string, id: string) => ({ pk: `IZIN#${opd}`, sk: `${until}#${id}` }),
  excusePartition: (opd: string) => `IZIN#${opd}`,
  excuseByAsn: (nip: string, until: string, id: string) => ({ gsi1pk: `ASN#${nip}`, gsi1sk: `IZIN#${until}#${id}` }),
  /** An ASN's excuses whose last day is on or after `from` (sk = IZIN#<last day>#<id>). */
  excuseByAsnRange: (nip: string, from: string) => ({ partition: `ASN#${nip}`, from: `IZIN#${from}`, to: 'IZIN#~' }),

  /** A readiness check's id starts with its start time, so recent checks are `sk >= time`. */
  readinessCheck: (opd: string, cekId: string) => ({ pk: `CEK#${opd}`, sk: cekId }),
  readinessCheckPartition: (opd: string) => `CEK#${opd}`,
  /** The marker of the OPD's running check: its deadline, so "one at a time" is a condition. */
  readinessRunning: (opd: string) => ({ pk: `CEK#${opd}`, sk: 'BERJALAN' }),
  readinessAnswer: (cekId: string, nip: string) => ({ pk: `JAWAB#${cekId}`, sk: nip }),
  readinessAnswerPartition: (cekId: string) => `JAWAB#${cekId}`,

  opdSettings: (opd: string) => ({ pk: `SETELAN#${opd}`, sk: 'SETELAN' }),

  /** The roster import's saved mappings: a file kind's columns, and a unit value's OPD (all in one small partition). */
  importColumns: (jenis: string) => ({ pk: 'PEMETAAN', sk: `KOLOM#${jenis}` }),
  importUnit: (unit: string) => ({ pk: 'PEMETAAN', sk: `OPD#${unit}` }),
  importMappingPartition: () => 'PEMETAAN',

  /**
   * Versions of what the heads' live roll and the admin's overview show, besides the
   * check-ins (store/version-store.ts): a poll reads these few small items, not the lists.
   * In the Roster table: any change of the roster or an OPD.
   */
  rosterVersion: () => ({ pk: 'VERSI', sk: 'DAFTAR' }),
  /** In the Records table: what the OPD's heads record on a roll (excuses, uniform marks). */
  notesVersion: (opd: string) => ({ pk: `VERSI#${opd}`, sk: 'CATATAN' }),
  /** In the Sessions table: the sesi of a date (opened, closed, disrupted) and its calendar. */
  dayVersion: (date: string) => ({ pk: `VERSI#${date}`, sk: 'HARI' }),

  /**
   * Survey answers of an OPD by month (the comments of a month are one Query); the sort key
   * starts with the date and ends with the hash of the device id salted with OPD and date,
   * so "one answer per device, OPD and day" is `attribute_not_exists(pk)`.
   */
  surveyAnswer: (opd: string, date: string, deviceHash: string) => ({ pk: `SKM#${opd}#${date.slice(0, 7)}`, sk: `${date}#${deviceHash}` }),
  surveyAnswerMonth: (opd: string, month: string) => `SKM#${opd}#${month}`,
  /** The daily sums of an OPD's answers, all OPDs of a month in one partition: a quarter's results are three Queries. */
  surveyDay: (opd: string, date: string) => ({ pk: `SKMHARI#${date.slice(0, 7)}`, sk: `${date}#${opd}` }),
  surveyDayMonth: (month: string) => `SKMHARI#${month}`,

  /** In the Reminders table: an ASN's push subscriptions (at most 3), with the hash of the link they were made with. */
  pushSubscriptions: (nip: string) => ({ pk: `PUSH#${nip}`, sk: 'LANGGANAN' }),
  /** In the Reminders table: a reminder of a sesi went out (`buka`, `terlambat`, `PIMPINAN#<nip>`), written once, conditionally. */
  reminderSent: (sesiId: string, what: string) => ({ pk: `KIRIM#${sesiId}`, sk: what }),

  audit: (at: string, id: string) => ({ pk: `AUDIT#${at.slice(0, 7)}`, sk: `${at}#${id}` }),
  auditMonth: (month: string) => `AUDIT#${month}`,
} as const;

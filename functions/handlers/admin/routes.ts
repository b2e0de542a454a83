import { zoneLabel } from '../../core/config';
import { InvalidInput } from '../../core/errors';
import { localDate } from '../../core/time';
import { apiHandler } from '../../http/api-handler';
import { jsonWithEtag } from '../../http/etag';
import { pathParam, queryParam } from '../../http/params';
import { json } from '../../http/response';
import { listAudit } from '../../store/audit-store';
import { deleteHoliday, importHolidayCsv, putHoliday, setSpecialDay, yearCalendar } from '../../usecases/admin/calendar';
import { declareDisruption } from '../../usecases/admin/disruption';
import { issueLinksFor, revokeLinksFor } from '../../usecases/admin/links';
import { addOpd, opdOverview, renameOpd, setOpdWfa } from '../../usecases/admin/opds';
import { regencyOverview } from '../../usecases/admin/overview';
import { addAsn, asnDetail, patchAsn, searchAsn } from '../../usecases/admin/roster';
import { commitImport, previewImport } from '../../usecases/admin/roster-import';
import { config } from '../runtime-config';
import { adminRequest, siteOrigin } from './request';
import * as s from './schemas';

/** The admin console's routes: each parses, checks the admin role, calls a use case and answers. */

const today = (now: Date) => localDate(now, config.timeZone);

/** A roster CSV of 25,000 rows; Lambda's own limit on a request is 6 MB. */
const CSV_UPLOAD = { maxBodyBytes: 5 * 1024 * 1024 };

export const overview = apiHandler(undefined, async ({ event, now }) => {
  await adminRequest(event);
  const date = s.dateValue(queryParam(event, 'tanggal'), today(now), 'tanggal');
  const body = await regencyOverview(date, now, config);
  // `now` changes every poll; the ETag covers only what the page shows.
  return jsonWithEtag(event, { timeZone: config.timeZone, zoneLabel: zoneLabel(config.timeZone), ...body }, { now: now.toISOString() });
});

export const audit = apiHandler(undefined, async ({ event, now }) => {
  await adminRequest(event);
  const month = queryParam(event, 'bulan') ?? today(now).slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new InvalidInput('INPUT_TIDAK_VALID', 'bulan: harus YYYY-MM');
  const records = await listAudit({
    month,
    opd: queryParam(event, 'opd'),
    actorNip: queryParam(event, 'aktor'),
    action: queryParam(event, 'aksi'),
  });
  return json(200, { bulan: month, audit: records });
});

export const importPreview = apiHandler(
  s.csvBody,
  async ({ event, body, now }) => {
    await adminRequest(event);
    return json(200, await previewImport(body.csv, now));
  },
  CSV_UPLOAD,
);

export const importCommit = apiHandler(
  s.importBody,
  async ({ event, body, now }) => {
    const who = await adminRequest(event);
    return json(200, await commitImport(who, body.csv, body.nonaktifkan, now));
  },
  CSV_UPLOAD,
);

export const listAsn = apiHandler(undefined, async ({ event }) => {
  await adminRequest(event);
  const aktif = queryParam(event, 'aktif') ?? 'semua';
  if (aktif !== 'ya' && aktif !== 'tidak' && aktif !== 'semua') throw new InvalidInput('INPUT_TIDAK_VALID', 'aktif: harus ya, tidak atau semua');
  return json(200, { asn: await searchAsn({ opd: queryParam(event, 'opd'), q: queryParam(event, 'q'), aktif }) });
});

export const getAsn = apiHandler(undefined, async ({ event }) => {
  await adminRequest(event);
  return json(200, await asnDetail(pathParam(event, 'nip')));
});

export const addAsnRoute = apiHandler(s.asnBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  return json(201, { asn: await addAsn(who, body, now) });
});

export const patchAsnRoute = apiHandler(s.asnPatchBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  return json(200, { asn: await patchAsn(who, pathParam(event, 'nip'), body, now) });
});

export const listOpd = apiHandler(undefined, async ({ event, now }) => {
  await adminRequest(event);
  return json(200, { opd: await opdOverview(today(now)) });
});

export const addOpdRoute = apiHandler(s.opdBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  return json(201, { opd: await addOpd(who, body, today(now), now) });
});

export const renameOpdRoute = apiHandler(s.opdPatchBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  return json(200, { opd: await renameOpd(who, pathParam(event, 'kode'), body.nama, today(now), now) });
});

export const opdWfa = apiHandler(s.wfaBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  return json(200, { opd: await setOpdWfa(who, pathParam(event, 'kode'), body, today(now), now) });
});

export const calendar = apiHandler(undefined, async ({ event, now }) => {
  await adminRequest(event);
  const year = queryParam(event, 'tahun') ?? today(now).slice(0, 4);
  if (!/^20\d\d$/.test(year)) throw new InvalidInput('INPUT_TIDAK_VALID', 'tahun: harus tahun empat angka, mis. 2027');
  return json(200, await yearCalendar(Number(year), config));
});

export const putHolidayRoute = apiHandler(s.holidayBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  const date = s.dateValue(pathParam(event, 'tanggal'), '', 'tanggal');
  return json(200, { libur: await putHoliday(who, date, body, now) });
});

export const deleteHolidayRoute = apiHandler(undefined, async ({ event, now }) => {
  const who = await adminRequest(event);
  const date = s.dateValue(pathParam(event, 'tanggal'), '', 'tanggal');
  return json(200, { libur: await deleteHoliday(who, date, now) });
});

export const importHolidays = apiHandler(
  s.csvBody,
  async ({ event, body, now }) => {
    const who = await adminRequest(event);
    return json(200, await importHolidayCsv(who, body.csv, now));
  },
  CSV_UPLOAD,
);

const plansView = (r: Awaited<ReturnType<typeof setSpecialDay>>) => ({
  hariKhusus: r.hariKhusus,
  rencana: r.rencana.map((p) => ({
    id: p.id,
    slot: p.slot,
    opensAt: p.opensAt.toISOString(),
    onTimeUntil: p.onTimeUntil.toISOString(),
    closesAt: p.closesAt.toISOString(),
  })),
});

export const putSpecialDay = apiHandler(s.specialDayBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  const date = s.dateValue(pathParam(event, 'tanggal'), '', 'tanggal');
  return json(200, plansView(await setSpecialDay(who, date, body, config, now)));
});

export const deleteSpecialDay = apiHandler(undefined, async ({ event, now }) => {
  const who = await adminRequest(event);
  const date = s.dateValue(pathParam(event, 'tanggal'), '', 'tanggal');
  return json(200, plansView(await setSpecialDay(who, date, {}, config, now)));
});

export const disruption = apiHandler(s.disruptionBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  return json(200, { sesi: await declareDisruption(who, s.sesiIdValue(pathParam(event, 'sesiId')), body, now) });
});

export const links = apiHandler(s.linksBody, async ({ event, body, now }) => {
  const who = await adminRequest(event);
  if (body.aksi === 'cabut') return json(200, await revokeLinksFor(who, body.cakupan, now));
  return json(200, await issueLinksFor(who, body.cakupan, siteOrigin(event), config.regency, today(now), now));
});

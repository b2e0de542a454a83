import { zoneLabel } from '../../core/config';
import { InvalidInput } from '../../core/errors';
import { isIsoDate, localDate } from '../../core/time';
import { apiFunction } from '../../http/api-handler';
import { etagHeaders, ifNoneMatch, notModified } from '../../http/etag';
import { serverNow } from '../../runtime/clock';
import { pathParam, queryParam } from '../../http/params';
import { csvFile } from '../../http/response';
import { callerOf } from '../../usecases/caller';
import { auditOfMonth } from '../../usecases/admin/audit';
import { deleteHoliday, importHolidayCsv, putHoliday, setSpecialDay, yearCalendar } from '../../usecases/admin/calendar';
import { declareDisruption } from '../../usecases/admin/disruption';
import { issueLinksFor, revokeLinksFor } from '../../usecases/admin/links';
import { addOpd, opdOverview, renameOpd, setOpdWfa } from '../../usecases/admin/opds';
import { overviewCaller, pollOverview } from '../../usecases/admin/overview';
import { addAsn, asnDetail, patchAsn, searchAsn } from '../../usecases/admin/roster';
import { commitImport, previewImport } from '../../usecases/admin/roster-import';
import { importOffice, previewOffice } from '../../usecases/admin/office-attendance';
import { tppCsv, tppOfRegency, tppSummaryCsv } from '../../usecases/tpp/month';
import { config } from '../runtime-config';
import * as s from './schemas';
import { siteUrl } from './site-url';

/**
 * The admin console's routes. The API wrapper has already refused anyone but an admin
 * (route table: access `admin`); each route reads its path and query, calls a use case
 * and answers.
 */

const route = apiFunction('admin', { caller: callerOf });
// The overview's polls read the link and the overview's versions in one round trip (usecases/admin/overview.ts);
// a malformed date reads the link alone and is refused after the role check.
const overviewRoute = apiFunction('admin', {
  caller: (tokenHash, event) => {
    const asked = queryParam(event, 'tanggal');
    return overviewCaller(tokenHash, asked === undefined ? localDate(serverNow(), config.timeZone) : isIsoDate(asked) ? asked : undefined);
  },
});
// At cold start: on Lambda without the site's address, fail now rather than at the first link.
siteUrl();
const today = (now: Date) => localDate(now, config.timeZone);

/** A roster CSV of 25,000 rows; Lambda's own limit on a request is 6 MB. */
const CSV_UPLOAD = 5 * 1024 * 1024;

const tanggal = (event: Parameters<typeof pathParam>[0]) => s.dateValue(pathParam(event, 'tanggal'), '', 'tanggal');

export const routes = [
  overviewRoute('GET /api/admin/ringkasan', {}, async ({ event, who, now, reply }) => {
    const date = s.dateValue(queryParam(event, 'tanggal'), today(now), 'tanggal');
    const answer = await pollOverview(who, date, ifNoneMatch(event), now, config);
    if (answer.notModified) return notModified(answer.etag);
    return reply(200, { now: now.toISOString(), timeZone: config.timeZone, zoneLabel: zoneLabel(config.timeZone), ...answer.overview }, etagHeaders(answer.etag));
  }),

  route('GET /api/admin/audit', {}, async ({ event, now, reply }) => {
    const month = s.monthValue(queryParam(event, 'bulan'), today(now).slice(0, 7));
    return reply(200, await auditOfMonth({ month, timeZone: config.timeZone, opd: queryParam(event, 'opd'), actorNip: queryParam(event, 'aktor'), action: queryParam(event, 'aksi') }));
  }),

  route('POST /api/admin/roster/pratinjau', { body: s.rosterBody, maxBodyBytes: CSV_UPLOAD }, async ({ body, now, reply }) =>
    reply(200, await previewImport(body.csv, now, body.pemetaan)),
  ),

  route('POST /api/admin/roster/impor', { body: s.importBody, maxBodyBytes: CSV_UPLOAD }, async ({ who, body, now, reply }) =>
    reply(200, await commitImport(who, body.csv, body.nonaktifkan, now, body.pemetaan)),
  ),

  route('POST /api/admin/epresensi/pratinjau', { body: s.officeBody, maxBodyBytes: CSV_UPLOAD }, async ({ body, reply }) => reply(200, await previewOffice(body))),

  route('POST /api/admin/epresensi/impor', { body: s.officeBody, maxBodyBytes: CSV_UPLOAD }, async ({ who, body, now, reply }) =>
    reply(200, await importOffice(who, body, now)),
  ),

  route('GET /api/admin/asn', {}, async ({ event, reply }) =>
    reply(200, { asn: await searchAsn({ opd: queryParam(event, 'opd'), q: queryParam(event, 'q'), aktif: s.activeFilter(queryParam(event, 'aktif')) }) }),
  ),

  route('POST /api/admin/asn', { body: s.asnBody }, async ({ who, body, now, reply }) => reply(201, { asn: await addAsn(who, body, now) })),

  route('GET /api/admin/asn/{nip}', {}, async ({ event, reply }) => reply(200, await asnDetail(pathParam(event, 'nip')))),

  route('PATCH /api/admin/asn/{nip}', { body: s.asnPatchBody }, async ({ event, who, body, now, reply }) =>
    reply(200, { asn: await patchAsn(who, pathParam(event, 'nip'), body, now) }),
  ),

  route('GET /api/admin/opd', {}, async ({ now, reply }) => reply(200, { opd: await opdOverview(today(now)) })),

  route('POST /api/admin/opd', { body: s.opdBody }, async ({ who, body, now, reply }) => reply(201, { opd: await addOpd(who, body, today(now), now) })),

  route('PATCH /api/admin/opd/{kode}', { body: s.opdPatchBody }, async ({ event, who, body, now, reply }) =>
    reply(200, { opd: await renameOpd(who, pathParam(event, 'kode'), body.nama, today(now), now) }),
  ),

  route('PUT /api/admin/opd/{kode}/wfa', { body: s.wfaBody }, async ({ event, who, body, now, reply }) =>
    reply(200, { opd: await setOpdWfa(who, pathParam(event, 'kode'), body, today(now), now) }),
  ),

  route('GET /api/admin/kalender', {}, async ({ event, now, reply }) =>
    reply(200, await yearCalendar(s.yearValue(queryParam(event, 'tahun'), today(now).slice(0, 4)), config)),
  ),

  route('PUT /api/admin/kalender/libur/{tanggal}', { body: s.holidayBody }, async ({ event, who, body, now, reply }) =>
    reply(200, { libur: await putHoliday(who, tanggal(event), body, now) }),
  ),

  route('DELETE /api/admin/kalender/libur/{tanggal}', {}, async ({ event, who, now, reply }) =>
    reply(200, { libur: await deleteHoliday(who, tanggal(event), now) }),
  ),

  route('POST /api/admin/kalender/libur/impor', { body: s.csvBody, maxBodyBytes: CSV_UPLOAD }, async ({ who, body, now, reply }) =>
    reply(200, await importHolidayCsv(who, body.csv, now)),
  ),

  route('PUT /api/admin/kalender/hari/{tanggal}', { body: s.specialDayBody }, async ({ event, who, body, now, reply }) =>
    reply(200, await setSpecialDay(who, tanggal(event), body, config, now)),
  ),

  route('DELETE /api/admin/kalender/hari/{tanggal}', {}, async ({ event, who, now, reply }) =>
    reply(200, await setSpecialDay(who, tanggal(event), {}, config, now)),
  ),

  route('POST /api/admin/sesi/{sesiId}/gangguan', { body: s.disruptionBody }, async ({ event, who, body, now, reply }) =>
    reply(200, { sesi: await declareDisruption(who, s.sesiIdValue(pathParam(event, 'sesiId')), body, now) }),
  ),

  route('POST /api/admin/tautan', { body: s.linksBody }, async ({ who, body, now, reply }) =>
    reply(
      200,
      body.aksi === 'cabut'
        ? await revokeLinksFor(who, body.cakupan, now)
        : await issueLinksFor(who, body.cakupan, siteUrl(), config.regency, today(now), now),
    ),
  ),

  route('GET /api/admin/tpp', {}, async ({ event, now, reply }) => {
    const { asn: _rows, ...month } = await tppOfRegency(queryParam(event, 'bulan'), now, config);
    return reply(200, month);
  }),

  route('GET /api/admin/tpp.csv', {}, async ({ event, now }) => {
    const isi = queryParam(event, 'isi') ?? 'asn';
    if (isi !== 'asn' && isi !== 'opd') throw new InvalidInput('INPUT_TIDAK_VALID', 'isi: harus "asn" atau "opd".');
    const month = await tppOfRegency(queryParam(event, 'bulan'), now, config);
    if (isi === 'opd') return csvFile(`rekap-tpp-opd-${month.bulan}.csv`, tppSummaryCsv(month.opd, month.total, month.bulan));
    return csvFile(`rekap-tpp-${month.bulan}.csv`, tppCsv(month.asn, new Map(month.opd.map((o) => [o.kode, o.nama])), month.bulan));
  }),
];

import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { zoneLabel } from '../../core/config';
import { addDays, localDate } from '../../core/time';
import { apiFunction } from '../../http/api-handler';
import { etagHeaders, ifNoneMatch, notModified } from '../../http/etag';
import { serverNow } from '../../runtime/clock';
import { pathParam, queryParam } from '../../http/params';
import { csvFile } from '../../http/response';
import { callerOf } from '../../usecases/caller';
import { evaluationCsv, evaluationOf } from '../../usecases/evaluation/evaluation';
import { assessOutput } from '../../usecases/opd/assessment';
import { markUniform } from '../../usecases/opd/compliance';
import { addExcuse, listExcuses, retractExcuse } from '../../usecases/opd/excuses';
import { recapsCsv, opdRecaps } from '../../usecases/opd/recaps';
import { surveyReport } from '../../usecases/survey/results';
import { tppCsv, tppOfOpd } from '../../usecases/tpp/month';
import { meetingLinksOfOpd, setMeetingLinks } from '../../usecases/opd/meeting-links';
import { checksOfOpd, startCheck, whyNoCheckNow } from '../../usecases/opd/readiness';
import { pollRoll, rollCaller, rollScope } from '../../usecases/opd/roll';
import { manageableOpds, opdInScope } from '../../usecases/opd/scope';
import { config } from '../runtime-config';
import { assessmentBody, complianceBody, dateParam, excuseBody, meetingLinksBody, readinessBody } from './schemas';

/**
 * The heads' routes. The API wrapper has already checked the role and the OPD of the
 * path (route table: access `opd`) and loaded that OPD; each route calls a use case.
 */

const route = apiFunction('opd', { caller: callerOf, scope: opdInScope });
// The live roll's polls read the link, the OPD and the roll's versions in one round trip (usecases/opd/roll.ts).
const rollRoute = apiFunction('opd', {
  caller: (tokenHash, event) => rollCaller(tokenHash, event.pathParameters?.opd, queryParam(event, 'sesi'), ifNoneMatch(event), serverNow(), config),
  scope: rollScope,
});
const today = (now: Date) => localDate(now, config.timeZone);

function evaluationQuery(event: APIGatewayProxyEventV2) {
  const q = { periode: queryParam(event, 'periode'), dari: queryParam(event, 'dari'), sampai: queryParam(event, 'sampai'), opd: queryParam(event, 'opd') };
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as { periode?: string; dari?: string; sampai?: string; opd?: string };
}

function recapRange(event: APIGatewayProxyEventV2, now: Date) {
  const sampai = dateParam(queryParam(event, 'sampai'), today(now), 'sampai');
  const dari = dateParam(queryParam(event, 'dari'), addDays(sampai, -29), 'dari');
  return { dari, sampai };
}

export const routes = [
  route('GET /api/opd', {}, async ({ who, now, reply }) => reply(200, { opd: await manageableOpds(who, today(now)) })),

  rollRoute('GET /api/opd/{opd}/apel', {}, async ({ event, who, scope, now, reply }) => {
    const answer = await pollRoll(who, scope, queryParam(event, 'sesi'), ifNoneMatch(event), now, config);
    if (answer.notModified) return notModified(answer.etag);
    return reply(200, { now: now.toISOString(), timeZone: config.timeZone, zoneLabel: zoneLabel(config.timeZone), ...answer.roll }, etagHeaders(answer.etag));
  }),

  route('GET /api/opd/{opd}/izin', {}, async ({ event, scope, now, reply }) => {
    const dari = dateParam(queryParam(event, 'dari'), addDays(today(now), -30), 'dari');
    const sampai = dateParam(queryParam(event, 'sampai'), addDays(today(now), 60), 'sampai');
    return reply(200, { izin: await listExcuses(scope, dari, sampai) });
  }),

  route('POST /api/opd/{opd}/izin', { body: excuseBody }, async ({ who, scope, body, now, reply }) =>
    reply(201, { izin: await addExcuse(who, scope, body, now) }),
  ),

  route('DELETE /api/opd/{opd}/izin/{izinId}', {}, async ({ event, who, scope, now, reply }) =>
    reply(200, { izin: await retractExcuse(who, scope, pathParam(event, 'izinId'), now) }),
  ),

  route('PUT /api/opd/{opd}/seragam/{sesiId}/{nip}', { body: complianceBody }, async ({ event, who, scope, body, now, reply }) => {
    const mark = await markUniform(who, scope, pathParam(event, 'sesiId'), pathParam(event, 'nip'), body.patuh, body.catatan, now);
    return reply(200, { tidakPatuh: mark });
  }),

  route('GET /api/opd/{opd}/kesiapan', {}, async ({ scope, now, reply }) => {
    const [cek, tidakBisaMulai] = await Promise.all([checksOfOpd(scope, now, config.timeZone), whyNoCheckNow(now, config)]);
    return reply(200, { now: now.toISOString(), cek, tidakBisaMulai });
  }),

  route('POST /api/opd/{opd}/kesiapan', { body: readinessBody }, async ({ who, scope, body, now, reply }) =>
    reply(201, { cek: await startCheck(who, scope, body.menit, body.pesan, now, config) }),
  ),

  route('GET /api/opd/{opd}/tautan-apel', {}, async ({ scope, reply }) => reply(200, await meetingLinksOfOpd(scope, config))),

  route('PUT /api/opd/{opd}/tautan-apel', { body: meetingLinksBody }, async ({ who, scope, body, now, reply }) =>
    reply(200, { tautanApel: await setMeetingLinks(who, scope, body, now) }),
  ),

  route('GET /api/opd/{opd}/rekap', {}, async ({ event, scope, now, reply }) => {
    const { dari, sampai } = recapRange(event, now);
    return reply(200, await opdRecaps(scope, dari, sampai));
  }),

  route('PUT /api/opd/{opd}/penilaian/{sesiId}/{nip}', { body: assessmentBody }, async ({ event, who, scope, body, now, reply }) => {
    const penilaian = await assessOutput(who, scope, pathParam(event, 'sesiId'), pathParam(event, 'nip'), body.nilai, now, today(now));
    return reply(200, { penilaian });
  }),

  route('GET /api/opd/evaluasi', {}, async ({ event, who, now, reply }) => reply(200, await evaluationOf(who, evaluationQuery(event), now, today(now), config))),

  route('GET /api/opd/evaluasi.csv', {}, async ({ event, who, now }) => {
    const v = await evaluationOf(who, evaluationQuery(event), now, today(now), config);
    return csvFile(`evaluasi-wfa-${v.cakupan === 'opd' ? `${v.opd[0]?.opd ?? 'opd'}-` : ''}${v.periode.dari}-${v.periode.sampai}.csv`, evaluationCsv(v));
  }),

  route('GET /api/opd/{opd}/rekap.csv', {}, async ({ event, scope, now }) => {
    const { dari, sampai } = recapRange(event, now);
    return csvFile(`rekap-apel-${scope.kode}-${dari}-${sampai}.csv`, recapsCsv(await opdRecaps(scope, dari, sampai)));
  }),

  route('GET /api/opd/{opd}/tpp', {}, async ({ event, scope, now, reply }) => reply(200, await tppOfOpd(scope, queryParam(event, 'bulan'), now, config))),

  route('GET /api/opd/{opd}/tpp.csv', {}, async ({ event, scope, now }) => {
    const month = await tppOfOpd(scope, queryParam(event, 'bulan'), now, config);
    return csvFile(`rekap-tpp-${scope.kode}-${month.bulan}.csv`, tppCsv(month.asn, new Map([[scope.kode, scope.nama]]), month.bulan));
  }),

  route('GET /api/opd/{opd}/survei', {}, async ({ event, scope, now, reply }) => {
    const sampai = dateParam(queryParam(event, 'sampai'), today(now), 'sampai');
    const dari = dateParam(queryParam(event, 'dari'), addDays(sampai, -89), 'dari');
    return reply(200, await surveyReport(scope, dari, sampai, config));
  }),
];

import type { BodyOf, DisruptionInput, Holiday, ResponseOf, SpecialDayInput } from '../../../../../contract';
import { query } from '../../../lib/query';
import { change, enc, get } from './client';

export const getCalendar = (token: string, tahun: number) =>
  get<ResponseOf<'GET /api/admin/kalender'>>(token, `/kalender${query({ tahun: String(tahun) })}`);

export const putHoliday = (token: string, libur: Holiday) => {
  const body: BodyOf<'PUT /api/admin/kalender/libur/{tanggal}'> = { jenis: libur.jenis, keterangan: libur.keterangan };
  return change<ResponseOf<'PUT /api/admin/kalender/libur/{tanggal}'>>(token, 'PUT', `/kalender/libur/${enc(libur.date)}`, body);
};

export const deleteHoliday = (token: string, tanggal: string) =>
  change<ResponseOf<'DELETE /api/admin/kalender/libur/{tanggal}'>>(token, 'DELETE', `/kalender/libur/${enc(tanggal)}`);

export const importHolidays = (token: string, csv: string) =>
  change<ResponseOf<'POST /api/admin/kalender/libur/impor'>>(token, 'POST', '/kalender/libur/impor', { csv });

export const putSpecialDay = (token: string, tanggal: string, day: SpecialDayInput) =>
  change<ResponseOf<'PUT /api/admin/kalender/hari/{tanggal}'>>(token, 'PUT', `/kalender/hari/${enc(tanggal)}`, day);

export const deleteSpecialDay = (token: string, tanggal: string) =>
  change<ResponseOf<'DELETE /api/admin/kalender/hari/{tanggal}'>>(token, 'DELETE', `/kalender/hari/${enc(tanggal)}`);

export const declareDisruption = (token: string, sesiId: string, d: DisruptionInput) =>
  change<ResponseOf<'POST /api/admin/sesi/{sesiId}/gangguan'>>(token, 'POST', `/sesi/${enc(sesiId)}/gangguan`, d);

import type { Gangguan, HariKhusus, Kalender, Libur, LiburImported, RencanaSesi, Slot, SlotTimes } from './types';
import { change, enc, get, query } from './client';

export const getKalender = (token: string, tahun: number) => get<Kalender>(token, `/kalender${query({ tahun: String(tahun) })}`);

export const putLibur = (token: string, libur: Libur) =>
  change<{ libur: Libur }>(token, 'PUT', `/kalender/libur/${enc(libur.date)}`, { jenis: libur.jenis, keterangan: libur.keterangan });

export const deleteLibur = (token: string, tanggal: string) => change<{ libur: Libur }>(token, 'DELETE', `/kalender/libur/${enc(tanggal)}`);

export const importLibur = (token: string, csv: string) => change<LiburImported>(token, 'POST', '/kalender/libur/impor', { csv });

export interface HariInput {
  tambahan?: { keterangan: string } | null;
  batal?: Partial<Record<Slot, string>>;
  waktu?: Partial<Record<Slot, SlotTimes>>;
}

export interface HariSaved {
  hariKhusus: HariKhusus | null;
  rencana: RencanaSesi[];
}

export const putHari = (token: string, tanggal: string, hari: HariInput) =>
  change<HariSaved>(token, 'PUT', `/kalender/hari/${enc(tanggal)}`, hari);

export const deleteHari = (token: string, tanggal: string) => change<HariSaved>(token, 'DELETE', `/kalender/hari/${enc(tanggal)}`);

export type GangguanInput = { mode: 'perpanjang'; menit: number; keterangan: string } | { mode: 'bebaskan'; keterangan: string };

export const declareGangguan = (token: string, sesiId: string, g: GangguanInput) =>
  change<{ sesi: { id: string; state: string; opensAt: string; onTimeUntil: string; closesAt: string; gangguan: Gangguan } }>(
    token,
    'POST',
    `/sesi/${enc(sesiId)}/gangguan`,
    g,
  );

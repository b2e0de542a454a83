import type { SesiView } from '../../../../contract';

/** The apel to show now: the open one first, else the next one that has not opened yet. */
export function currentSesi(today: readonly SesiView[]): SesiView | undefined {
  return today.find((s) => s.state === 'dibuka') ?? today.find((s) => s.state === 'terjadwal');
}

export type Badge = { text: string; tone: 'hadir' | 'terlambat' | 'absen' | 'belum' | 'jadwal' };

/** The status badge of a sesi in the week list. */
export function badgeOf(sesi: Pick<SesiView, 'state' | 'status'>): Badge {
  switch (sesi.status) {
    case 'hadir':
      return { text: 'Hadir', tone: 'hadir' };
    case 'terlambat':
      return { text: 'Terlambat', tone: 'terlambat' };
    case 'tidak_hadir':
      return { text: 'Tidak hadir', tone: 'absen' };
    default:
      return sesi.state === 'terjadwal' ? { text: 'Terjadwal', tone: 'jadwal' } : { text: 'Belum', tone: 'belum' };
  }
}

/** Sesi grouped by date, in the order given. */
export function byDate<T extends { date: string }>(sesi: readonly T[]): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const s of sesi) {
    const day = days.get(s.date);
    if (day) day.push(s);
    else days.set(s.date, [s]);
  }
  return [...days];
}

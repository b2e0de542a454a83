import { isIsoDate } from './time';

/**
 * NIP: 18 digits = birth date YYYYMMDD + appointment (TMT) YYYYMM + gender 1/2 +
 * sequence NNN. Returns the reason in Indonesian when the number cannot be a real NIP,
 * or undefined when it is plausible.
 */
export function nipProblem(nip: string, today: Date = new Date()): string | undefined {
  if (!/^\d{18}$/.test(nip)) {
    if (/^\d+([.,]\d+)?E\+?\d+$/i.test(nip)) return 'NIP rusak oleh lembar kerja (format ilmiah, mis. 1.98503E+17)';
    return `NIP harus 18 angka (tertulis ${nip.length} karakter)`;
  }
  const birthYear = Number(nip.slice(0, 4));
  const birth = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isIsoDate(birth)) return `tanggal lahir ${birth} pada NIP tidak ada di kalender`;
  const thisYear = today.getUTCFullYear();
  if (birthYear < 1940 || birthYear > thisYear - 17) return `tahun lahir ${birthYear} pada NIP tidak masuk akal`;

  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12) return `bulan pengangkatan ${nip.slice(12, 14)} pada NIP tidak ada`;
  if (tmtYear < birthYear + 17) return `tahun pengangkatan ${tmtYear} terlalu dekat dengan tahun lahir ${birthYear}`;
  if (tmtYear > thisYear + 1) return `tahun pengangkatan ${tmtYear} masih di masa depan`;

  const gender = nip.charAt(14);
  if (gender !== '1' && gender !== '2') return `digit jenis kelamin harus 1 atau 2 (tertulis ${gender})`;
  if (nip.slice(15) === '000') return 'nomor urut pada NIP tidak boleh 000';
  return undefined;
}

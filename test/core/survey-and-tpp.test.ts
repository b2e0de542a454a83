import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import type { SurveyElementId } from '../../functions/core/survey';
import { gradeOf, ikmOf, isAnswer, MIN_RESPONSES, SURVEY_ELEMENT_IDS, surveyStats, tallyOf } from '../../functions/core/survey';
import { monthRange, tlBand, tppRow } from '../../functions/core/tpp';

const all = (v: number) => Object.fromEntries(SURVEY_ELEMENT_IDS.map((id) => [id, v])) as Record<SurveyElementId, number>;
const rules = parseConfig({ regency: 'Kabupaten Uji' }).tpp;

describe('IKM (PermenPAN-RB 14/2017)', () => {
  it('is the weighted mean of the nine NRR (weight 1/9 each) times 25', () => {
    // Prepare: two responses; persyaratan 4 and 2 (NRR 3), every other element 3 and 3.
    const t = tallyOf([{ ...all(3), persyaratan: 4 }, { ...all(3), persyaratan: 2 }]);
    // Act / Assert
    expect(ikmOf(t)).toBe(75);
    expect(surveyStats(t).unsur.find((u) => u.id === 'persyaratan')?.nrr).toBe(3);
    // One element at 4, eight at 3: (4 + 8×3)/9 × 25 = 77.777… → 77.78
    expect(ikmOf(tallyOf([{ ...all(3), sarana: 4 }]))).toBe(77.78);
  });

  it('ranges from 25 (all answers 1) to 100 (all answers 4)', () => {
    expect(ikmOf(tallyOf([all(1)]))).toBe(25);
    expect(ikmOf(tallyOf([all(4)]))).toBe(100);
    expect(ikmOf(tallyOf([]))).toBeNull();
  });

  it('grades at the edges of the conversion intervals: D < 65.00 ≤ C ≤ 76.60 < B ≤ 88.30 < A', () => {
    expect(gradeOf(25)).toBe('D');
    expect(gradeOf(64.99)).toBe('D');
    expect(gradeOf(65)).toBe('C');
    expect(gradeOf(76.6)).toBe('C');
    expect(gradeOf(76.61)).toBe('B');
    expect(gradeOf(88.3)).toBe('B');
    expect(gradeOf(88.31)).toBe('A');
    expect(gradeOf(100)).toBe('A');
    // Graded on the IKM rounded to two decimals, as the regulation reports it.
    expect(gradeOf(64.994)).toBe('D');
    expect(gradeOf(64.995)).toBe('C');
    expect(gradeOf(88.305)).toBe('A');
  });

  it('grades a weighted mean of the NRR at the edges of the regulation\'s nilai interval (NI), which × 25 are the NIK', () => {
    // Prepare: 2,500 responses whose answers add up to a chosen mean over the nine elements.
    const withMean = (mean: number) => {
      const n = 2500;
      const total = Math.round(mean * 9 * n);
      const t = tallyOf([]);
      t.n = n;
      const each = Math.floor(total / 9);
      SURVEY_ELEMENT_IDS.forEach((id, i) => (t.sums[id] = i === 0 ? total - each * 8 : each));
      return t;
    };
    const graded = (mean: number) => {
      const t = withMean(mean);
      return [ikmOf(t), surveyStats(t).mutu];
    };
    // Act / Assert: D 1,00–2,5996 · C 2,60–3,064 · B 3,0644–3,532 · A 3,5324–4,00
    expect(graded(1)).toEqual([25, 'D']);
    expect(graded(2.5996)).toEqual([64.99, 'D']);
    expect(graded(2.6)).toEqual([65, 'C']);
    expect(graded(3.064)).toEqual([76.6, 'C']);
    expect(graded(3.0644)).toEqual([76.61, 'B']);
    expect(graded(3.532)).toEqual([88.3, 'B']);
    expect(graded(3.5324)).toEqual([88.31, 'A']);
    expect(graded(4)).toEqual([100, 'A']);
  });

  it('says when there are too few responses to conclude', () => {
    const few = surveyStats(tallyOf(Array.from({ length: MIN_RESPONSES - 1 }, () => all(4))));
    const enough = surveyStats(tallyOf(Array.from({ length: MIN_RESPONSES }, () => all(4))));
    expect(few).toMatchObject({ jawaban: 29, ikm: 100, mutu: 'A', cukup: false });
    expect(enough).toMatchObject({ jawaban: 30, cukup: true });
    expect(surveyStats(tallyOf([]))).toMatchObject({ jawaban: 0, ikm: null, mutu: null, cukup: false });
  });

  it('accepts only the integers 1–4 as answers', () => {
    expect([1, 2, 3, 4].every(isAnswer)).toBe(true);
    expect([0, 5, 2.5, '3', null, -1].some(isAnswer)).toBe(false);
  });
});

describe('TPP month (defaults of Permentan 68/2012)', () => {
  it('puts minutes late in the bands TL1 1–30, TL2 31–60, TL3 61–90, TL4 91+', () => {
    expect([1, 30, 31, 60, 61, 90, 91, 240].map((m) => tlBand(m, rules))).toEqual(['TL1', 'TL1', 'TL2', 'TL2', 'TL3', 'TL3', 'TL4', 'TL4']);
  });

  it('deducts 2 % per TK apel and 0.5/1/1.5/2 % per TL band; excused codes deduct nothing', () => {
    const row = tppRow(['H', 'TL', 'TL', 'TL', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'], [5, 45, 75, 120], rules);
    expect(row.tl).toEqual({ TL1: 1, TL2: 1, TL3: 1, TL4: 1 });
    expect(row.jumlah).toMatchObject({ H: 1, TL: 4, TK: 1, I: 1, S: 1, C: 1, DL: 1, TB: 1, DB: 1 });
    expect(row.menitTerlambat).toBe(245);
    expect(row.potongan).toBe(2 + 0.5 + 1 + 1.5 + 2);
  });

  it('caps the month at the configured limit', () => {
    const capped = tppRow(Array(60).fill('TK'), [], { ...rules, batasBulananPersen: 100 });
    expect(capped).toMatchObject({ potonganKotor: 120, potongan: 100 });
    const lowCap = tppRow(Array(3).fill('TK'), [], { ...rules, batasBulananPersen: 5 });
    expect(lowCap).toMatchObject({ potonganKotor: 6, potongan: 5 });
  });

  it('follows a regency rule other than the default', () => {
    const perbup = { ...rules, persenTk: 1.5, tlBatasMenit: [15, 30, 60] as [number, number, number], persenTl: [0.25, 0.5, 1, 1.25] as [number, number, number, number] };
    const row = tppRow(['TL', 'TL', 'TK'], [16, 61], perbup);
    expect(row.tl).toMatchObject({ TL2: 1, TL4: 1 });
    expect(row.potongan).toBe(1.5 + 0.5 + 1.25);
  });

  it('knows the dates of a month, February of a leap year included', () => {
    expect(monthRange('2026-11')).toEqual({ dari: '2026-11-01', sampai: '2026-11-30' });
    expect(monthRange('2028-02')).toEqual({ dari: '2028-02-01', sampai: '2028-02-29' });
  });
});

describe('the CSV writer for the TPP month', () => {
  it('writes fractions with the id-ID decimal comma and whole numbers as they are', async () => {
    const { csvLines } = await import('../../functions/core/csv-writer');
    expect(csvLines([[0.5, 1.25, 2, 0]])).toBe('"0,5";"1,25";"2";"0"\r\n');
  });
});

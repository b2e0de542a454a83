import type { SurveyStats } from '../../../../contract';
import type { Evaluation } from './api';
import { angka } from '../../lib/number';
import { count } from './format';

const ikm = (s: SurveyStats) => (s.ikm === null ? '—' : `${angka(s.ikm, 2, true)} (${s.mutu})`);

/** One figure with its number of answers, and "too few" when below the minimum. */
function Stat({ s, min }: { s: SurveyStats; min: number }) {
  return (
    <>
      <td>{s.jawaban === 0 ? '—' : ikm(s)}</td>
      <td class={s.cukup ? '' : 'muted'}>
        {count(s.jawaban)}
        {!s.cukup && s.jawaban > 0 && <span class="eval-few"> terlalu sedikit</span>}
        {!s.cukup && s.jawaban === 0 && min > 0 && <span class="eval-few"> belum ada</span>}
      </td>
    </>
  );
}

/**
 * Kualitas pelayanan publik: the Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017: nine
 * elements answered 1–4, IKM = weighted mean × 25, grades A–D) per OPD, on WFA days beside
 * office days, WFA-eligible beside exempt OPDs, with the number of answers.
 */
export function SurveySection({ survei, regency }: { survei: Evaluation['survei']; regency: boolean }) {
  return (
    <section class="card" aria-labelledby="eval-ikm" data-testid="eval-survei">
      <h2 id="eval-ikm">Kualitas pelayanan publik</h2>
      {survei === null ? (
        <p class="eval-pending">Hasil Survei Kepuasan Masyarakat belum dapat dibaca. Tidak ada angka yang ditampilkan.</p>
      ) : (
        <>
          <p>
            Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): sembilan unsur, masing-masing dinilai 1–4; IKM = rata-rata tertimbang × 25, mutu A–D.
            Warga mengisi dari poster QR tiap OPD. Di bawah {survei.minimumJawaban} jawaban, angka terlalu sedikit untuk disimpulkan.
          </p>
          {survei.contoh && <p class="eval-demo">DATA CONTOH: jawaban survei dibuat oleh <code>npm start</code> untuk dicoba, bukan oleh warga.</p>}
          <div class="table-scroll">
            <table class="eval-table" data-testid="eval-survei-table">
              <thead>
                <tr>
                  <th scope="col">{regency ? 'OPD' : 'Kelompok'}</th>
                  <th scope="col">Status</th>
                  <th scope="col">IKM hari WFA</th>
                  <th scope="col">jawaban</th>
                  <th scope="col">IKM hari kantor</th>
                  <th scope="col">jawaban</th>
                </tr>
              </thead>
              <tbody>
                {survei.opd.map((o) => (
                  <tr key={o.kode}>
                    <th scope="row">{o.nama}</th>
                    <td>{o.wfa ? 'WFA' : 'Dikecualikan'}</td>
                    <Stat s={o.hariWfa} min={survei.minimumJawaban} />
                    <Stat s={o.hariKantor} min={survei.minimumJawaban} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {regency && (
            <p class="eval-small">
              Semua OPD WFA: IKM {ikm(survei.kelompok.wfa)} dari {count(survei.kelompok.wfa.jawaban)} jawaban · OPD dikecualikan (pembanding): IKM{' '}
              {ikm(survei.kelompok.dikecualikan)} dari {count(survei.kelompok.dikecualikan.jawaban)} jawaban. Perbandingan, bukan bukti sebab-akibat.
            </p>
          )}
        </>
      )}
    </section>
  );
}

import type { Evaluation } from './api';

/**
 * Kualitas pelayanan publik: the Survei Kepuasan Masyarakat (IKM, PermenPAN-RB 14/2017) per
 * OPD, from the survey part of the product. Until it reports, this section says so and shows
 * no number.
 */
export function SurveySection({ survei }: { survei: Evaluation['survei'] }) {
  return (
    <section class="card" aria-labelledby="eval-ikm" data-testid="eval-survei">
      <h2 id="eval-ikm">Kualitas pelayanan publik</h2>
      {survei === null ? (
        <p class="eval-pending">
          Bagian Survei Kepuasan Masyarakat (IKM) belum tersedia di halaman ini: hasil survei per OPD akan tampil di sini setelah bagian survei
          selesai. Tidak ada angka yang ditampilkan sampai saat itu.
        </p>
      ) : (
        <div class="table-scroll">
          <table class="eval-table">
            <thead>
              <tr>
                <th scope="col">OPD</th>
                <th scope="col">IKM hari WFA</th>
                <th scope="col">Responden</th>
                <th scope="col">IKM hari kantor</th>
                <th scope="col">Responden</th>
              </tr>
            </thead>
            <tbody>
              {survei.opd.map((o) => (
                <tr key={o.opd}>
                  <th scope="row">{o.nama}</th>
                  <td>{o.hariWfa.ikm ?? '—'} {o.hariWfa.mutu ?? ''}</td>
                  <td>{o.hariWfa.responden}</td>
                  <td>{o.hariKantor.ikm ?? '—'} {o.hariKantor.mutu ?? ''}</td>
                  <td>{o.hariKantor.responden}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

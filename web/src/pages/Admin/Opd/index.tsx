import { useState } from 'preact/hooks';
import type { AdminContext } from '../context';
import { DoneNote, ErrorNote, Loading } from '../ui/Messages';
import { SortHeader } from '../ui/SortHeader';
import { useLoad } from '../ui/useLoad';
import { useSort } from '../ui/useSort';
import { listOpd } from '../api/opd';
import { OpdAddForm } from './OpdAddForm';
import { OpdRowView } from './OpdRowView';

type Col = 'kode' | 'nama' | 'wfa' | 'jumlahAsn';

/** The regency's OPDs: add, rename, exempt from WFA (or make eligible) from a date. */
export function OpdPage({ ctx }: { ctx: AdminContext }) {
  const list = useLoad(() => listOpd(ctx.token), 'opd');
  const [notice, setNotice] = useState<string>();
  const { sorted, sort, toggle } = useSort(
    list.data ?? [],
    (o, k: Col) => (k === 'wfa' ? (o.wfa ? 1 : 0) : k === 'jumlahAsn' ? o.jumlahAsn : o[k]),
    { key: 'nama', desc: false },
  );
  return (
    <>
      <h2 class="adm-title">OPD</h2>
      <p class="adm-sub muted">
        OPD yang melayani publik secara langsung dikecualikan dari WFA (kebijakan butir 2): stafnya bekerja dari kantor,
        tetapi tetap mengikuti apel virtual. Perubahan berlaku mulai tanggal yang Anda pilih.
      </p>
      <OpdAddForm ctx={ctx} onAdded={() => void list.reload()} />
      <section class="adm-card" aria-labelledby="opd-list-h">
        <h2 id="opd-list-h">Daftar OPD {list.data && <span class="muted">({list.data.length})</span>}</h2>
        <DoneNote text={notice} />
        <ErrorNote error={list.error} onRetry={() => void list.reload()} />
        {!list.data && list.loading && <Loading what="daftar OPD" />}
        {list.data && (
          <div class="adm-table-wrap">
            <table class="adm-table" data-testid="opd-table">
              <thead>
                <tr>
                  <SortHeader label="Kode" column="kode" sort={sort} onSort={toggle} />
                  <SortHeader label="Nama" column="nama" sort={sort} onSort={toggle} />
                  <SortHeader label="WFA" column="wfa" sort={sort} onSort={toggle} />
                  <SortHeader label="ASN aktif" column="jumlahAsn" sort={sort} onSort={toggle} numeric />
                  <th scope="col">Pimpinan</th>
                  <th scope="col">
                    <span class="adm-sr">Tindakan</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((o) => (
                  <OpdRowView
                    key={o.kode}
                    ctx={ctx}
                    opd={o}
                    onSaved={(_, message) => {
                      setNotice(message);
                      void list.reload();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

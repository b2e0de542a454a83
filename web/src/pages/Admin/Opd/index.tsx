import { useState } from 'preact/hooks';
import type { OpdListRow } from '../../../../../contract';
import type { AdminContext } from '../context';
import { DoneNote, ErrorNote, Loading } from '../ui/Messages';
import type { Column } from '../ui/Table';
import { ACTIONS, Table } from '../ui/Table';
import { useLoad } from '../ui/useLoad';
import { useSort } from '../ui/useSort';
import { listOpd } from '../api/opd';
import { OpdAddForm } from './OpdAddForm';
import { OpdRowView } from './OpdRowView';
import { angka } from '../../../lib/number';

type Col = 'kode' | 'nama' | 'wfa' | 'jumlahAsn';

/** The headers; each row is an `OpdRowView`, whose cells hold the rename and WFA forms. */
const COLUMNS: Column<OpdListRow, Col>[] = [
  { head: 'Kode', sortKey: 'kode' },
  { head: 'Nama', sortKey: 'nama' },
  { head: 'WFA', sortKey: 'wfa' },
  { head: 'ASN aktif', sortKey: 'jumlahAsn', numeric: true },
  { head: 'Pimpinan' },
  { head: ACTIONS },
];

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
        <h2 id="opd-list-h">Daftar OPD {list.data && <span class="muted">({angka(list.data.length)})</span>}</h2>
        <DoneNote text={notice} />
        <ErrorNote error={list.error} onRetry={() => void list.reload()} />
        {!list.data && list.loading && <Loading what="daftar OPD" />}
        {list.data && (
          <div class="adm-table-wrap">
            <Table
              columns={COLUMNS}
              rows={sorted}
              rowKey={(o) => o.kode}
              sort={{ state: sort, onSort: toggle }}
              testId="opd-table"
              row={(o) => (
                <OpdRowView
                  ctx={ctx}
                  opd={o}
                  onSaved={(_, message) => {
                    setNotice(message);
                    void list.reload();
                  }}
                />
              )}
            />
          </div>
        )}
      </section>
    </>
  );
}

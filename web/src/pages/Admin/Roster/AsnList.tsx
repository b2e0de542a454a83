import { useState } from 'preact/hooks';
import type { AsnView, OpdListRow } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import { listAsn, patchAsn } from '../api/roster';
import type { AdminContext } from '../context';
import { Confirm } from '../ui/Confirm';
import { DoneNote, ErrorNote, Loading } from '../ui/Messages';
import { OpdSelect } from '../ui/OpdSelect';
import type { Column } from '../ui/Table';
import { ACTIONS, Table } from '../ui/Table';
import { formatHp, PERAN } from '../ui/labels';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { AsnForm } from './AsnForm';
import { Form } from '../../../components/Form';
import { angka } from '../../../lib/number';

type Aktif = 'ya' | 'tidak' | 'semua';
interface Filter {
  opd: string;
  q: string;
  aktif: Aktif;
}

/** Rows drawn at once; a whole regency (thousands) is shown on request. */
const PAGE = 300;

/** Search the roster by OPD, name or NIP; add, edit, move, deactivate and reactivate ASN. */
export function AsnList({ ctx, opds, version }: { ctx: AdminContext; opds: OpdListRow[]; version: number }) {
  const [draft, setDraft] = useState<Filter>({ opd: '', q: '', aktif: 'semua' });
  const [filter, setFilter] = useState<Filter>();
  const [editing, setEditing] = useState<AsnView | 'baru'>();
  const [toggling, setToggling] = useState<AsnView>();
  const [limit, setLimit] = useState(PAGE);
  const [notice, setNotice] = useState<string>();
  const act = useAction();
  const list = useLoad(
    () => (filter ? listAsn(ctx.token, { opd: filter.opd || undefined, q: filter.q.trim() || undefined, aktif: filter.aktif }) : Promise.resolve([])),
    `${JSON.stringify(filter)}#${version}`,
  );
  const rows = list.data ?? [];
  const nama = (kode: string) => opds.find((o) => o.kode === kode)?.nama ?? kode;

  const replace = (asn: AsnView) => list.setData(rows.map((r) => (r.nip === asn.nip ? asn : r)));

  async function setAktif(asn: AsnView, aktif: boolean) {
    setToggling(undefined);
    setNotice(undefined);
    const saved = await act.run(
      () => patchAsn(ctx.token, asn.nip, { aktif }),
      (a) => (aktif ? `${a.nama} diaktifkan kembali. Terbitkan tautan baru untuknya.` : `${a.nama} dinonaktifkan; tautannya dicabut.`),
    );
    if (saved) replace(saved);
  }

  const columns: Column<AsnView>[] = [
    {
      head: 'Nama dan NIP',
      cell: (a) => (
        <>
          {a.nama}
          {!a.aktif && <span class="adm-tag adm-tag-off">Nonaktif</span>}
          <span class="adm-nip">{formatNip(a.nip)}</span>
        </>
      ),
    },
    { head: 'Jabatan', cell: (a) => a.jabatan },
    { head: 'OPD', cell: (a) => nama(a.opd), td: () => ({ class: 'adm-opd-cell' }) },
    { head: 'Status', cell: (a) => a.status },
    { head: 'Nomor HP', cell: (a) => formatHp(a.noHp), td: () => ({ class: 'nowrap' }) },
    { head: 'Peran', cell: (a) => (a.peran === 'asn' ? 'ASN' : <span class={`adm-tag adm-tag-${a.peran}`}>{PERAN[a.peran]}</span>) },
    {
      head: ACTIONS,
      td: () => ({ class: 'adm-row-actions' }),
      cell: (a) => (
        <>
          <button type="button" class="adm-link" onClick={() => setEditing(a)}>
            Ubah
          </button>
          {a.aktif && (
            <button type="button" class="adm-link" onClick={() => ctx.open('tautan', `?nip=${a.nip}`)}>
              Tautan
            </button>
          )}
          <button type="button" class={a.aktif ? 'adm-link adm-link-danger' : 'adm-link'} onClick={() => (a.aktif ? setToggling(a) : void setAktif(a, true))} disabled={act.busy}>
            {a.aktif ? 'Nonaktifkan' : 'Aktifkan'}
          </button>
        </>
      ),
    },
  ];

  return (
    <section class="adm-card" aria-labelledby="asn-h" data-testid="asn-list">
      <div class="adm-card-head">
        <h2 id="asn-h">Daftar ASN</h2>
        <button type="button" class="adm-btn adm-btn-primary" onClick={() => setEditing('baru')} data-testid="asn-add">
          Tambah ASN
        </button>
      </div>
      <Form
        problemClass="adm-note adm-note-error"
        class="adm-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setLimit(PAGE);
          setFilter({ ...draft });
        }}
      >
        <label>
          OPD
          <OpdSelect opds={opds} value={draft.opd} onChange={(opd) => setDraft({ ...draft, opd })} empty="Semua OPD" testid="asn-filter-opd" />
        </label>
        <label>
          Nama atau NIP
          <input type="search" value={draft.q} onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })} placeholder="mis. Fatimah atau 1990" data-testid="asn-filter-q" />
        </label>
        <label>
          Status
          <select value={draft.aktif} onChange={(e) => setDraft({ ...draft, aktif: e.currentTarget.value as Aktif })}>
            <option value="semua">Aktif dan nonaktif</option>
            <option value="ya">Aktif</option>
            <option value="tidak">Nonaktif</option>
          </select>
        </label>
        <button type="submit" class="adm-btn" data-testid="asn-search">
          Tampilkan
        </button>
      </Form>
      <DoneNote text={notice ?? act.done} />
      <ErrorNote error={act.error} />
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {!filter ? (
        <p class="muted">Pilih OPD atau ketik nama/NIP, lalu tekan Tampilkan.</p>
      ) : list.loading && !list.data ? (
        <Loading what="daftar ASN" />
      ) : rows.length === 0 ? (
        <p class="muted">Tidak ada ASN yang cocok.</p>
      ) : (
        <>
          <p class="muted">{angka(rows.length)} ASN</p>
          <div class="adm-table-wrap">
            <Table columns={columns} rows={rows.slice(0, limit)} rowKey={(a) => a.nip} tr={(a) => ({ class: a.aktif ? undefined : 'adm-inactive', 'data-nip': a.nip })} class="adm-table-asn" />
          </div>
          {rows.length > limit && (
            <button type="button" class="adm-btn" onClick={() => setLimit(rows.length)}>
              Tampilkan semua {angka(rows.length)} ASN
            </button>
          )}
        </>
      )}
      {editing && (
        <AsnForm
          ctx={ctx}
          opds={opds}
          asn={editing === 'baru' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(asn, message) => {
            setEditing(undefined);
            act.reset();
            if (rows.some((r) => r.nip === asn.nip)) replace(asn);
            else setFilter({ opd: asn.opd, q: asn.nip, aktif: 'semua' });
            setNotice(message);
          }}
        />
      )}
      {toggling && (
        <Confirm
          title={`Nonaktifkan ${toggling.nama}?`}
          confirmLabel="Nonaktifkan"
          onConfirm={() => void setAktif(toggling, false)}
          onCancel={() => setToggling(undefined)}
        >
          <p>
            {toggling.nama} ({formatNip(toggling.nip)}, {nama(toggling.opd)}) tidak lagi diharapkan hadir di apel, dan
            tautan pribadinya langsung dicabut. Riwayatnya tetap disimpan; ia dapat diaktifkan kembali.
          </p>
        </Confirm>
      )}
    </section>
  );
}

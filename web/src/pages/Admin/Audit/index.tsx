import { useEffect, useState } from 'preact/hooks';
import type { AuditQuery } from '../../../../../contract';
import { listAudit } from '../api/audit';
import type { AdminContext } from '../context';
import { ErrorNote, Loading } from '../ui/Messages';
import { OpdSelect } from '../ui/OpdSelect';
import { Table } from '../ui/Table';
import { useLoad } from '../ui/useLoad';
import { useOpdList } from '../ui/useOpdList';
import { AuditRow } from './AuditRow';
import { AKSI_FILTER } from './labels';
import { DateField } from '../../../components/DateField';
import { Form } from '../../../components/Form';
import { angka } from '../../../lib/number';

/** The audit trail of a month, newest first, filtered by OPD, actor and action. Read-only. */
export function AuditPage({ ctx, active }: { ctx: AdminContext; active: boolean }) {
  const { opds, nama } = useOpdList(ctx.token);
  const [draft, setDraft] = useState<AuditQuery>({ bulan: ctx.today.slice(0, 7), opd: '', aktor: '', aksi: '' });
  const [filter, setFilter] = useState<AuditQuery>(draft);
  const list = useLoad(
    () =>
      listAudit(ctx.token, {
        bulan: filter.bulan,
        opd: filter.opd || undefined,
        aktor: filter.aktor?.replace(/\s/g, '') || undefined,
        aksi: filter.aksi || undefined,
      }),
    JSON.stringify(filter),
  );
  // Coming back to this tab shows the changes made meanwhile.
  useEffect(() => {
    if (active && list.data) void list.reload();
  }, [active]);

  return (
    <>
      <h2 class="adm-title">Jejak audit</h2>
      <p class="adm-sub muted">Setiap perubahan oleh admin dan pimpinan tercatat di sini dan tidak dapat diubah atau dihapus.</p>
      <Form
        problemClass="adm-note adm-note-error"
        class="adm-card adm-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...draft });
        }}
        data-testid="audit-filter"
      >
        <label>
          Bulan
          <DateField kind="bulan" value={draft.bulan ?? ''} max={ctx.today.slice(0, 7)} required onChange={(bulan) => setDraft({ ...draft, bulan })} testId="audit-bulan" />
        </label>
        <label>
          OPD
          <OpdSelect opds={opds} value={draft.opd ?? ''} onChange={(opd) => setDraft({ ...draft, opd })} empty="Semua OPD" />
        </label>
        <label>
          Pelaku (NIP)
          <input value={draft.aktor} onInput={(e) => setDraft({ ...draft, aktor: e.currentTarget.value })} inputMode="numeric" placeholder="semua" class="adm-w-nip" />
        </label>
        <label>
          Tindakan
          <select value={draft.aksi} onChange={(e) => setDraft({ ...draft, aksi: e.currentTarget.value })} data-testid="audit-aksi">
            {AKSI_FILTER.map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="adm-btn adm-btn-primary">
          Tampilkan
        </button>
      </Form>
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {!list.data && list.loading && <Loading what="jejak audit" />}
      {list.data && (
        <section class="adm-card">
          <p class="muted">{angka(list.data.audit.length)} catatan, terbaru di atas</p>
          {list.data.audit.length > 0 && (
            <div class="adm-table-wrap">
              <Table
                columns={[{ head: `Waktu (${ctx.zoneLabel})` }, { head: 'Pelaku' }, { head: 'Tindakan' }, { head: 'Sebelum → sesudah' }]}
                rows={list.data.audit}
                rowKey={(e) => e.id}
                row={(e) => <AuditRow e={e} timeZone={ctx.timeZone} me={ctx.nip} opdNama={nama} orang={list.data?.nama ?? {}} />}
                class="adm-table-audit"
                testId="audit-table"
              />
            </div>
          )}
        </section>
      )}
    </>
  );
}

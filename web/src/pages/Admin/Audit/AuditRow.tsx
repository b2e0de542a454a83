import type { AuditEntry } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import { changes } from './diff';
import { AKSI, ROLE } from './labels';

/** One audit line: when, who, what, on which record, and the fields before → after. */
export function AuditRow({ e, timeZone, me, opdNama }: { e: AuditEntry; timeZone: string; me: string; opdNama: (kode: string) => string }) {
  const when = new Date(e.at);
  const rows = changes(e.before, e.after, timeZone);
  return (
    <tr data-action={e.action}>
      <td class="nowrap">
        {when.toLocaleDateString('id-ID', { timeZone, day: 'numeric', month: 'short' })}
        <span class="adm-block muted">{when.toLocaleTimeString('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' })}</span>
      </td>
      <td>
        {e.actor.nip === 'cli' ? 'Perintah admin (CLI)' : e.actor.nip === me ? 'Anda' : formatNip(e.actor.nip)}
        <span class="adm-block muted">
          {ROLE[e.actor.role] ?? e.actor.role}
          {e.actor.role === 'pimpinan' && e.actor.opd ? ` · ${opdNama(e.actor.opd)}` : ''}
        </span>
      </td>
      <td>
        {AKSI[e.action] ?? e.action}
        <span class="adm-block muted">
          <code>{e.target}</code>
          {e.opd ? ` · ${opdNama(e.opd)}` : ''}
        </span>
      </td>
      <td>
        {rows.length === 0 ? (
          <span class="muted">—</span>
        ) : (
          <dl class="adm-diff">
            {rows.map((c) => (
              <div key={c.field}>
                <dt>{c.field}</dt>
                <dd>
                  {c.before !== undefined && <del>{c.before}</del>}
                  {c.before !== undefined && c.after !== undefined && ' → '}
                  {c.after !== undefined && <ins>{c.after}</ins>}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}

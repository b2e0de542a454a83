import type { AuditEntry } from '../../../../../contract';
import { formatNip } from '../../../lib/nip';
import { changes } from './diff';
import { AKSI, fieldLabel, ROLE, targetLabel } from './labels';

/** One audit line: when, who, what, on which record, and the fields before → after. */
export function AuditRow(props: { e: AuditEntry; timeZone: string; me: string; opdNama: (kode: string) => string; orang: Record<string, string> }) {
  const { e, timeZone, me, opdNama, orang } = props;
  const when = new Date(e.at);
  // A NIP in a value (e.g. `oleh`) gets its name beside it, when the server sent it.
  const rows = changes(e.before, e.after, timeZone).map((c) => ({ ...c, before: named(c.before, orang), after: named(c.after, orang) }));
  const person = (nip: string) => (orang[nip] ? `${orang[nip]} (${formatNip(nip)})` : formatNip(nip));
  return (
    <tr data-action={e.action}>
      <td class="nowrap">
        {when.toLocaleDateString('id-ID', { timeZone, day: 'numeric', month: 'short' })}
        <span class="adm-block muted">{when.toLocaleTimeString('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' })}</span>
      </td>
      <td>
        {e.actor.nip === 'cli' ? 'Perintah admin (CLI)' : e.actor.nip === me ? 'Anda' : person(e.actor.nip)}
        <span class="adm-block muted">
          {ROLE[e.actor.role] ?? e.actor.role}
          {e.actor.role === 'pimpinan' && e.actor.opd ? ` · ${opdNama(e.actor.opd)}` : ''}
        </span>
      </td>
      <td>
        {AKSI[e.action] ?? e.action}
        <span class="adm-block muted">
          <span title={e.target}>{targetLabel(e.target, person, opdNama)}</span>
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
                <dt title={c.field}>{fieldLabel(c.field)}</dt>
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

/** A value that is a NIP whose name is known, as "Name (NIP)". */
function named(value: string | undefined, orang: Record<string, string>): string | undefined {
  return value && /^\d{18}$/.test(value) && orang[value] ? `${orang[value]} (${formatNip(value)})` : value;
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { RollRow as Row, RollSesi } from '../../../../contract';
import { formatNip } from '../../lib/nip';
import { hourMinute, shortDate } from '../../lib/time';
import { markUniform, messageOf } from './api';
import { AssessOutput } from './AssessOutput';
import { statusBadge } from './roll';
import type { TabProps } from './tabs';

interface Props extends TabProps {
  row: Row;
  sesi: RollSesi;
  seragam: string | null;
  state: { reload: () => void };
  onIzin: (nip: string) => void;
}

/** One ASN in the live roll, with the uniform mark and a shortcut to record an excuse. */
export function RollRow({ row, sesi, seragam, token, opd, timeZone, zoneLabel, state, onIzin }: Props) {
  const badge = statusBadge(row.status);
  const checkedIn = row.checkedInAt !== null;
  const [editing, setEditing] = useState(false);
  const [catatan, setCatatan] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const note = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) note.current?.focus();
  }, [editing]);

  const save = async (patuh: boolean) => {
    if (!patuh && !catatan.trim()) {
      setError('Tulis catatan, misalnya "Tidak memakai PDH".');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await markUniform(token, opd, sesi.id, row.nip, patuh, catatan.trim());
      setEditing(false);
      setCatatan('');
      state.reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr class={row.tidakPatuh ? 'is-flagged' : undefined} data-testid={`row-${row.nip}`} data-status={row.status}>
      <td class="c-asn">
        <span class="asn-name">{row.nama}</span>
        <span class="asn-meta">
          {row.jabatan} · NIP <span class="nowrap">{formatNip(row.nip)}</span>
        </span>
      </td>
      <td class="c-status">
        <span class={`badge badge-${badge.tone}`}>{badge.text}</span>
        {row.checkedInAt && (
          <span class="c-time">
            {hourMinute(row.checkedInAt, timeZone)} {zoneLabel}
          </span>
        )}
        {row.luring && (
          <span class="tag" title="Diketuk tanpa jaringan, terkirim kemudian; waktunya waktu ketukan" data-testid="luring">
            luring
          </span>
        )}
        {row.bukti === 'passkey' && (
          <span class="tag" title="Ditandatangani ponsel yang terikat dan sidik jari (passkey) pemilik tautan" data-testid="bukti-passkey">
            sidik jari
          </span>
        )}
      </td>
      <td class="c-laporan">
        {row.laporan && <span class="laporan">{row.laporan}</span>}
        {checkedIn && sesi.slot !== 'pagi' && (
          <AssessOutput token={token} opd={opd} sesiId={sesi.id} nip={row.nip} nama={row.nama} mark={row.penilaian} onSaved={state.reload} />
        )}
        {row.alasanTerlambat && (
          <span class="izin-note" data-testid="alasan-terlambat">
            Alasan terlambat: {row.alasanTerlambat}
          </span>
        )}
        {row.izin && (
          <span class="izin-note">
            {shortDate(row.izin.dari)}
            {row.izin.sampai !== row.izin.dari && ` – ${shortDate(row.izin.sampai)}`}
            {row.izin.catatan && ` · ${row.izin.catatan}`}
          </span>
        )}
      </td>
      <td class="c-seragam">
        {row.tidakPatuh ? (
          <span class="flag" data-testid="tidak-patuh">
            <strong>Tidak patuh</strong>
            {row.tidakPatuh.catatan && `: ${row.tidakPatuh.catatan}`}
          </span>
        ) : checkedIn && seragam ? (
          row.seragamDikonfirmasi ? (
            <span class="seragam-ok">✓ Memakai {seragam}</span>
          ) : (
            <span class="seragam-no">Tidak mengonfirmasi seragam</span>
          )
        ) : null}
      </td>
      <td class="c-aksi">
        {/* No uniform set for the day: nothing to mark (an earlier mark can still be removed). */}
        {checkedIn && !editing && (seragam || row.tidakPatuh) && (
          <button
            type="button"
            class="btn-small"
            disabled={busy}
            onClick={() => (row.tidakPatuh ? void save(true) : setEditing(true))}
            data-testid={row.tidakPatuh ? 'hapus-tanda' : 'tandai'}
          >
            {row.tidakPatuh ? 'Hapus tanda tidak patuh' : 'Tandai tidak patuh'}
          </button>
        )}
        {!checkedIn && !row.izin && row.status !== 'dibebaskan' && (
          <button type="button" class="btn-link" onClick={() => onIzin(row.nip)} data-testid="catat-izin">
            Catat izin…
          </button>
        )}
        {editing && (
          <form
            class="mark-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save(false);
            }}
          >
            <label>
              Catatan seragam {row.nama}
              <input
                ref={note}
                type="text"
                maxLength={300}
                value={catatan}
                placeholder={seragam ? `Tidak memakai ${seragam}` : 'Tidak memakai seragam'}
                onInput={(e) => setCatatan(e.currentTarget.value)}
                data-testid="catatan-seragam"
              />
            </label>
            <div class="actions">
              <button type="submit" class="btn-small btn-danger" disabled={busy}>
                Simpan tanda
              </button>
              <button type="button" class="btn-small" onClick={() => setEditing(false)}>
                Batal
              </button>
            </div>
          </form>
        )}
        {error && <p class="error">{error}</p>}
      </td>
    </tr>
  );
}

import { useState } from 'preact/hooks';
import type { Roll } from '../../../../contract';
import { request } from '../../lib/api';
import { angka } from '../../lib/number';
import { clockTime } from '../../lib/time';

interface Props {
  token: string;
  opd: string;
  perangkat: Roll['perangkat'];
  expected: number;
  timeZone: string;
  zoneLabel: string;
  onDecided: () => void;
}

/**
 * Phones on the roll (issue 15): how many of the OPD's ASN check in from the phone their link is
 * bound to, and each new phone waiting for the head's approval ("perangkat baru menunggu
 * persetujuan"), approved or refused in one tap (audited on the server).
 */
export function DeviceRequests({ token, opd, perangkat, expected, timeZone, zoneLabel, onDecided }: Props) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  if (!perangkat) return null;
  const decide = async (nip: string, kid: string, setuju: boolean) => {
    setBusy(nip);
    setError(undefined);
    try {
      await request('POST', `/opd/${encodeURIComponent(opd)}/perangkat/${nip}`, token, { kid, setuju }, { attempts: 1 });
      onDecided();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Gagal menyimpan. Coba lagi.');
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section class="card" aria-label="Ponsel ASN" data-testid="perangkat">
      <p class="muted" data-testid="perangkat-terikat">
        {angka(perangkat.terikat)} dari {angka(expected)} ASN memakai tautan yang terikat ke ponselnya
        {perangkat.passkey > 0 ? `, ${angka(perangkat.passkey)} di antaranya dengan sidik jari (passkey)` : ''}.
      </p>
      {perangkat.menunggu.length > 0 && (
        <>
          <h3>Perangkat baru menunggu persetujuan</h3>
          <p class="muted">Setujui bila ASN memang mengganti ponsel atau menghapus data peramban; tolak bila bukan ponselnya.</p>
          <ul class="plain">
            {perangkat.menunggu.map((r) => (
              <li key={r.nip} data-testid={`perangkat-${r.nip}`}>
                <strong>{r.nama}</strong>{' '}
                <span class="muted">
                  (sejak {clockTime(r.at, timeZone)} {zoneLabel})
                </span>{' '}
                <button type="button" class="btn-small" disabled={busy === r.nip} onClick={() => void decide(r.nip, r.kid, true)} data-testid="setujui-perangkat">
                  Setujui
                </button>{' '}
                <button type="button" class="btn-small btn-secondary" disabled={busy === r.nip} onClick={() => void decide(r.nip, r.kid, false)} data-testid="tolak-perangkat">
                  Tolak
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <p class="error">{error}</p>}
    </section>
  );
}

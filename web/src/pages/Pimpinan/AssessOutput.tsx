import { useState } from 'preact/hooks';
import type { Assessment, AssessmentMark, ResponseOf } from '../../../../contract';
import { request } from '../../lib/api';
import { messageOf } from './api';

const CHOICES: readonly [Assessment, string][] = [
  ['sesuai', 'Sesuai rencana'],
  ['sebagian', 'Sebagian'],
  ['tidak_sesuai', 'Tidak sesuai'],
];

/**
 * The head's assessment of an ASN's output on the sore roll: one tap (optional, audited;
 * tapping the chosen one again takes it back). It counts in the evaluation (Kinerja).
 */
export function AssessOutput(props: { token: string; opd: string; sesiId: string; nip: string; nama: string; mark: AssessmentMark | null; onSaved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState<Assessment | null>(props.mark?.nilai ?? null);
  const choose = async (nilai: Assessment) => {
    const next = shown === nilai ? null : nilai;
    setBusy(true);
    setError(undefined);
    try {
      const path = `/opd/${encodeURIComponent(props.opd)}/penilaian/${encodeURIComponent(props.sesiId)}/${encodeURIComponent(props.nip)}`;
      const { body } = await request<ResponseOf<'PUT /api/opd/{opd}/penilaian/{sesiId}/{nip}'>>('PUT', path, props.token, { nilai: next });
      setShown(body.penilaian?.nilai ?? null);
      props.onSaved();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="assess" role="group" aria-label={`Penilaian hasil kerja ${props.nama}`} data-testid="penilaian">
      {CHOICES.map(([nilai, label]) => (
        <button
          key={nilai}
          type="button"
          class={shown === nilai ? `assess-btn is-on assess-${nilai}` : 'assess-btn'}
          aria-pressed={shown === nilai}
          disabled={busy}
          onClick={() => void choose(nilai)}
          data-testid={`nilai-${nilai}`}
        >
          {label}
        </button>
      ))}
      {error && <p class="error">{error}</p>}
    </div>
  );
}

import { useState } from 'preact/hooks';
import type { MyReadinessCheck } from '../../../../contract';
import { Countdown } from '../../components/Countdown';
import { ApiError } from '../../lib/api';
import { clockTime } from '../../lib/time';
import { useServerNow } from '../../lib/useServerNow';
import { answerReadiness } from './api';

interface Props {
  token: string;
  cek: MyReadinessCheck;
  timeZone: string;
  zoneLabel: string;
  clockOffset: number;
  /** Signs the answer with the phone's key (presence.tsx readinessProof). */
  proof?: (cekId: string) => Promise<object>;
}

/** A readiness check started by the head of the ASN's OPD: "Saya siap" before its deadline. */
export function ReadinessCard({ token, cek, timeZone, zoneLabel, clockOffset, proof }: Props) {
  const now = useServerNow(clockOffset);
  const [answeredAt, setAnsweredAt] = useState(cek.dijawabPada);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const left = Date.parse(cek.batas) - now;

  const answer = async () => {
    setSending(true);
    setError(undefined);
    try {
      setAnsweredAt((await answerReadiness(token, cek.id, await proof?.(cek.id))).dijawabPada);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Terjadi kesalahan. Coba lagi.');
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="card kesiapan" aria-labelledby="kesiapan-title" data-testid="kesiapan">
      <h2 id="kesiapan-title">Cek kesiapan</h2>
      <p class="kesiapan-pesan">{cek.pesan}</p>
      <div role="status" aria-live="polite">
        {answeredAt ? (
          <p class="note" data-testid="kesiapan-done">
            Anda menjawab siap pukul {clockTime(answeredAt, timeZone)} {zoneLabel}.
          </p>
        ) : (
          error && <p class="error">{error}</p>
        )}
      </div>
      {!answeredAt && <Countdown left={left} label="Jawab dalam" over="Waktu menjawab sudah habis." />}
      {!answeredAt && left > 0 && (
        <button type="button" class="btn-hadir" disabled={sending} aria-busy={sending} onClick={() => void answer()} data-testid="kesiapan-siap">
          {sending ? 'Mengirim…' : 'Saya siap'}
        </button>
      )}
    </section>
  );
}

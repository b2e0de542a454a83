import { useRef, useState } from 'preact/hooks';
import type { Checkin, CheckinProof, CheckinRequest } from '../../../../contract';
import { ApiError } from '../../lib/api';
import type { CheckinExtras } from './api';
import { postCheckin } from './api';

export interface CheckinState {
  sending: boolean;
  retrying: boolean;
  done?: Checkin;
  error?: string;
  /** The tap is kept on the phone (no network) and will be sent by itself. */
  kept?: boolean;
}

/** Proof of presence (presence.tsx), once its chunk is there: the signature of a tap, and keeping a tap without network. */
export interface TapProof {
  proof: () => Promise<CheckinProof | undefined>;
  /** False when the tap cannot be kept (no device key): the network error is shown instead. */
  keep: (body: CheckinRequest) => Promise<boolean>;
}

/** A recorded check-in as shown: a tap kept on the phone shows the time it was made. */
export const shown = (c: Checkin): Checkin => ({ ...c, at: c.ketukPada ?? c.at });

/**
 * The tap on "Hadir" (with the work plan or output and the uniform confirmation): signed by the
 * phone, one request at a time, retried on a weak network; with no network at all it is kept on
 * the phone and sent later. Then `onSettled`.
 */
/** How long the tap's proof may take before the page says it is sending anyway. */
const PROOF_PATIENCE_MS = 150;

export function useCheckin(token: string, onSettled: () => void, presence: () => TapProof | undefined) {
  const [state, setState] = useState<CheckinState>({ sending: false, retrying: false });
  const busy = useRef(false);

  const send = async (sesiId: string, extras: CheckinExtras) => {
    if (busy.current) return;
    busy.current = true;
    const p = presence();
    let body: CheckinExtras = extras;
    // The page says it is sending once the request has left (that render, ~0.1 s at CPU ×4, is not on the tap's way),
    // or sooner when the proof takes a while (a stale ticket asked again, the fingerprint prompt): never a dead button.
    const sayingSoon = setTimeout(() => setState({ sending: true, retrying: false }), PROOF_PATIENCE_MS);
    try {
      const bukti = await p?.proof();
      if (bukti) body = { ...extras, bukti };
      if (p && !navigator.onLine) throw new ApiError(0, 'JARINGAN', '');
      const posting = postCheckin(token, sesiId, body, () => setState({ sending: true, retrying: true }));
      clearTimeout(sayingSoon);
      setState((s) => (s.sending ? s : { sending: true, retrying: false }));
      const { checkin } = await posting;
      setState({ sending: false, retrying: false, done: shown(checkin) });
    } catch (e) {
      if (p && e instanceof ApiError && e.status === 0 && (await p.keep({ sesiId, ...body }))) {
        setState({ sending: false, retrying: false, kept: true });
      } else {
        const message = e instanceof ApiError ? e.message || 'Tidak ada jaringan. Coba lagi.' : 'Terjadi kesalahan. Coba lagi.';
        setState({ sending: false, retrying: false, error: message });
      }
    } finally {
      clearTimeout(sayingSoon);
      busy.current = false;
      onSettled();
    }
  };

  return [state, send, setState] as const;
}

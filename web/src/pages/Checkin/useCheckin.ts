import { useRef, useState } from 'preact/hooks';
import type { Checkin } from '../../../../contract';
import { ApiError } from '../../lib/api';
import type { CheckinExtras } from './api';
import { postCheckin } from './api';

export interface CheckinState {
  sending: boolean;
  retrying: boolean;
  done?: Checkin;
  error?: string;
}

/** The tap on "Hadir" (with the work plan or output and the uniform confirmation): one request at a time, retried on a weak network, then `onSettled`. */
export function useCheckin(token: string, onSettled: () => void) {
  const [state, setState] = useState<CheckinState>({ sending: false, retrying: false });
  const busy = useRef(false);

  const send = async (sesiId: string, extras: CheckinExtras) => {
    if (busy.current) return;
    busy.current = true;
    setState({ sending: true, retrying: false });
    try {
      const { checkin } = await postCheckin(token, sesiId, extras, () => setState({ sending: true, retrying: true }));
      setState({ sending: false, retrying: false, done: checkin });
    } catch (e) {
      const message = e instanceof ApiError ? e.message : 'Terjadi kesalahan. Coba lagi.';
      setState({ sending: false, retrying: false, error: message });
    } finally {
      busy.current = false;
      onSettled();
    }
  };

  return [state, send] as const;
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Roll } from '../../../../contract';
import { getRoll, messageOf } from './api';

export interface RollState {
  roll?: Roll;
  /** Server time (epoch ms) of the last answer, 200 or 304. */
  updatedAt?: number;
  /** Server minus client clock, ms, from the last full answer. */
  clockOffset: number;
  error?: string;
  loading: boolean;
}

/**
 * The live roll of one OPD and sesi (`undefined`: the server's pick for today). While `live`
 * and the page is visible it asks again every `refreshSeconds` with `If-None-Match`, so an
 * unchanged roll costs a 304 with no body; it stops when the server says `refreshSeconds: null`
 * (the sesi is closed). `reload()` asks at once, e.g. after the head changed something.
 */
export function useRoll(token: string, opd: string, sesi: string | undefined, live: boolean) {
  const [state, setState] = useState<RollState>({ clockOffset: 0, loading: true });
  const [nonce, setNonce] = useState(0);
  const etag = useRef<{ key: string; value: string | undefined }>({ key: '', value: undefined });
  const refreshSeconds = useRef<number | null>(null);
  const key = `${opd}|${sesi ?? ''}`;

  useEffect(() => {
    if (etag.current.key !== key) {
      etag.current = { key, value: undefined };
      refreshSeconds.current = null;
      setState((s) => ({ clockOffset: s.clockOffset, loading: true }));
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const schedule = (seconds: number | null) => {
      clearTimeout(timer);
      if (seconds && live && document.visibilityState === 'visible') timer = setTimeout(() => void poll(), seconds * 1000);
    };

    const poll = async () => {
      clearTimeout(timer);
      try {
        const answer = await getRoll(token, opd, sesi, etag.current.value);
        if (stopped) return;
        if (answer) {
          etag.current = { key, value: answer.etag };
          refreshSeconds.current = answer.roll.refreshSeconds;
        }
        setState((s) => {
          const clockOffset = answer ? answer.clockOffset : s.clockOffset;
          return { roll: answer ? answer.roll : s.roll, clockOffset, updatedAt: Date.now() + clockOffset, loading: false };
        });
        schedule(refreshSeconds.current);
      } catch (e) {
        if (stopped) return;
        setState((s) => ({ ...s, error: messageOf(e), loading: false }));
        // Keep trying at the same pace while the sesi is live; the head also has "Perbarui".
        schedule(refreshSeconds.current);
      }
    };

    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
      else clearTimeout(timer);
    };
    void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [token, key, live, nonce]);

  return { ...state, reload: () => setNonce((n) => n + 1) };
}

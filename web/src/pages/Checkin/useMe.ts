import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../../contract';
import { ApiError, getMe } from '../../lib/api';

/** How stale `/api/me` may be when the phone is woken before it is fetched again. */
const STALE_MS = 60_000;

/** `/api/me` and the server's clock offset; fetched again when the page comes back into view. */
export function useMe(token: string) {
  const [data, setData] = useState<{ me: Me; clockOffset: number; ticketPerf: number; offline?: boolean }>();
  const [error, setError] = useState<ApiError>();
  const [retrying, setRetrying] = useState(false);
  const lastLoad = useRef(0);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const seq = ++latest.current;
    lastLoad.current = Date.now();
    try {
      const result = await getMe(token, () => seq === latest.current && setRetrying(true));
      if (seq !== latest.current) return;
      setData(result);
      setError(undefined);
      setRetrying(false);
    } catch (e) {
      if (seq !== latest.current) return;
      setRetrying(false);
      setError(e instanceof ApiError ? e : new ApiError(0, 'TIDAK_DIKENAL', 'Terjadi kesalahan. Coba lagi.'));
    }
  }, [token]);

  // Before the first paint: an answer already there (index.html's early GET /api/me, back before the script ran) is
  // rendered in the same task, without first painting "Memuat data Anda…" (a frame at CPU ×4 on a cheap phone).
  useLayoutEffect(() => {
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastLoad.current > STALE_MS) void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  return { data, error, retrying, load };
}

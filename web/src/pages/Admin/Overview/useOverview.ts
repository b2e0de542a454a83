import { useEffect, useRef, useState } from 'preact/hooks';
import type { Overview } from '../../../../../contract';
import type { ApiError } from '../../../lib/api';
import { getOverview } from '../api/overview';
import { asApiError } from '../ui/useLoad';

/**
 * The overview of one date, asked again every `refreshSeconds` (the server's choice) while a
 * sesi of that date is open, this tab is shown and the browser tab is visible. Each poll is
 * conditional (`If-None-Match`), so an unchanged overview costs a 304 with no body. A failed
 * poll keeps the last figures on screen and says so.
 */
export function useOverview(token: string, tanggal: string | undefined, active: boolean) {
  const [data, setData] = useState<Overview>();
  const [error, setError] = useState<ApiError>();
  const [checkedAt, setCheckedAt] = useState<number>();
  const [loading, setLoading] = useState(true);
  const etag = useRef<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const seq = useRef(0);
  const refresh = useRef<number | null>(null);
  // The server's clock minus the browser's (from `now` of the last full answer): "diperiksa pukul" in server time.
  const offset = useRef(0);
  // Read by timers set in an earlier render.
  const current = useRef({ tanggal, active });
  current.current = { tanggal, active };

  const fetchNow = async (fresh: boolean) => {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    if (fresh) {
      etag.current = undefined;
      setLoading(true);
    }
    try {
      const answer = await getOverview(token, current.current.tanggal, etag.current);
      if (mine !== seq.current) return;
      if (answer.body) {
        setData(answer.body);
        refresh.current = answer.body.refreshSeconds;
        offset.current = Date.parse(answer.body.now) - Date.now();
      }
      etag.current = answer.etag ?? undefined;
      setError(undefined);
      setCheckedAt(Date.now() + offset.current);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(asApiError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    schedule();
  };

  const schedule = () => {
    clearTimeout(timer.current);
    if (!refresh.current || !current.current.active || document.visibilityState !== 'visible') return;
    timer.current = setTimeout(() => void fetchNow(false), refresh.current * 1000);
  };

  useEffect(() => {
    setData(undefined);
    refresh.current = null;
    void fetchNow(true);
    return () => clearTimeout(timer.current);
  }, [tanggal]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && active && refresh.current) void fetchNow(false);
      else clearTimeout(timer.current);
    };
    if (active && refresh.current) void fetchNow(false);
    else clearTimeout(timer.current);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [active]);

  return { data, error, loading, checkedAt, reload: () => fetchNow(false) };
}

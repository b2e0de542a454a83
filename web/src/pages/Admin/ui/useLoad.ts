import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../lib/api';

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'TIDAK_DIKENAL', 'Terjadi kesalahan di halaman ini. Muat ulang lalu coba lagi.');
}

/**
 * Data read from the API for what `key` names (a filter, a year): loads when the key
 * changes, keeps the last data while reloading, and ignores answers that arrive late.
 */
export function useLoad<T>(fetcher: () => Promise<T>, key: string) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const fetchRef = useRef(fetcher);
  fetchRef.current = fetcher;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const result = await fetchRef.current();
      if (mine !== seq.current) return;
      setData(result);
      setError(undefined);
    } catch (e) {
      if (mine === seq.current) setError(asApiError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => void reload(), [key]);
  return { data, error, loading, reload, setData };
}

import { useState } from 'preact/hooks';
import type { ApiError } from '../../../lib/api';
import { asApiError } from './useLoad';

/**
 * A change sent to the API from a form: busy while sending (the button is disabled), the
 * API's message on failure (the form keeps what was typed), a confirmation on success.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  async function run<T>(fn: () => Promise<T>, success?: string | ((result: T) => string)): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await fn();
      if (success) setDone(typeof success === 'string' ? success : success(result));
      return result;
    } catch (e) {
      setError(asApiError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const reset = () => {
    setError(undefined);
    setDone(undefined);
  };
  return { busy, error, done, run, reset };
}

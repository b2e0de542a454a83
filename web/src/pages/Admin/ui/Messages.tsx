import type { ApiError } from '../../../lib/api';

/** The API's own message (Indonesian), shown as is; 401 and 403 say what to do next. */
export function ErrorNote({ error, onRetry }: { error: ApiError | undefined; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div class="adm-note adm-note-error" role="alert" data-testid="api-error">
      <p>{error.message}</p>
      {error.status === 401 && <p>Buka kembali tautan admin pribadi Anda, atau mintalah tautan baru.</p>}
      {onRetry && error.status !== 401 && error.status !== 403 && (
        <button type="button" class="adm-btn adm-btn-small" onClick={onRetry}>
          Coba lagi
        </button>
      )}
    </div>
  );
}

export function DoneNote({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="adm-note adm-note-done" role="status" data-testid="done">
      {text}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="adm-loading muted" role="status">
      Memuat {what}…
    </p>
  );
}

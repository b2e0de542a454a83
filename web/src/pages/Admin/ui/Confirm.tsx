import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal question before a destructive action (revoking links, deactivating), in a native
 * `<dialog>`: Esc and "Batal" cancel, focus starts on "Batal".
 */
export function Confirm({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={dialog} class="adm-dialog" aria-labelledby="adm-confirm-title" onCancel={onCancel} data-testid="confirm">
      <h2 id="adm-confirm-title">{title}</h2>
      <div class="adm-dialog-body">{children}</div>
      <div class="adm-actions">
        <button type="button" class="adm-btn" onClick={onCancel} autofocus>
          Batal
        </button>
        <button type="button" class="adm-btn adm-btn-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

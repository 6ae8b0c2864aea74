"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * The one confirmation before a cloud write: a modal that shows what will be sent (its diff) and
 * asks once more. Escape and Cancel close it; nothing is sent until the confirm button is pressed.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, busy = false, busyLabel, onConfirm, onCancel, footer }: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  busyLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Shown above the buttons: an error from the last attempt. */
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[min(60rem,calc(100vw-2rem))] rounded border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <h2 id={titleId} className="border-b border-slate-200 px-4 py-3 text-sm font-semibold">
            {title}
          </h2>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">{children}</div>
          <div className="space-y-2 border-t border-slate-200 px-4 py-3">
            {footer}
            <div className="flex justify-end gap-2">
              <Button onClick={onCancel} disabled={busy} autoFocus>
                {cancelLabel}
              </Button>
              <Button variant="primary" onClick={onConfirm} disabled={busy} data-cloud-write>
                {busy && busyLabel ? busyLabel : confirmLabel}
              </Button>
            </div>
          </div>
        </div>
      )}
    </dialog>
  );
}

import { ReactNode, useEffect, useRef } from 'react';

// A native modal dialog, open while mounted: the browser traps focus in it, closes it on Escape
// and gives focus back to what was focused before.
export function Modal({
  labelledBy,
  onClose,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog people-dialog"
      aria-labelledby={labelledBy}
      // A close event while open again is stale (React's development mode mounts effects twice).
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      {children}
    </dialog>
  );
}

import { useEffect } from 'react';
import type { ImportKind } from './upload-import';

const EVENT = 'intradesk:imported';

// A finished import tells the screens that show what it changed (the upload goes around urql,
// so urql's cache would not know).
export function announceImport(kind: ImportKind): void {
  window.dispatchEvent(new CustomEvent<ImportKind>(EVENT, { detail: kind }));
}

export function useAfterImport(kind: ImportKind, refresh: () => void): void {
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<ImportKind>).detail === kind) refresh();
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [kind, refresh]);
}

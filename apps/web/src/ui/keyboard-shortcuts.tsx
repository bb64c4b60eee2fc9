import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

export interface Shortcut {
  // The key as KeyboardEvent.key reports it, e.g. "j", "a", "/".
  key: string;
  // What it does, in the reader's language (shown by "?").
  description: string;
  run: () => void;
}

type Registry = Map<symbol, Shortcut[]>;

const ShortcutsContext = createContext<Registry | null>(null);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"][aria-modal="true"]') !== null
  );
}

// Single-key shortcuts of the screen on show, off while typing in a field; "?" lists them.
export function KeyboardShortcutsProvider({ children }: { children: ReactNode }) {
  const registry = useRef<Registry>(new Map()).current;
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      for (const list of registry.values()) {
        const shortcut = list.find((s) => s.key === event.key);
        if (shortcut) {
          event.preventDefault();
          shortcut.run();
          return;
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [registry]);

  return (
    <ShortcutsContext.Provider value={registry}>
      {children}
      {helpOpen && (
        <ShortcutsHelp
          shortcuts={[...registry.values()].flat()}
          onClose={() => setHelpOpen(false)}
        />
      )}
    </ShortcutsContext.Provider>
  );
}

// Registers the screen's shortcuts while it is shown.
export function useShortcuts(shortcuts: Shortcut[]): void {
  const registry = useContext(ShortcutsContext);
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    if (!registry) return;
    const key = Symbol('screen');
    registry.set(
      key,
      latest.current.map((s, i) => ({ ...s, run: () => latest.current[i]?.run() })),
    );
    return () => void registry.delete(key);
  }, [registry, shortcuts.length]);
}

function ShortcutsHelp({ shortcuts, onClose }: { shortcuts: Shortcut[]; onClose: () => void }) {
  const intl = useIntl();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useCallback(() => onClose(), [onClose]);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-label={intl.formatMessage({
        id: 'shortcuts.title',
        defaultMessage: 'Keyboard shortcuts',
      })}
      onClose={close}
    >
      <h2>
        <FormattedMessage id="shortcuts.title" defaultMessage="Keyboard shortcuts" />
      </h2>
      <dl className="shortcuts">
        <div>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>
            <FormattedMessage id="shortcuts.help" defaultMessage="Show this list" />
          </dd>
        </div>
        {shortcuts.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => dialog.current?.close()} autoFocus>
        <FormattedMessage id="shortcuts.close" defaultMessage="Close" />
      </button>
    </dialog>
  );
}

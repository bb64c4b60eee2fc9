import { createContext, ReactNode, useContext, useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';

const RequestChangedSubscription = graphql(`
  subscription LiveRequestChanged {
    requestChanged {
      kind
      request {
        id
        number
        version
        status
      }
    }
  }
`);

export interface RequestEvent {
  kind: string;
  request: { id: string; number: string; version: number; status: string };
}

type Listener = (event: RequestEvent) => void;

const LiveContext = createContext<Set<Listener> | null>(null);

// One graphql-ws subscription per signed-in page for every request the user may see (the
// server applies the same visibility rules as queries); screens listen and refetch what they show.
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>()).current;
  const [result] = useSubscription({ query: RequestChangedSubscription });
  useEffect(() => {
    const change = result.data?.requestChanged;
    if (change) for (const listener of listeners) listener(change);
  }, [result.data, listeners]);
  return <LiveContext.Provider value={listeners}>{children}</LiveContext.Provider>;
}

// Calls `onEvent` for each change to a visible request while the component is shown.
export function useRequestEvents(onEvent: Listener): void {
  const listeners = useContext(LiveContext);
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    if (!listeners) return;
    const listener: Listener = (event) => latest.current(event);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [listeners]);
}

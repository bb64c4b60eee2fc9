import { useCallback, useEffect, useRef, useState } from 'react';
import { AnyVariables, CombinedError, TypedDocumentNode, useClient } from 'urql';

export interface PageOf<N> {
  nodes: N[];
  hasNextPage: boolean;
  endCursor: string | null;
}

// "Show more" under a list read as a Relay connection: the first page comes from the screen's
// own useQuery (cached, refetched by it); the pages after it are fetched here on demand and
// appended. They are dropped whenever the first page changes (a refetch), so the list never
// mixes two moments, and a page that arrives after such a change is ignored.
export function useMorePages<Data, Variables extends AnyVariables, N>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  first: PageOf<N> | null,
  pageOf: (data: Data) => PageOf<N>,
): {
  nodes: N[];
  hasNextPage: boolean;
  loading: boolean;
  error: CombinedError | null;
  showMore: () => void;
} {
  const client = useClient();
  const [more, setMore] = useState<PageOf<N>[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const generation = useRef(0);
  useEffect(() => {
    generation.current += 1;
    setMore([]);
    setLoading(false);
    setError(null);
  }, [first]);

  const last = more.length > 0 ? more[more.length - 1] : first;
  const showMore = useCallback(() => {
    if (!last?.hasNextPage || !last.endCursor || loading) return;
    const mine = generation.current;
    setLoading(true);
    setError(null);
    void client
      .query(query, { ...variables, after: last.endCursor }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (mine !== generation.current) return;
        setLoading(false);
        if (result.error || !result.data) setError(result.error ?? null);
        else setMore((pages) => [...pages, pageOf(result.data!)]);
      });
  }, [client, query, variables, last, loading, pageOf]);

  return {
    nodes: [...(first?.nodes ?? []), ...more.flatMap((p) => p.nodes)],
    hasNextPage: last?.hasNextPage ?? false,
    loading,
    error,
    showMore,
  };
}

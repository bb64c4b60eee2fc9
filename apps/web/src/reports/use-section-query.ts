import { RefCallback, useRef } from 'react';
import { AnyVariables, TypedDocumentNode, useQuery, UseQueryState } from 'urql';
import { useLastData } from './report-section';
import { useNearViewport } from './use-near-viewport';

// A report section's query, run for what someone can see: it waits until the section first
// comes near the viewport, and then follows the filters while the section stays near. A section
// scrolled away keeps its last figures (marked busy: they are for other filters) and catches up
// when it comes back, so a filter change costs the database only the reports in view (on a
// million requests each report is a second's work, and five at once share two cores).
export function useSectionQuery<Data, Variables extends AnyVariables>({
  query,
  variables,
  pause,
  eager = false,
}: {
  query: TypedDocumentNode<Data, Variables>;
  variables: Variables;
  // The page is not ready to ask yet (the organisation's time zone for the dates).
  pause: boolean;
  // The first report on the page: near from the start, before the first observation.
  eager?: boolean;
}): {
  sectionRef: RefCallback<HTMLElement>;
  result: UseQueryState<Data, Variables>;
  data: Data | undefined;
  busy: boolean;
} {
  const [sectionRef, near] = useNearViewport<HTMLElement>(eager);
  const wanted = JSON.stringify(variables);
  // The variables last asked for while near (render-time, like useLastData: no extra render).
  const asked = useRef<{ key: string; variables: Variables } | null>(null);
  if (near && !pause && asked.current?.key !== wanted) asked.current = { key: wanted, variables };
  const [result] = useQuery<Data, Variables>({
    query,
    variables: (asked.current?.variables ?? variables) as Variables,
    pause: !asked.current,
  } as Parameters<typeof useQuery<Data, Variables>>[0]);
  const data = useLastData(result.data);
  const busy = result.fetching || !asked.current || asked.current.key !== wanted;
  return { sectionRef, result, data, busy };
}

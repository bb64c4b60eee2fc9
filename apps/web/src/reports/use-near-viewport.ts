import { RefCallback, useCallback, useEffect, useState } from 'react';

// How far outside the viewport a section starts loading: a little ahead of the scroll, so its
// figures are usually in by the time it shows.
export const NEAR_VIEWPORT_MARGIN = '120px 0px';

// Whether an element has come near the viewport (within NEAR_VIEWPORT_MARGIN) at least once:
// the reports below the first screen pause their query until then, and stay live after (filter
// changes refetch them, scrolled away or not). `eager` is true from the start (the first
// report); so is every element where IntersectionObserver is missing.
export function useNearViewport<T extends Element>(eager = false): [RefCallback<T>, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [near, setNear] = useState(() => eager || typeof IntersectionObserver === 'undefined');
  const ref = useCallback((el: T | null) => setElement(el), []);
  useEffect(() => {
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, near]);
  return [ref, near];
}

import { RefCallback, useCallback, useEffect, useState } from 'react';
import { useCoveredTop } from './covered-top';

// How far below the viewport a section counts as near: a little ahead of the scroll down, so its
// figures are usually in by the time it shows. Not above: what has scrolled up (or lies under
// the sticky filters, the covered top) is out of sight and need not follow the filters.
export const NEAR_VIEWPORT_AHEAD = 120;

// Whether an element is near the viewport (in it below the covered top, or NEAR_VIEWPORT_AHEAD
// below it) now, followed as the
// page scrolls. `eager` is the answer before the first observation (the first report: true);
// where IntersectionObserver is missing, every element is near.
export function useNearViewport<T extends Element>(eager = false): [RefCallback<T>, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [near, setNear] = useState(() => eager || typeof IntersectionObserver === 'undefined');
  const ref = useCallback((el: T | null) => setElement(el), []);
  const coveredTop = useCoveredTop();
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const latest = entries[entries.length - 1];
        if (latest) setNear(latest.isIntersecting);
      },
      { rootMargin: `-${coveredTop}px 0px ${NEAR_VIEWPORT_AHEAD}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, coveredTop]);
  return [ref, near];
}

import { createContext, RefCallback, useCallback, useContext, useEffect, useState } from 'react';

// How many CSS pixels at the top of the viewport the sticky report filters cover: what lies
// under them is not in view (for the sections' queries), and keyboard focus moving up the page
// scrolls clear of them, so a focused link is never hidden behind the filters. (Not
// scroll-padding: it would also scroll the page whenever the filters themselves took focus.)
export const CoveredTop = createContext(0);

export function useCoveredTop(): number {
  return useContext(CoveredTop);
}

// Measures the element while it is sticky (position: sticky at the top; 0 when the layout
// lets it scroll away), and keeps focus elsewhere on the page out from under it.
export function useStickyHeight<T extends HTMLElement>(): [RefCallback<T>, number] {
  const [element, setElement] = useState<T | null>(null);
  const [height, setHeight] = useState(0);
  const ref = useCallback((el: T | null) => setElement(el), []);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () =>
      setHeight(
        getComputedStyle(element).position === 'sticky'
          ? Math.ceil(element.getBoundingClientRect().height)
          : 0,
      );
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [element]);
  useEffect(() => {
    if (!element || !height) return;
    // Keyboard focus only (a click's focus must not move what is being clicked), once the
    // browser has scrolled the element into view: if it sits under the filters, move it clear.
    const clear = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof Element) || element.contains(target)) return;
      if (!target.matches(':focus-visible')) return;
      requestAnimationFrame(() => {
        const { top, bottom } = target.getBoundingClientRect();
        if (top < height && bottom > 0 && bottom - top < window.innerHeight - height)
          window.scrollBy({ top: top - height - 8 });
      });
    };
    document.addEventListener('focusin', clear);
    return () => document.removeEventListener('focusin', clear);
  }, [element, height]);
  return [ref, height];
}

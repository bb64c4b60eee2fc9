import fc from 'fast-check';
import { suppressedGroups } from './small-group-suppression';

describe('suppressedGroups (k-anonymity of survey results)', () => {
  it('hides groups below k and keeps the others', () => {
    const hidden = suppressedGroups(
      9,
      [
        { key: 'A', answers: 3 },
        { key: 'B', answers: 3 },
        { key: 'C', answers: 3 },
      ],
      3,
    );
    expect([...hidden]).toEqual([]);
  });

  it('hides the smallest shown cell too when one hidden cell could be derived from the total', () => {
    const hidden = suppressedGroups(
      10,
      [
        { key: 'A', answers: 5 },
        { key: 'B', answers: 4 },
        { key: 'C', answers: 1 },
      ],
      3,
    );
    expect([...hidden].sort()).toEqual(['B', 'C']);
  });

  it('hides every cell when the total itself is below k', () => {
    const hidden = suppressedGroups(2, [{ key: 'A', answers: 2 }], 3);
    expect([...hidden]).toEqual(['A']);
  });

  it('never lets "total minus shown cells" describe fewer than k answers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
        (k, counts) => {
          const cells = counts.map((answers, i) => ({ key: `c${i}`, answers }));
          const total = counts.reduce((a, b) => a + b, 0);
          const hidden = suppressedGroups(total, cells, k);
          const shown = cells.filter((c) => !hidden.has(c.key));
          const hiddenSum = total - shown.reduce((n, c) => n + c.answers, 0);
          expect(shown.every((c) => c.answers >= k)).toBe(true);
          if (total >= k) expect(hiddenSum === 0 || hiddenSum >= k).toBe(true);
          else expect(shown).toHaveLength(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

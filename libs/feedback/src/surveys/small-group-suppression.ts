// k-anonymity for survey results. A group with fewer than k answers is never shown. When a
// supplier's total is shown beside its per-customer cells, the hidden cells could be worked out
// as "total minus the shown cells"; so while the hidden cells hold between 1 and k-1 answers
// together, the smallest shown cell is hidden too (complementary suppression).
export interface GroupCount {
  key: string;
  answers: number;
}

export function suppressedGroups(total: number, cells: GroupCount[], k: number): Set<string> {
  const hidden = new Set(cells.filter((c) => c.answers < k).map((c) => c.key));
  if (total < k) return new Set(cells.map((c) => c.key));
  const shown = cells
    .filter((c) => !hidden.has(c.key))
    .sort((a, b) => a.answers - b.answers || a.key.localeCompare(b.key));
  let hiddenAnswers = cells.filter((c) => hidden.has(c.key)).reduce((n, c) => n + c.answers, 0);
  while (hiddenAnswers > 0 && hiddenAnswers < k && shown.length > 0) {
    const next = shown.shift()!;
    hidden.add(next.key);
    hiddenAnswers += next.answers;
  }
  return hidden;
}

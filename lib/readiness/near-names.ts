// Which existing names are nearest to one that does not exist: edit distance over the longer
// length, with a bonus for shared words (`eas`, `oss`, `reader`), so a typo and a sibling both rank.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));

function nearness(target: string, name: string): number {
  const a = target.toLowerCase();
  const b = name.toLowerCase();
  const edit = 1 - distance(a, b) / Math.max(a.length, b.length, 1);
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length / Math.max(wa.size, wb.size, 1);
  return edit + shared;
}

/** The `limit` names nearest to `target`, nearest first; ties keep the input order. */
export function nearNames(target: string, names: readonly string[], limit: number): string[] {
  return names
    .map((name, i) => ({ name, i, score: nearness(target, name) }))
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, limit)
    .map((x) => x.name);
}

// `*` = any run of characters (including none), `?` = exactly one character (one UTF-16 unit),
// as in RAM's Action, Resource and StringLike values. Everything else is literal.
// No RegExp is ever built from a pattern: a backtracking engine takes exponential time on
// patterns such as `*a*a*a*a?X`, and patterns come from documents anyone with a policy can write.

export type StringMatcher = (value: string) => boolean;

export function hasWildcard(pattern: string): boolean {
  return pattern.includes("*") || pattern.includes("?");
}

/** A `*`-only glob: literal head and tail, then the middle pieces leftmost-first, with indexOf. */
function starMatcher(pattern: string): StringMatcher {
  const pieces = pattern.split("*");
  const head = pieces[0];
  const tail = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  const min = head.length + tail.length;
  return (v) => {
    if (v.length < min || !v.startsWith(head) || !v.endsWith(tail)) return false;
    let at = head.length;
    const end = v.length - tail.length;
    for (let i = 0; i < middle.length; i++) {
      const found = v.indexOf(middle[i], at);
      if (found < 0 || found + middle[i].length > end) return false;
      at = found + middle[i].length;
    }
    return true;
  };
}

const STAR = 42; // "*"
const ANY = 63; // "?"
const bit = (i: number) => 1 << (i & 31);

/** Does `piece` (literal characters and `?`, no `*`) match `v` at `i`? */
function pieceAt(piece: string, v: string, i: number): boolean {
  if (i < 0 || i + piece.length > v.length) return false;
  for (let k = 0; k < piece.length; k++) {
    const c = piece.charCodeAt(k);
    if (c !== ANY && c !== v.charCodeAt(i + k)) return false;
  }
  return true;
}

interface Entry {
  head: string;
  tail: string;
  start: number;
  final: number;
}

/**
 * Every pattern holding `?` (and at least one `*`), as one bit-parallel automaton (Shift-And,
 * with `*` as a state that loops on any character). A pattern's text before its first `*` and
 * after its last one is checked directly against the value's ends; only the part between, from
 * the first `*` to the last, becomes states: a start bit and one bit per character that is not
 * `*`. Its final state is the last `*`, which loops, so once reached it stays set: the pattern
 * matches if it is reached before the tail's place. Each pattern's start bit is set where its
 * head ends, and its final bit is watched until its tail begins. Reading one character costs
 * one pass over the words of live state, so a match costs at most value length × (pattern
 * characters / 32) word operations, whatever the patterns: nothing backtracks.
 */
function automatonMatcher(patterns: readonly string[]): StringMatcher {
  const places = new Map<number, number[]>();
  const loops: number[] = [];
  const anys: number[] = [];
  const entries: Entry[] = [];
  const whole: string[] = [];
  let n = 0;
  for (const p of patterns) {
    const first = p.indexOf("*");
    if (first < 0) {
      whole.push(p);
      continue;
    }
    const last = p.lastIndexOf("*");
    const start = n++;
    let state = start;
    for (let i = first; i <= last; i++) {
      const c = p.charCodeAt(i);
      if (c === STAR) {
        loops.push(state);
        continue;
      }
      state = n++;
      if (c === ANY) anys.push(state);
      else {
        const list = places.get(c);
        if (list) list.push(state);
        else places.set(c, [state]);
      }
    }
    entries.push({ head: p.slice(0, first), tail: p.slice(last + 1), start, final: state });
  }
  const words = (n + 31) >>> 5;
  const maskOf = (bits: Iterable<number>, base?: Uint32Array) => {
    const m = base ? base.slice() : new Uint32Array(words);
    for (const i of bits) m[i >>> 5] |= bit(i);
    return m;
  };
  const loop = maskOf(loops);
  const any = maskOf(anys);
  // The accepting mask of a character: its places, and every `?`. A character found at fewer
  // places than there are words keeps the list instead, so the masks stay as small as the patterns.
  const dense = new Map<number, Uint32Array>();
  const sparse = new Map<number, number[]>();
  let most = 0;
  for (const [c, list] of places) {
    if (list.length >= words) dense.set(c, maskOf(list, any));
    else {
      sparse.set(c, list);
      most = Math.max(most, list.length);
    }
  }
  // Starts in the order of their heads' ends; watches closed in the order of their tails' starts.
  const byHead = [...entries].sort((x, y) => x.head.length - y.head.length);
  const byTail = [...entries].sort((x, y) => y.tail.length - x.tail.length);
  const state = new Uint32Array(words);
  const watch = new Uint32Array(words);
  const live = new Uint8Array(entries.length);
  const index = new Map(entries.map((e, i) => [e, i]));
  const hits = new Int32Array(most);

  const run = (v: string): boolean => {
    const length = v.length;
    let pending = 0;
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      const fits = length >= e.head.length + e.tail.length && pieceAt(e.head, v, 0) && pieceAt(e.tail, v, length - e.tail.length);
      // A pattern with one `*` (or only `*` between head and tail) matches once its ends fit.
      if (fits && e.start === e.final) return true;
      live[k] = fits ? 1 : 0;
      pending += live[k];
    }
    if (pending === 0) return false;
    state.fill(0);
    watch.fill(0);
    let lo = words;
    let hi = -1;
    let nextStart = 0;
    let nextClose = 0;
    let watching = 0;
    for (let j = 0; ; j++) {
      while (nextStart < byHead.length && byHead[nextStart].head.length <= j) {
        const e = byHead[nextStart++];
        if (!live[index.get(e)!]) continue;
        state[e.start >>> 5] |= bit(e.start);
        watch[e.final >>> 5] |= bit(e.final);
        lo = Math.min(lo, e.start >>> 5);
        hi = Math.max(hi, e.start >>> 5);
        pending--;
        watching++;
      }
      // A final bit still clear where its tail begins can no longer be reached in time.
      while (nextClose < byTail.length && length - byTail[nextClose].tail.length <= j) {
        const e = byTail[nextClose++];
        if (!live[index.get(e)!]) continue;
        live[index.get(e)!] = 0;
        if (watch[e.final >>> 5] & bit(e.final)) {
          watch[e.final >>> 5] &= ~bit(e.final);
          watching--;
        }
      }
      if (watching === 0 && pending === 0) return false;
      if (j >= length) return false;
      if (hi < 0) {
        // Nothing live: go straight to the next head's end.
        if (pending === 0) return false;
        j = byHead[nextStart].head.length - 1;
        continue;
      }
      const c = v.charCodeAt(j);
      const m = dense.get(c);
      const at = m ? undefined : sparse.get(c);
      const accept = m ?? any;
      // Sparse places first, from the state before this character: place i follows bit i - 1.
      let found = 0;
      if (at) {
        for (let k = 0; k < at.length; k++) {
          const i = at[k] - 1;
          if (state[i >>> 5] & bit(i)) hits[found++] = i + 1;
        }
      }
      const top = Math.min(hi + 1, words - 1);
      let carry = lo > 0 ? state[lo - 1] >>> 31 : 0;
      let nextLo = words;
      let nextHi = -1;
      for (let w = lo; w <= top; w++) {
        const d = state[w];
        const next = ((((d << 1) | carry) & accept[w]) | (d & loop[w])) >>> 0;
        if (next & watch[w]) return true;
        carry = d >>> 31;
        state[w] = next;
        if (next !== 0) {
          if (nextLo > w) nextLo = w;
          nextHi = w;
        }
      }
      for (let k = 0; k < found; k++) {
        const i = hits[k];
        state[i >>> 5] |= bit(i);
        if (watch[i >>> 5] & bit(i)) return true;
        if (nextLo > i >>> 5) nextLo = i >>> 5;
        if (nextHi < i >>> 5) nextHi = i >>> 5;
      }
      lo = nextLo;
      hi = nextHi;
    }
  };
  return (v) => {
    for (let i = 0; i < whole.length; i++) if (v.length === whole[i].length && pieceAt(whole[i], v, 0)) return true;
    return entries.length > 0 && run(v);
  };
}

const MAX_COVER_CELLS = 250_000;
const never: StringMatcher = () => false;
const always: StringMatcher = () => true;

/**
 * Compiles patterns into one matcher, fastest form first: exact values go into a Set,
 * `prefix*` patterns into a prefix list, `*`-only patterns into indexOf scans, and the
 * patterns holding `?` into one automaton.
 * With `ignoreCase`, callers must pass the value already lower-cased.
 */
export function compileGlobs(patterns: readonly string[], ignoreCase: boolean): StringMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const globs: StringMatcher[] = [];
  const questions = new Set<string>();
  for (const raw of patterns) {
    const p = ignoreCase ? raw.toLowerCase() : raw;
    if (p === "*") return always;
    if (!hasWildcard(p)) exact.add(p);
    else if (p.endsWith("*") && !hasWildcard(p.slice(0, -1))) prefixes.push(p.slice(0, -1));
    else if (!p.includes("?")) globs.push(starMatcher(p));
    else questions.add(p);
  }
  if (questions.size > 0) globs.push(automatonMatcher([...questions]));
  if (prefixes.length === 0 && globs.length === 0) {
    if (exact.size === 0) return never;
    if (exact.size === 1) {
      const [only] = exact;
      return (v) => v === only;
    }
    return (v) => exact.has(v);
  }
  return (v) => {
    if (exact.has(v)) return true;
    for (let i = 0; i < prefixes.length; i++) if (v.startsWith(prefixes[i])) return true;
    for (let i = 0; i < globs.length; i++) if (globs[i](v)) return true;
    return false;
  };
}

/** Does the glob `outer` match every string the glob `inner` matches? Sound, and exact for these globs. */
export function globCovers(outer: string, inner: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? outer.toLowerCase() : outer;
  const q = ignoreCase ? inner.toLowerCase() : inner;
  if (p === "*" || p === q) return true;
  if (!hasWildcard(q)) return compileGlobs([p], false)(q);
  // Past this size answer "not covered": every caller treats that as the cautious answer.
  if ((p.length + 1) * (q.length + 1) > MAX_COVER_CELLS) return false;
  // next[j] / row[j]: can p[i+1..] / p[i..] cover q[j..]? An outer `*` absorbs any inner run,
  // inner wildcards included; an outer `?` one inner character or `?`; a literal only itself.
  let next = new Uint8Array(q.length + 1);
  next[q.length] = 1;
  for (let i = p.length - 1; i >= 0; i--) {
    const row = new Uint8Array(q.length + 1);
    const pc = p[i];
    for (let j = q.length; j >= 0; j--) {
      if (pc === "*") row[j] = next[j] || (j < q.length ? row[j + 1] : 0);
      else if (j === q.length) row[j] = 0;
      else if (pc === "?") row[j] = q[j] !== "*" ? next[j + 1] : 0;
      else row[j] = q[j] === pc ? next[j + 1] : 0;
    }
    next = row;
  }
  return next[0] === 1;
}

/** Action patterns ignore case (RAM: "in most cases not case-sensitive"). */
export function actionMatches(pattern: string, action: string): boolean {
  return compileGlobs([pattern], true)(action.toLowerCase());
}

/** Resource patterns are case-sensitive. */
export function resourceMatches(pattern: string, resource: string): boolean {
  return compileGlobs([pattern], false)(resource);
}

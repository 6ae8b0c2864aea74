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

/**
 * Every pattern holding `?`, as one bit-parallel automaton (Shift-And, with `*` as a state that
 * loops on any character). Each pattern gets a start bit and one bit per character that is not
 * `*`; a bit is set while the value read so far can stop at that point of its pattern. Reading
 * one character costs one pass over the words of live state, so a match costs at most
 * value length × (pattern characters / 32) word operations, whatever the patterns: nothing
 * backtracks. A pattern starts only if its text before the first `*` and after the last one fit
 * the value's ends, which are checked directly.
 */
function automatonMatcher(patterns: readonly string[]): StringMatcher {
  const places = new Map<number, number[]>();
  const loops: number[] = [];
  const anys: number[] = [];
  const finals: number[] = [];
  const entries: { start: number; head: string; tail: string }[] = [];
  const whole: string[] = [];
  let n = 0;
  for (const p of patterns) {
    const first = p.indexOf("*");
    if (first < 0) {
      whole.push(p);
      continue;
    }
    entries.push({ start: n, head: p.slice(0, first), tail: p.slice(p.lastIndexOf("*") + 1) });
    let state = n++;
    for (let i = 0; i < p.length; i++) {
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
    finals.push(state);
  }
  const words = (n + 31) >>> 5;
  const maskOf = (bits: Iterable<number>, base?: Uint32Array) => {
    const m = base ? base.slice() : new Uint32Array(words);
    for (const i of bits) m[i >>> 5] |= bit(i);
    return m;
  };
  const loop = maskOf(loops);
  const final = maskOf(finals);
  const any = maskOf(anys);
  // A final state that loops stays set to the end: the value matches as soon as it is reached.
  const settled = maskOf(finals.filter((f) => loops.includes(f)));
  const settledWords = [...new Set(finals.filter((f) => loops.includes(f)).map((f) => f >>> 5))];
  // The accepting mask of a character: its places, and every `?`. A character found at fewer
  // places than there are words keeps the list instead, so the masks stay as small as the patterns.
  const dense = new Map<number, Uint32Array>();
  const sparse = new Map<number, Int32Array>();
  let most = 0;
  for (const [c, list] of places) {
    if (list.length >= words) dense.set(c, maskOf(list, any));
    else {
      sparse.set(c, Int32Array.from(list));
      most = Math.max(most, list.length);
    }
  }
  const state = new Uint32Array(words);
  const hits = new Int32Array(most);

  const run = (v: string): boolean => {
    state.fill(0);
    let lo = words;
    let hi = -1;
    for (const e of entries) {
      if (v.length < e.head.length + e.tail.length || !pieceAt(e.head, v, 0) || !pieceAt(e.tail, v, v.length - e.tail.length)) continue;
      state[e.start >>> 5] |= bit(e.start);
      lo = Math.min(lo, e.start >>> 5);
      hi = Math.max(hi, e.start >>> 5);
    }
    if (hi < 0) return false;
    for (let j = 0; j < v.length; j++) {
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
        if (nextLo > i >>> 5) nextLo = i >>> 5;
        if (nextHi < i >>> 5) nextHi = i >>> 5;
      }
      if (nextHi < 0) return false;
      lo = nextLo;
      hi = nextHi;
      for (let k = 0; k < settledWords.length; k++) if (state[settledWords[k]] & settled[settledWords[k]]) return true;
    }
    for (let w = lo; w <= hi; w++) if (state[w] & final[w]) return true;
    return false;
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

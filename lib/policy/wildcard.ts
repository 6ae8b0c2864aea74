// `*` = any run of characters (including none), `?` = exactly one character (one UTF-16 unit),
// as in RAM's Action, Resource and StringLike values. Everything else is literal.
// No RegExp is ever built from a pattern: a backtracking engine takes exponential time on
// patterns such as `*a*a*a*a?X`, and patterns come from documents anyone with a policy can write.

export type StringMatcher = (value: string) => boolean;

export function hasWildcard(pattern: string): boolean {
  return pattern.includes("*") || pattern.includes("?");
}

const ANY = 63; // "?"

/**
 * A `*`-free piece of a pattern (literal characters and `?`), which has a fixed length.
 * `at` tests it at one position; `find` gives the leftmost start in `v[from, to)`, or -1.
 */
interface Piece {
  length: number;
  at(v: string, i: number): boolean;
  find(v: string, from: number, to: number): number;
}

function literalPiece(text: string): Piece {
  return {
    length: text.length,
    at: (v, i) => v.startsWith(text, i),
    find: (v, from, to) => {
      const found = v.indexOf(text, from);
      return found >= 0 && found + text.length <= to ? found : -1;
    },
  };
}

/**
 * A piece with `?` in it. `find` runs the bit-parallel Shift-And automaton: one pass over the
 * value, one word operation per 32 pattern characters per value character, so it never
 * backtracks, whatever the pattern (a backtracking search is quadratic on `aaa…a?b`).
 */
function maskedPiece(text: string): Piece {
  const length = text.length;
  if (!/[^?]/.test(text)) return { length, at: (v, i) => i + length <= v.length, find: (_v, from, to) => (from + length <= to ? from : -1) };
  const words = (length + 31) >>> 5;
  // Bit i of a character's mask: pattern position i accepts that character (it is that character, or `?`).
  const any = new Uint32Array(words);
  const positions = new Map<number, number[]>();
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === ANY) any[i >>> 5] |= 1 << (i & 31);
    else {
      const list = positions.get(c);
      if (list) list.push(i);
      else positions.set(c, [i]);
    }
  }
  // Built on first use: a value meets few of the pattern's characters, and most values are short.
  const masks = new Map<number, Uint32Array>();
  const maskOf = (c: number): Uint32Array => {
    let mask = masks.get(c);
    if (mask) return mask;
    const list = positions.get(c);
    if (!list) return any;
    mask = any.slice();
    for (const i of list) mask[i >>> 5] |= 1 << (i & 31);
    masks.set(c, mask);
    return mask;
  };
  const state = new Uint32Array(words);
  const lastWord = (length - 1) >>> 5;
  const lastBit = 1 << ((length - 1) & 31);
  return {
    length,
    at: (v, i) => {
      if (i + length > v.length) return false;
      for (let k = 0; k < length; k++) {
        const c = text.charCodeAt(k);
        if (c !== ANY && c !== v.charCodeAt(i + k)) return false;
      }
      return true;
    },
    find: (v, from, to) => {
      state.fill(0);
      for (let j = from; j < to; j++) {
        const mask = maskOf(v.charCodeAt(j));
        // Shift the state one position (a new match may start at j) and keep what this character allows.
        let carry = 1;
        for (let w = 0; w < words; w++) {
          const d = state[w];
          state[w] = ((d << 1) | carry) & mask[w];
          carry = d >>> 31;
        }
        if (state[lastWord] & lastBit) return j - length + 1;
      }
      return -1;
    },
  };
}

const pieceOf = (text: string): Piece => (text.includes("?") ? maskedPiece(text) : literalPiece(text));

/**
 * Any glob, without RegExp: the head is tested at the start, the tail at the end, and each
 * middle piece at its leftmost place after the one before. Pieces have fixed lengths, so the
 * leftmost place never loses a match a later one would find, and no choice is revisited:
 * each value character is read once per piece, and a piece reads 32 pattern characters at a time.
 */
function globMatcher(pattern: string): StringMatcher {
  const texts = pattern.split("*");
  if (texts.length === 1) {
    const whole = pieceOf(pattern);
    return (v) => v.length === whole.length && whole.at(v, 0);
  }
  const head = pieceOf(texts[0]);
  const tail = pieceOf(texts[texts.length - 1]);
  const middle = texts.slice(1, -1).filter((t) => t !== "").map(pieceOf);
  const min = head.length + tail.length;
  return (v) => {
    if (v.length < min || !head.at(v, 0) || !tail.at(v, v.length - tail.length)) return false;
    let at = head.length;
    const end = v.length - tail.length;
    for (let i = 0; i < middle.length; i++) {
      const found = middle[i].find(v, at, end);
      if (found < 0) return false;
      at = found + middle[i].length;
    }
    return true;
  };
}

const MAX_COVER_CELLS = 250_000;
const never: StringMatcher = () => false;
const always: StringMatcher = () => true;

/**
 * Compiles patterns into one matcher, fastest form first: exact values go into a Set,
 * `prefix*` patterns into a prefix list, the rest into piece matchers (see globMatcher).
 * With `ignoreCase`, callers must pass the value already lower-cased.
 */
export function compileGlobs(patterns: readonly string[], ignoreCase: boolean): StringMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const globs: StringMatcher[] = [];
  for (const raw of patterns) {
    const p = ignoreCase ? raw.toLowerCase() : raw;
    if (p === "*") return always;
    if (!hasWildcard(p)) exact.add(p);
    else if (p.endsWith("*") && !hasWildcard(p.slice(0, -1))) prefixes.push(p.slice(0, -1));
    else globs.push(globMatcher(p));
  }
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

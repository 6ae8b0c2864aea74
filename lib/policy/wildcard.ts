// `*` = any run of characters (including none), `?` = exactly one character, as in RAM's
// Action, Resource and StringLike values. Everything else is literal.

export type StringMatcher = (value: string) => boolean;

export function hasWildcard(pattern: string): boolean {
  return pattern.includes("*") || pattern.includes("?");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
}

export function globSource(pattern: string): string {
  let out = "";
  for (const part of pattern.split(/([*?])/)) {
    if (part === "*") out += "[\\s\\S]*";
    else if (part === "?") out += "[\\s\\S]";
    else out += escapeRegExp(part);
  }
  return out;
}

const MAX_COVER_CELLS = 250_000;

/** A `*`-only glob without RegExp: literal head and tail, then the middle pieces leftmost-first. */
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
const never: StringMatcher = () => false;
const always: StringMatcher = () => true;

/**
 * Compiles patterns into one matcher, fastest form first: exact values go into a Set,
 * `prefix*` patterns into a prefix list, the rest into one RegExp alternation.
 * With `ignoreCase`, callers must pass the value already lower-cased.
 */
export function compileGlobs(patterns: readonly string[], ignoreCase: boolean): StringMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const stars: StringMatcher[] = [];
  const sources: string[] = [];
  for (const raw of patterns) {
    const p = ignoreCase ? raw.toLowerCase() : raw;
    if (p === "*") return always;
    if (!hasWildcard(p)) exact.add(p);
    else if (p.endsWith("*") && !hasWildcard(p.slice(0, -1))) prefixes.push(p.slice(0, -1));
    else if (!p.includes("?")) stars.push(starMatcher(p));
    else sources.push(globSource(p));
  }
  const re = sources.length > 0 ? new RegExp(`^(?:${sources.join("|")})$`) : undefined;
  if (!re && prefixes.length === 0 && stars.length === 0) {
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
    for (let i = 0; i < stars.length; i++) if (stars[i](v)) return true;
    return re !== undefined && re.test(v);
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

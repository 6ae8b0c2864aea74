// Which lines of a pretty-printed service config hold the fields that decide the RAM role.

const RAM_FIELDS = ["options.enable_ram_role", "role_arn", "credential.role_arn", "metadata.workspace_id"] as const;

/** Line index (0-based) → the dotted path of the RAM field on it, for JSON printed with JSON.stringify(x, null, n). */
export function ramFieldLines(prettyJson: string): Map<number, string> {
  const wanted = new Set<string>(RAM_FIELDS);
  const out = new Map<number, string>();
  const stack: string[] = [];
  prettyJson.split("\n").forEach((line, i) => {
    const trimmed = line.trim();
    const keyed = /^"((?:[^"\\]|\\.)*)":\s*(.*)$/.exec(trimmed);
    if (keyed) {
      const [, key, rest] = keyed;
      const path = [...stack, key].join(".");
      if (wanted.has(path)) out.set(i, path);
      if (rest === "{" || rest === "[") stack.push(key);
      return;
    }
    if (trimmed === "{" || trimmed === "[") {
      if (i > 0) stack.push("[]");
      return;
    }
    if (/^[}\]],?$/.test(trimmed)) stack.pop();
  });
  return out;
}

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Compiles each Python source with one `python3 -m py_compile`; returns its stderr ("" when all compile). */
export function pyCompileErrors(...sources: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rolescope-py-"));
  const files = sources.map((source, i) => {
    const file = path.join(dir, `snippet_${i}.py`);
    writeFileSync(file, source);
    return file;
  });
  const r = spawnSync("python3", ["-m", "py_compile", ...files], { encoding: "utf8", env: { ...process.env, PYTHONPYCACHEPREFIX: dir } });
  if (r.error) throw r.error;
  return r.status === 0 ? "" : r.stderr || `python3 exited ${r.status}`;
}

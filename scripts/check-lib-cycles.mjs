// `npm run lint` fails when two folders of lib/ import each other, directly or around a longer
// loop. A top-level file (lib/env.ts) counts as a folder of its own. Imports are read and
// resolved by TypeScript itself (tsconfig paths included), type-only ones too: a type that
// points the wrong way is the first step of a cycle. Tests are left out, they sit on top.
//   node scripts/check-lib-cycles.mjs [root]
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

function compilerOptions(root) {
  const configPath = path.join(root, "tsconfig.json");
  if (!fs.existsSync(configPath)) return { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext };
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, root).options;
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** The node a file of lib/ belongs to: its first folder, or its own name for a top-level file. */
function nodeOf(lib, file) {
  const parts = path.relative(lib, file).split(path.sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.tsx?$/, "");
}

/** Edges between lib/ folders, each with one import that makes it, e.g. "lib/db/types.ts: ../request-workflow". */
export function libGraph(root) {
  const lib = path.join(root, "lib");
  const options = compilerOptions(root);
  const edges = new Map();
  for (const file of sourceFiles(lib)) {
    const from = nodeOf(lib, file);
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = path.resolve(resolved.resolvedFileName);
      if (!target.startsWith(lib + path.sep)) continue;
      const to = nodeOf(lib, target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${path.relative(root, file)}: ${spec}`);
    }
  }
  return edges;
}

/** Strongly connected components of more than one node (Tarjan), each sorted by name. */
export function cycles(edges) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** What lint prints: each cycle and the imports inside it, or nothing. */
export function report(root) {
  const edges = libGraph(root);
  return cycles(edges).map((component) => {
    const lines = [`Import cycle between lib/ folders: ${component.join(", ")}`];
    for (const from of component)
      for (const [to, example] of edges.get(from) ?? []) if (component.includes(to)) lines.push(`  ${from} → ${to}  (${example})`);
    return lines.join("\n");
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const found = report(path.resolve(process.argv[2] ?? "."));
  if (found.length > 0) {
    console.error(found.join("\n\n"));
    console.error("\nEach lib/ folder imports only folders below it (README, Layout): move the type or function to the folder that owns it.");
    process.exit(1);
  }
}

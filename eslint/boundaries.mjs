import fs from "node:fs";
import path from "node:path";

// Two boundaries no-restricted-imports cannot state, because they depend on what the imported
// module is rather than on its name: a pure module reaches no server-only module, directly or
// through another, and a module that touches the store, the credentials or the environment
// opens with `import "server-only"` so that a client component importing it fails the build.

const ROOT = path.resolve(import.meta.dirname, "..");
const HEAD = /^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/\s*\n)*\s*import "server-only";/;
const IMPORTS = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']/g;
/** Packages that only run on the server. */
const SERVER_PACKAGES = ["server-only", "better-sqlite3", "pg", "@alicloud/credentials", "next/headers", "next/cache"];
/** What makes a module touch the store, the credentials or the environment wherever it lives. */
const TOUCHES = [/from "better-sqlite3"/, /from "@alicloud\/credentials"/, /from "pg"/, /from "(\.\.?\/)+db(\/index)?"/, /\bgetStores\(/, /\bgetCloud\(/, /\bgetEnv\(/];

function resolve(spec, fromFile) {
  let base;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(fromFile), spec);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function importsOf(source) {
  // Type-only imports vanish at build time and cannot bring server code along.
  const code = source.replace(/(?:import|export)\s+type\s[^;]*;/g, "");
  return [...code.matchAll(IMPORTS)].map((m) => m[1] ?? m[2]);
}

// One lint run reads each module once.
const serverPathCache = new Map();

/** The chain of imports from `file` to a server-only module, or undefined when there is none. */
function serverPath(file, seen = new Set()) {
  if (serverPathCache.has(file)) return serverPathCache.get(file);
  if (seen.has(file)) return undefined;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  let found;
  if (HEAD.test(source)) found = [];
  else {
    for (const spec of importsOf(source)) {
      if (SERVER_PACKAGES.includes(spec)) {
        found = [spec];
        break;
      }
      const target = resolve(spec, file);
      const via = target && serverPath(target, seen);
      if (via) {
        found = [path.relative(ROOT, target), ...via];
        break;
      }
    }
  }
  serverPathCache.set(file, found);
  return found;
}

const noServerImports = {
  meta: {
    type: "problem",
    docs: { description: "A pure module imports nothing that is server-only, directly or through another module." },
    schema: [],
  },
  create(context) {
    function check(node) {
      if (node.importKind === "type" || node.exportKind === "type" || !node.source) return;
      const spec = node.source.value;
      if (SERVER_PACKAGES.includes(spec)) {
        context.report({ node, message: `A pure module may not import ${spec}: it runs on the server only.` });
        return;
      }
      const target = resolve(spec, context.filename);
      const via = target && serverPath(target);
      if (via) context.report({ node, message: `A pure module may not import server-only code: ${[spec, ...via].join(" → ")}.` });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const serverOnlyFirst = {
  meta: {
    type: "problem",
    docs: { description: 'A module that touches the store, the credentials or the environment opens with import "server-only".' },
    schema: [{ type: "object", properties: { always: { type: "boolean" } }, additionalProperties: false }],
  },
  create(context) {
    return {
      Program(node) {
        const source = context.sourceCode.getText();
        const always = context.options[0]?.always === true;
        if (!always && !TOUCHES.some((re) => re.test(source))) return;
        if (HEAD.test(source)) return;
        context.report({
          node,
          message: always
            ? 'Every module of this folder holds credentials or reaches the store: open it with import "server-only".'
            : 'This module touches the store, the credentials or the environment: open it with import "server-only".',
        });
      },
    };
  },
};

const boundaries = { rules: { "no-server-imports": noServerImports, "server-only-first": serverOnlyFirst } };
export default boundaries;

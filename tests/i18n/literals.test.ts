import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every word a reader sees comes from the catalogs, and every server message is a catalog key:
// English left in JSX, in a user-facing attribute, or as prose in `new AppError` fails here.

const ROOT = join(__dirname, "../..");
const sources = (dir: string, ext: RegExp): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));

const ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "label", "aria-description"]);
/** Text a reader may see unchanged in any language: symbols and names, not prose. */
const ALLOWED = new Set(["RoleScope", "RequestId", "ARN", "JSON", "CSV", "EAS", "OSS", "NAS", "UTC", "AccessKey ID"]);
/** An example value (`oss://bucket/dir/`, `/mnt/data`) is code, not prose: one token with a path or a dot in it. */
const isCode = (text: string) => /^\S+$/.test(text.trim()) && /[/.:]/.test(text);
const isProse = (text: string) => /[A-Za-z]{2,}/.test(text) && !ALLOWED.has(text.trim()) && !isCode(text);

function englishInJsx(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isProse(node.text)) found.push(`${at(node)} ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && isProse(node.initializer.text)) {
      found.push(`${at(node)} ${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const proseInAppErrors = (file: string) => proseIn(file, readFileSync(join(ROOT, file), "utf8"));

function proseIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const callee = ts.isNewExpression(node) || ts.isCallExpression(node) ? node.expression.getText() : "";
    if (/^(AppError|AppError\.(invalid|notFound|conflict))$/.test(callee)) {
      const args = (node as ts.NewExpression | ts.CallExpression).arguments ?? [];
      const message = callee === "AppError" ? args[1] : callee === "AppError.invalid" ? args[1] : args[0];
      // A key is one dotted word; prose has spaces, and a template literal is a sentence glued in code.
      if (message && (ts.isTemplateExpression(message) || ts.isNoSubstitutionTemplateLiteral(message) || (ts.isStringLiteral(message) && /\s/.test(message.text)))) {
        found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${message.getText()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Three words in a row: a sentence, not a key (`fix.add-trust-principal`), a code or an ARN. */
const SENTENCE = /[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}/;

/**
 * English sentences in a module whose words reach a reader outside the components (a fix's title,
 * a preflight finding, a lint finding): every string and template literal but import paths.
 */
function sentencesIn(file: string, text = readFileSync(join(ROOT, file), "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    let words: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) words = node.text;
    else if (ts.isTemplateExpression(node)) words = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" … ");
    if (words !== undefined && SENTENCE.test(words)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText()}`);
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((s) => visit(s.expression));
  };
  visit(source);
  return found;
}

/** Where those words are made: fixes, preflight's wording, and lib/policy's lint. */
const WORDED_OUTSIDE_COMPONENTS = () => [...sources("lib/fixes", /\.ts$/), "lib/preflight/format.ts", "lib/preflight/rules.ts", "lib/policy/lint.ts", "lib/policy/lint-rules.ts"];

describe("words a reader sees", () => {
  it("come from the catalogs in every component and page", () => {
    const files = [...sources("components", /\.tsx$/), ...sources("app", /\.tsx$/)];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(englishInJsx)).toEqual([]);
  });

  it("are catalog keys, not prose, in every AppError", () => {
    const files = [...sources("lib", /\.tsx?$/), ...sources("app", /\.tsx?$/), "proxy.ts"];
    expect(files.flatMap(proseInAppErrors)).toEqual([]);
  });
});

describe("sentences made outside the components", () => {
  it("come from the catalogs in fixes, preflight findings and lint findings", () => {
    const files = WORDED_OUTSIDE_COMPONENTS();
    expect(files.length).toBeGreaterThan(15);
    expect(files.flatMap((f) => sentencesIn(f))).toEqual([]);
  });
});

describe("the literal checks themselves", () => {
  it("see a sentence in a string or a template, not a key, a code or an import", () => {
    expect(sentencesIn("x.ts", "const d = `What the EAS service ${name} needs of its role`;")).toHaveLength(1);
    expect(sentencesIn("x.ts", 'add("SHADOWED_BY_DENY", at, "Statement is fully covered by a Deny");')).toHaveLength(1);
    expect(sentencesIn("x.ts", 'const t = say("fix.add-trust-principal", { role }); const a = "acs:ram::*:role/*";')).toEqual([]);
    expect(sentencesIn("x.ts", 'import { say } from "./catalog and more words";')).toEqual([]);
  });

  it("see English in JSX text and attributes, and prose in an AppError", () => {
    expect(isProse("Sign in")).toBe(true);
    expect(isProse(" · ")).toBe(false);
    expect(isProse("RoleScope")).toBe(false);
    expect(isProse("oss://bucket/dir/")).toBe(false);
    expect(proseIn("x.ts", 'throw new AppError("conflict", `The request is ${state}.`);')).toHaveLength(1);
    expect(proseIn("x.ts", 'throw AppError.notFound("No such console user.");')).toHaveLength(1);
    expect(proseIn("x.ts", 'throw AppError.notFound("users.notFound");')).toEqual([]);
  });
});

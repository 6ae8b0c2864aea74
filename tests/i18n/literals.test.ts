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

describe("the literal checks themselves", () => {
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

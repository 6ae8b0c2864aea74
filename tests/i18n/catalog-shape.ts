import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalog by its dotted key. */
export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * What a message asks of its caller: each argument with its kind, the select keys and exact plural
 * matches (`=0`), and the rich-text tags. Plural categories (`one`, `few`) are the language's own:
 * Chinese has only `other`, so they are left out.
 */
export function shape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          found.add(`${el.value}:text`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`${el.value}:${TYPE[el.type]}`);
          break;
        case TYPE.select:
          found.add(`${el.value}:select(${Object.keys(el.options).sort().join(",")})`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.plural: {
          const exact = Object.keys(el.options).filter((k) => k.startsWith("=")).sort();
          found.add(`${el.value}:plural(${exact.join(",")})`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        }
        case TYPE.tag:
          found.add(`<${el.value}>`);
          walk(el.children);
          break;
        default:
          break;
      }
    }
  };
  // `<account>` in an ARN template is text, not a tag: next-intl renders such messages with t.raw.
  let elements: MessageFormatElement[];
  try {
    elements = parse(message);
  } catch {
    elements = parse(message, { ignoreTag: true });
  }
  walk(elements);
  return [...found].sort();
}

/**
 * Whether an English value may stand unchanged in another catalog: it has no English word once
 * placeholders, code-like tokens (`ram:PassRole`, `ROLESCOPE_READ_ONLY=true`, paths, ARNs) and
 * product names are set aside.
 */
export function hasProse(message: string): boolean {
  const words = message
    .replace(/\{[^{}]*\}/g, " ")
    .split(/[\s,;()（）、，。：]+/)
    .filter((token) => token !== "" && !/[:_./=@$~\d[\]*<>-]/.test(token) && !/^[A-Z][A-Za-z]*[A-Z]/.test(token));
  return words.some((w) => /^[A-Za-z]{2,}$/.test(w) && !PROPER_NOUNS.has(w));
}

/** Names that every language writes alike: products, API terms kept in Latin letters by the glossary. */
const PROPER_NOUNS = new Set(["RoleScope", "RAM", "EAS", "OSS", "NAS", "MaxCompute", "PyODPS", "Python", "Endpoint", "AccessKey", "RequestId", "ARN", "CSV", "STS", "OIDC", "RRSA", "ECS", "PAI", "Statement", "Effect", "Action", "Resource", "Condition", "Principal", "Deny", "Allow", "Bucket", "JSON", "URI", "GPU", "CPU", "MB", "UTC", "true", "false"]);

/**
 * How Terraform reads a string of a `.tf.json` file: a template whose text may hold `$${` and `%%{`
 * (escapes) and whose `${…}` and `%{…}` are expressions and directives (HCL native syntax spec, "Templates";
 * JSON syntax spec: every JSON string in an expression position is a template). Each string is read into its
 * text (what reaches Azure) and its expressions (what Terraform evaluates); inside an expression, quoted
 * strings are read the same way, so a literal argument (`sensitive("…")`) counts as text, not code, and an
 * interpolation inside it counts as an expression; an interpolation of one string literal alone (`${"…"}`)
 * is text.
 */
export interface ReadTemplate {
  /** The text Terraform produces from the literal parts, expressions left out. */
  readonly text: string[];
  /** Each expression or directive, with its quoted strings replaced by `"…"`. */
  readonly expressions: string[];
}

/** Reads one string as Terraform would; throws on a string Terraform would not parse (an unclosed `${`). */
export function readTemplate(source: string): ReadTemplate {
  const out = { text: [] as string[], expressions: [] as string[] };
  const end = readTemplateBody(source, 0, null, out);
  if (end !== source.length) throw new Error(`unexpected end of template at ${end}`);
  return out;
}

type Out = { text: string[]; expressions: string[] };

/** Reads template text from `at` until `close` (a quote inside an expression) or the end; returns the index after it. */
function readTemplateBody(s: string, at: number, close: '"' | null, out: Out): number {
  let text = "";
  let i = at;
  while (i < s.length) {
    if (close && s[i] === close) {
      out.text.push(text);
      return i + 1;
    }
    if (close && s[i] === "\\") {
      const [decoded, next] = readEscape(s, i);
      text += decoded;
      i = next;
    } else if (s.startsWith("$${", i) || s.startsWith("%%{", i)) {
      text += s[i] + "{";
      i += 3;
    } else if (s.startsWith("${", i) || s.startsWith("%{", i)) {
      const inner = { text: [] as string[], expressions: [] as string[] };
      const [expression, next] = readExpression(s, i + 2, inner);
      if (s[i] === "$" && expression === '"…"' && inner.expressions.length === 0) {
        text += inner.text.join(""); // `${"…"}`: one string literal, which Terraform reads as its text
      } else {
        out.text.push(...inner.text);
        out.expressions.push(...inner.expressions, `${s[i]}{${expression}}`);
      }
      i = next;
    } else {
      text += s[i];
      i += 1;
    }
  }
  if (close) throw new Error("unclosed quoted string in an expression");
  out.text.push(text);
  return i;
}

/** An escape in a quoted HCL string. */
function readEscape(s: string, i: number): [string, number] {
  const c = s[i + 1];
  const simple: { [c: string]: string } = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
  if (c in simple) return [simple[c], i + 2];
  if (c === "u") return [String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16)), i + 6];
  if (c === "U") return [String.fromCodePoint(parseInt(s.slice(i + 2, i + 10), 16)), i + 10];
  throw new Error(`invalid escape \\${c}`);
}

/** Reads an expression up to its closing brace (braces nest; quoted strings are templates); returns it with quoted strings as `"…"`. */
function readExpression(s: string, at: number, out: Out): [string, number] {
  let depth = 0;
  let expression = "";
  let i = at;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = readTemplateBody(s, i + 1, '"', out);
      expression += '"…"';
      continue;
    }
    if (c === "{") depth += 1;
    if (c === "}") {
      if (depth === 0) return [expression.trim(), i + 1];
      depth -= 1;
    }
    expression += c;
    i += 1;
  }
  throw new Error("unclosed expression");
}

/** Every string of a JSON document (keys and values), outside cdktf's `//` metadata. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => (k === "//" ? [] : [k, ...stringsOf(v)]));
  return [];
}

import { IResolvable, IResolveContext, Token, Tokenization } from "cdktf";

/**
 * How text a user gives reaches Terraform as text. Terraform evaluates `${…}` and `%{…}` in every string
 * of a configuration, also in `.tf.json` (`$${` and `%%{` are the escapes; Terraform docs, "Strings and
 * Templates", checked 2026-12); cdktf resolves `${TfToken[…]}` markers in every string before Terraform
 * sees it (cdktf 0.21 `lib/tokens/private/encoding.js`). A user's text must reach Azure as written:
 * `alertTypes: ['${file("/etc/passwd")}']` must not read a file on the machine that runs Terraform.
 *
 * A marker of a token cdktf knows is a reference the app made (`variable.stringValue`, `resource.id`):
 * that is how cdktf passes references, and it stays one. Everything else is text: `${`, `%{`, and a
 * marker cdktf does not know (it would otherwise fail the synth, or be read as a reference).
 *
 * Every element the library writes passes its whole output through {@link escapeLiterals}
 * (`literal-element.ts`); every function argument through {@link functionArgument}.
 */

/** cdktf's string token marker (its `STRING_TOKEN_REGEX`). */
const MARKER = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;
/** cdktf's number token scanner (its `NUMBER_TOKEN_REGEX`), run over every resolved string. */
const NUMBER = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;

/** One part of a string: a reference (a marker cdktf knows) or text. */
interface Part {
  readonly reference: boolean;
  readonly text: string;
}

/** The string split into references and text; adjacent text is merged, so escapes see the whole run. */
function partsOf(value: string): Part[] {
  const parts: Part[] = [];
  const text = (t: string) => {
    if (t === "") return;
    const last = parts[parts.length - 1];
    if (last && !last.reference) parts[parts.length - 1] = { reference: false, text: last.text + t };
    else parts.push({ reference: false, text: t });
  };
  let at = 0;
  for (const m of value.matchAll(MARKER)) {
    text(value.slice(at, m.index));
    if (isKnownToken(m[0])) parts.push({ reference: true, text: m[0] });
    else text(m[0]);
    at = m.index + m[0].length;
  }
  text(value.slice(at));
  return parts;
}

/** Whether cdktf knows the token a marker names (it throws on a marker it does not know). */
function isKnownToken(marker: string): boolean {
  try {
    return Tokenization.reverseString(marker).tokens.length === 1;
  } catch {
    return false;
  }
}

/**
 * Whether cdktf would read a token in the text: a marker of any kind (string `${`, list `#{`, map `&{`),
 * or a number that encodes a number token (cdktf `encoding.js`: the top 16 bits 0xFDFF or 0xFBFF).
 * cdktf resolves a stack's output twice, so no escape Terraform reads can carry such text through it.
 */
function cdktfWouldRead(text: string): boolean {
  if (text.includes("{TfToken[")) return true;
  for (const m of text.matchAll(NUMBER)) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, parseFloat(m[0]));
    const top = view.getUint16(0);
    if (top === 0xfdff || top === 0xfbff) return true;
  }
  return false;
}

/** Text with Terraform's template sequences escaped. */
function templateText(text: string): string {
  return text.replace(/\$\{|%\{/g, (m) => (m === "%{" ? "%%{" : "$${"));
}

/**
 * The string as Terraform should read it: its text escaped (`$${`, `%%{`), the references the app made
 * kept. Text that cdktf would read as a token (see {@link cdktfWouldRead}), or that ends in `$` or `%`
 * right before a reference (Terraform would read `$${` as an escape), is written as the interpolation of
 * one quoted string literal, `${"…"}`, in which `{` and `e` are unicode escapes: Terraform reads the
 * same text, cdktf reads no token in it.
 */
export function escapeTemplate(value: string): string {
  if (!value.includes("{") && !/e/i.test(value)) return value; // nothing Terraform or cdktf would read
  const parts = partsOf(value);
  return parts
    .map((p, i) => {
      if (p.reference) return p.text;
      const beforeReference = i < parts.length - 1 && /[$%]$/.test(p.text);
      return cdktfWouldRead(p.text) || beforeReference ? `\${"${quotedText(p.text)}"}` : templateText(p.text);
    })
    .join("");
}

/**
 * The configuration with every string escaped ({@link escapeTemplate}), in plain objects and arrays, keys
 * too; anything else (tokens of other types, providers, dependables) is left as it is. The library's own
 * expressions are tokens (references, `TerraformSelf`, function calls), so they stay expressions.
 */
export function escapeLiterals<T>(config: T): T {
  return escapeValue(config) as T;
}

function escapeValue(value: unknown): unknown {
  if (typeof value === "string") return escapeTemplate(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as { [key: string]: unknown }).map(([k, v]) => [escapeTemplate(k), escapeValue(v)]));
  }
  return value;
}

/**
 * A string as the argument of a Terraform function the library calls (`sensitive(…)`, `split(…)`): a
 * single reference as it is, anything else as a quoted HCL template whose text is escaped (`\`, `"`, line
 * breaks and control characters, `${`, `%{`) and whose references are interpolated. cdktf quotes a
 * literal argument without escaping `"` or `\`, so text could end the string and write an expression.
 */
export function functionArgument(value: string): string {
  const parts = partsOf(value);
  if (parts.length === 1 && parts[0].reference) return value;
  return Token.asString(new QuotedArgument(parts));
}

/**
 * The text as the body of a quoted HCL string (HCL native syntax spec, "Template Literals": `\\`, `\"`,
 * `\n`, `\r`, `\t`, `\uNNNN`), template sequences escaped. Where cdktf would read a token, `{`, `e` and
 * `E` are written as unicode escapes instead: an escaped `{` never opens a template sequence, and cdktf
 * then finds no marker and no number in the text.
 */
function quotedText(text: string): string {
  const breakTokens = cdktfWouldRead(text);
  const body = breakTokens ? text : templateText(text);
  // eslint-disable-next-line no-control-regex -- control characters are what HCL must see escaped
  return body.replace(breakTokens ? /[\\"\u0000-\u001f\u007f\u2028\u2029{eE]/g : /[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: { [c: string]: string } = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** A quoted HCL template for a function argument; its references resolve as bare expressions inside `${…}`. */
class QuotedArgument implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly parts: readonly Part[]) {}

  public resolve(context: IResolveContext): string {
    const braces = context.suppressBraces;
    context.suppressBraces = true;
    try {
      const body = this.parts
        .map((p, i) => {
          if (p.reference) return `\${${String(context.resolve(p.text))}}`;
          // A `$` or `%` right before an interpolation would make it an escape (`$${`): written as a unicode escape.
          const last = i < this.parts.length - 1 ? /[$%]$/.exec(p.text)?.[0] : undefined;
          return last ? `${quotedText(p.text.slice(0, -1))}\\u00${last === "$" ? "24" : "25"}` : quotedText(p.text);
        })
        .join("");
      return `"${body}"`;
    } finally {
      context.suppressBraces = braces;
    }
  }

  public toString(): string {
    return Token.asString(this);
  }
}

import { IPostProcessor, IResolvable, IResolveContext, Token, Tokenization } from "cdktf";

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
/** Text cdktf would read as a marker of some kind (string, list `#{`, map `&{`) once escaped. */
const MARKER_LIKE = /[$#&]\{TfToken\[/;
/** Text cdktf would read as an encoded number token (a double near -1.9e289, written in a string). */
const NUMBER_TOKEN_LIKE = /e\+?28[89]/i;

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

/** Text with Terraform's template sequences escaped. */
function templateText(text: string): string {
  return text.replace(/\$\{|%\{/g, (m) => (m === "%{" ? "%%{" : "$${"));
}

/**
 * The string as Terraform should read it: its text escaped (`$${`, `%%{`), the references the app made
 * kept. Text that cdktf itself would read as a token once escaped reaches the output verbatim.
 */
export function escapeTemplate(value: string): string {
  if (!value.includes("{") && !NUMBER_TOKEN_LIKE.test(value)) return value; // nothing Terraform or cdktf would read
  return partsOf(value)
    .map((p) => (p.reference ? p.text : throughCdktf(templateText(p.text))))
    .join("");
}

/** Text that must reach the output as it is, also where cdktf would read a token in it. */
function throughCdktf(text: string): string {
  return MARKER_LIKE.test(text) || NUMBER_TOKEN_LIKE.test(text) ? verbatim(text) : text;
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

/** HCL's escapes in a quoted string (HCL native syntax spec, "Template Literals"). */
function quotedText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what HCL must see escaped
  return templateText(text).replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
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
      const body = this.parts.map((p) => (p.reference ? `\${${String(context.resolve(p.text))}}` : quotedText(p.text))).join("");
      return finalValue(context, `"${body}"`);
    } finally {
      context.suppressBraces = braces;
    }
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/** A token that resolves to `text`, which cdktf does not read again (it would see tokens in escaped text). */
function verbatim(text: string): string {
  return Token.asString({
    creationStack: [],
    resolve: (context: IResolveContext) => finalValue(context, text),
    toString: () => text,
  } satisfies IResolvable);
}

/** Returns a placeholder and makes `value` the final result: cdktf re-reads what a token returns, but not what its post-processor does. */
function finalValue(context: IResolveContext, value: string): string {
  const post: IPostProcessor = { postProcess: () => value };
  context.registerPostProcessor(post);
  return "";
}

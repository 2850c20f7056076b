import { UNSAFE_CHARACTERS, unicodeEscape } from "./unsafe-characters";

/**
 * The one door for text into a program `import` writes: a TypeScript string literal whose value is
 * exactly `text`, whatever it holds. Quotes, backslashes and line terminators are escaped by
 * `JSON.stringify` (a JSON string is a valid TypeScript string literal; unpaired surrogates become
 * `\udXXX` since ES2019's well-formed `JSON.stringify`); the characters that change how code reads
 * (line and paragraph separators, bidirectional overrides, controls) are written as `\uXXXX`, so the
 * program looks like what it does. Anything but a string is refused: an object would become code.
 */
export function codeLiteral(text: string): string {
  if (typeof text !== "string") throw new TypeError(`codeLiteral takes text, got ${typeof text}`);
  return JSON.stringify(text).replace(UNSAFE_CHARACTERS, unicodeEscape);
}

/** An object literal of texts (tags), each key and value through {@link codeLiteral}; `__proto__` as a computed key, so it stays a key. */
export function codeTextMap(entries: ReadonlyArray<readonly [string, string]>): string {
  const key = (k: string) => (k === "__proto__" ? `[${codeLiteral(k)}]` : codeLiteral(k));
  return `{ ${entries.map(([k, v]) => `${key(k)}: ${codeLiteral(v)}`).join(", ")} }`;
}

/** An array literal of texts, each through {@link codeLiteral}. */
export function codeTextList(texts: readonly string[]): string {
  return `[${texts.map(codeLiteral).join(", ")}]`;
}

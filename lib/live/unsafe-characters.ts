/**
 * Characters that change how text is read rather than what it says: C0 and C1 controls (ESC starts a
 * terminal escape sequence, U+009B is CSI on 8-bit terminals), DEL, the line and paragraph separators,
 * the bidirectional overrides and isolates (they reorder what an editor or terminal shows, the
 * "Trojan Source" trick), zero-width characters, the byte order mark, and unpaired surrogates. Live text
 * that is shown or written into a program passes through one of the two functions built on this class:
 * `shown` (lib/cli/shown.ts) and `codeLiteral` (lib/live/code-literal.ts).
 */
export const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `\uXXXX` for one UTF-16 code unit: the spelling JSON, JavaScript and TypeScript all read back as the same character. */
export function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

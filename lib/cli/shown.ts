import { UNSAFE_CHARACTERS, unicodeEscape } from "../live/unsafe-characters";

/**
 * Text from the input (or the command line) as the command shows it, in one line: every control
 * character, terminal escape sequence (ESC, CSI), line terminator, bidirectional override and unpaired
 * surrogate written as `\uXXXX`. Every field of every line the command prints passes through here, so
 * that live text can neither paint over the terminal nor start a line of its own.
 */
export function shown(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, unicodeEscape);
}

/**
 * A value as the command prints it with `--format json`: `JSON.stringify`, with the characters
 * `JSON.stringify` leaves as they are (C1 controls, bidirectional overrides, separators) also written
 * as `\uXXXX`. The document parses back to the same value.
 */
export function shownJson(value: unknown): string {
  // JSON.stringify escapes every C0 control inside strings: a raw line feed is the layout's own.
  return JSON.stringify(value, null, 2).replace(UNSAFE_CHARACTERS, (c) => (c === "\n" ? c : unicodeEscape(c)));
}

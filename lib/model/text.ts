import { ExportConfigError, describeValue } from "./errors";

/**
 * Characters no Azure text field takes and Terraform cannot carry faithfully: NUL and the other C0
 * control characters but tab, line feed and carriage return, DEL, and a UTF-16 surrogate without its
 * pair (JSON writes it as an escape that is no character; ARM refuses it as invalid UTF-8).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first unsafe character of a text, in words (`U+0000`), or undefined. */
export function unsafeCharacterIn(text: string): string | undefined {
  const found = UNSAFE.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Refuses a text with an unsafe character (DFE221); returns it otherwise. */
export function checkSafeText(field: string, text: string): string {
  const bad = unsafeCharacterIn(text);
  if (bad) {
    throw new ExportConfigError(
      "DFE221",
      `\`${field}\` ${describeValue(text)} holds ${bad === "U+0000" ? "a NUL character" : `the character ${bad}`}` +
        `${/^U\+D[89A-F]/.test(bad) ? " (half of a surrogate pair)" : ""}, which Azure does not take in a text. Remove it.`,
    );
  }
  return text;
}

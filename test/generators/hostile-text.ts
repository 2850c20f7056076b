import fc from "fast-check";

/**
 * Text a user (or a file a user reads) might put into any string field: Terraform's template sequences
 * and their escapes, HCL's string delimiters and escapes, line terminators and control characters,
 * cdktf's token markers of tokens that do not exist (string, list, map and number encodings), unicode.
 */
export const HOSTILE_FRAGMENTS = [
  "${",
  "%{",
  "$${",
  "%%{",
  "$",
  "%",
  "{",
  "}",
  '"',
  "\\",
  '\\"',
  "\n",
  "\r",
  "\t",
  "\u2028",
  "\u2029",
  "\u0000",
  "\u001b[32m",
  '${file("/etc/passwd")}',
  "%{ if true }x%{ endif }",
  "${self.send}",
  "${var.x}",
  '"), file("/etc/passwd"), ("',
  "${TfToken[TOKEN.999999999]}",
  "${TfToken[not-a-token]}",
  "#{TfToken[TOKEN.999999999]}",
  "&{TfToken[TOKEN.999999999]}",
  "-1.8881545897087626e+289",
  "é",
  "😀",
  "*/",
  "`",
];

/** One hostile text: fragments and arbitrary (full unicode) text, mixed. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(""));

/** Hostile text that is always non-blank and contains at least one template opening, so a test cannot pass on harmless draws. */
export const hostileTemplate: fc.Arbitrary<string> = fc
  .tuple(hostileText, fc.constantFrom('${file("/etc/passwd")}', "%{ if true }", "${TfToken[TOKEN.999999999]}", '"${x}"'), hostileText)
  .map(([a, b, c]) => `${a}${b}${c}`);

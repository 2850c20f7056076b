import { Fn } from "cdktf";
import { functionArgument } from "./terraform-literal";

/**
 * The Terraform functions the library calls, each text argument passed through `functionArgument` (a
 * reference as it is, text as an escaped quoted string). The only file that calls cdktf's `Fn`
 * (`test/layout.test.ts` keeps it so): a text argument cannot reach an expression unescaped.
 */
export const TerraformFunctions = {
  /** `sensitive(value)`: the value, hidden in plans. */
  sensitive: (value: string): string => Fn.sensitive(functionArgument(value)),
  /** `split(separator, value)`. */
  split: (separator: string, value: string): string[] => Fn.split(functionArgument(separator), functionArgument(value)),
  /** `join(separator, list)`. */
  join: (separator: string, list: string[]): string => Fn.join(functionArgument(separator), list),
  /** `slice(list, start, end)`. */
  slice: (list: string[], start: number, end: number): string[] => Fn.slice(list, start, end),
  /** `sha256(value)`: the hex digest of a text. */
  sha256: (value: string): string => Fn.sha256(functionArgument(value)),
  /** `join(separator, list)` of texts, each element escaped as an argument (a reference as it is). */
  joinTexts: (separator: string, texts: string[]): string => Fn.join(functionArgument(separator), texts.map(functionArgument)),
  /** `element(list, index)`. */
  element: (list: string[], index: number): string => Fn.element(list, index),
};

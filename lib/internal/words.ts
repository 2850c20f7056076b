import { Token } from "cdktf";

/** A value for summaries: the literal, or `fallback` when the value is a reference resolved at apply. */
export function inWords(value: string, fallback: string): string {
  return Token.isUnresolved(value) ? fallback : value;
}

import { LiveInputError } from "./live-input-error";
import { LIVE_LIMITS } from "./limits";

/**
 * Parses the command's input as JSON, within {@link LIVE_LIMITS}: a byte order mark is dropped (Windows
 * tools write one), the nesting depth is measured before parsing (one linear pass), and anything else
 * that is not JSON is refused with `DFE150`. `JSON.parse` keeps `__proto__` and `constructor` as the own
 * keys they are; the reader then reads own keys only.
 */
export function parseLiveJson(text: string, origin: string): unknown {
  if (text.length > LIVE_LIMITS.inputBytes) {
    throw new LiveInputError("DFE153", [
      `${origin} is larger than ${LIVE_LIMITS.inputBytes} bytes, the most the command reads at a time. Split the input (e.g. per management group or subscription).`,
    ]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const depth = nestingDepth(body, LIVE_LIMITS.depth);
  if (depth > LIVE_LIMITS.depth) {
    throw new LiveInputError("DFE154", [
      `${origin} nests arrays and objects deeper than ${LIVE_LIMITS.depth} levels; an automation as Azure returns it nests 9. Give the output of \`az security automation list -o json\` or \`az graph query\`.`,
    ]);
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new LiveInputError("DFE150", [
      `${origin} is not JSON (${e instanceof Error ? e.message.split("\n")[0] : "unreadable"}). Give the output of \`az security automation list -o json\` or \`az graph query\`.`,
    ]);
  }
}

/** How deep `[` and `{` nest outside strings, counted up to `stop + 1` (the rest is not read). */
export function nestingDepth(text: string, stop: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > stop) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

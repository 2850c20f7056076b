import { Token } from "cdktf";
import { ExportConfigError, describeValue } from "../model/errors";
import { regionProblem } from "./regions";
import { checkSafeText } from "../model/text";
import { producedValue } from "./lazy";

/**
 * Checks of the names, texts and numbers a user gives, at synth, with Azure's rules for each: a value
 * Azure would refuse fails here with a coded error (`DFE120` names and texts, `DFE172` regions, `DFE121`
 * numbers, `DFE122` lists, flags and tags), not at plan or apply. Tokens (values known at apply) pass; a `Lazy` value is
 * produced and checked like a literal (`producedValue`).
 */
export interface NameRule {
  /** The rule in words, for the message. */
  readonly words: string;
  /** The pattern a literal must match. */
  readonly pattern: RegExp;
  /** A further check of a literal that matches the pattern: why it is refused, or undefined. @default none */
  readonly check?: (value: string) => string | undefined;
  /** The code of a refusal. @default DFE120 */
  readonly code?: string;
}

/**
 * Azure's naming rules for the names the library writes. Lengths and characters are those of Microsoft's
 * "Naming rules and restrictions for Azure resources" (learn.microsoft.com, azure-resource-manager/management/
 * resource-name-rules; checked 2026-12), per provider namespace as noted on each rule.
 */
export const NAME_RULES = {
  // Unicode letters and digits are allowed (Microsoft's naming rules for Microsoft.Resources/resourcegroups:
  // "underscores, hyphens, periods, parentheses, and letters or digits as defined by the Char.IsLetterOrDigit
  // function"; checked 2026-12), so "ресурсы" is a valid name.
  resourceGroup: {
    words: "1 to 90 letters (any script), digits, underscores, hyphens, periods and parentheses, not ending with a period",
    pattern: /^[-\p{L}\p{Nd}_.()]{0,89}[-\p{L}\p{Nd}_()]$/u,
  },
  /** A region of `AZURE_REGIONS` (./regions.ts), in any case and spacing azurerm normalizes (`West Europe` is `westeurope`). */
  location: {
    words: "an Azure region such as westeurope (or West Europe)",
    pattern: /^[A-Za-z][A-Za-z0-9 ]{1,39}$/,
    check: regionProblem,
    code: "DFE172",
  },
  /**
   * Microsoft.EventHub `namespaces / eventhubs`: 1–256, alphanumerics, periods, hyphens and underscores, starting
   * and ending with a letter or number (the Event Hubs REST API 2024-01-01 `eventHubName`: maxLength 256).
   */
  eventHub: {
    words: "1 to 256 letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit",
    pattern: /^[A-Za-z0-9](?:[\w.-]{0,254}[A-Za-z0-9])?$/,
  },
  /**
   * Microsoft.EventHub `namespaces / eventhubs / authorizationRules` (and `namespaces / AuthorizationRules`):
   * 1–50, alphanumerics, periods, hyphens and underscores, starting and ending with a letter or number.
   * azurerm accepts up to 60; Azure refuses the rest at apply.
   */
  authorizationRule: {
    words: "1 to 50 letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit",
    pattern: /^[A-Za-z0-9](?:[\w.-]{0,48}[A-Za-z0-9])?$/,
  },
  /** Microsoft.EventHub `namespaces / eventhubs / consumergroups`: 1–50, as authorization rules. */
  consumerGroup: {
    words:
      "1 to 50 letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit (not $Default, which every event hub has)",
    pattern: /^[A-Za-z0-9](?:[\w.-]{0,48}[A-Za-z0-9])?$/,
  },
  /** Microsoft.Logic `workflows`: 1–80, alphanumerics, hyphens, underscores, periods and parentheses. */
  logicApp: { words: "1 to 80 letters, digits, periods, hyphens, underscores and parentheses", pattern: /^[\w.()-]{1,80}$/ },
  /**
   * A workflow trigger: the naming rules list no limit for triggers (they are part of the workflow definition);
   * 1 to 80 letters, digits, hyphens and underscores is what the library writes and the designer accepts.
   */
  trigger: { words: "1 to 80 letters, digits, hyphens and underscores", pattern: /^[\w-]{1,80}$/ },
  // Microsoft's naming rules for Microsoft.EventHub/namespaces and Microsoft.OperationalInsights/workspaces (checked 2026-12).
  eventHubNamespace: {
    words: "6 to 50 letters, digits and hyphens, starting with a letter and ending with a letter or digit, not ending in -sb or -mgmt",
    pattern: /^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9](?<!-sb|-mgmt)$/i,
  },
  workspace: {
    words: "4 to 63 letters, digits and hyphens, starting and ending with a letter or digit",
    pattern: /^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/,
  },
} satisfies { [kind: string]: NameRule };

/** A name: a string, a token, or refused. */
export function checkName(field: string, given: unknown, rule: NameRule): string {
  const value = producedValue(field, given);
  if (typeof value !== "string") throw new ExportConfigError("DFE120", `\`${field}\` must be a name (${rule.words}), got ${describeValue(value)}.`);
  if (Token.isUnresolved(value)) return value;
  const problem = rule.pattern.test(value) ? rule.check?.(value) : `${describeValue(value)} is not a name Azure accepts: ${rule.words}.`;
  if (problem) throw new ExportConfigError(rule.code ?? "DFE120", `\`${field}\` ${problem}`);
  return value;
}

/** An optional name. */
export function checkOptionalName(field: string, value: unknown, rule: NameRule): string | undefined {
  return value === undefined ? undefined : checkName(field, value, rule);
}

/** A free text (a description): a string of at most `max` characters. */
export function checkText(field: string, given: unknown, max: number): string | undefined {
  const value = producedValue(field, given);
  if (value === undefined) return undefined;
  if (typeof value !== "string" || (!Token.isUnresolved(value) && (value.trim() === "" || value.length > max))) {
    throw new ExportConfigError("DFE120", `\`${field}\` must be a text of 1 to ${max} characters, got ${describeValue(value)}.`);
  }
  return checkSafeText(field, value);
}

/** A whole number in a range, or a token. */
export function checkWholeNumber(field: string, given: unknown, min: number, max: number): number | undefined {
  const value = producedValue(field, given);
  if (value === undefined) return undefined;
  if (typeof value !== "number" || (!Token.isUnresolved(value) && !(Number.isInteger(value) && value >= min && value <= max))) {
    throw new ExportConfigError("DFE121", `\`${field}\` must be a whole number from ${min} to ${max}, got ${describeValue(value)}.`);
  }
  return value;
}

/** A number in a range (a daily quota in GB, say), or a token. */
export function checkNumber(field: string, given: unknown, min: number, max: number): number | undefined {
  const value = producedValue(field, given);
  if (value === undefined) return undefined;
  if (typeof value !== "number" || (!Token.isUnresolved(value) && !(Number.isFinite(value) && value >= min && value <= max))) {
    throw new ExportConfigError("DFE121", `\`${field}\` must be a number from ${min} to ${max}, got ${describeValue(value)}.`);
  }
  return value;
}

/** A flag. */
export function checkFlag(field: string, given: unknown): boolean | undefined {
  const value = producedValue(field, given);
  if (value === undefined) return undefined;
  // A number is never a flag, even one in the range cdktf encodes tokens in (a boolean token is an object).
  if (typeof value !== "boolean" && (typeof value === "number" || !Token.isUnresolved(value)))
    throw new ExportConfigError("DFE122", `\`${field}\` must be true or false, got ${describeValue(value)}.`);
  return value as boolean;
}

/** A list (of anything; its members are checked by the caller). */
export function checkList<T>(field: string, given: unknown): T[] | undefined {
  const value = producedValue(field, given);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ExportConfigError("DFE122", `\`${field}\` must be a list, got ${describeValue(value)}.`);
  return value as T[];
}

/** Tags: at most 50, keys of 1 to 512 and values of at most 256 characters, as Azure takes them. */
export function checkTags(field: string, given: unknown): { [key: string]: string } | undefined {
  const value = producedValue(field, given);
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
    throw new ExportConfigError("DFE122", `\`${field}\` must be a map of texts ({ key: "value" }), got ${describeValue(value)}.`);
  }
  const entries = Object.entries(value).map(([k, v]) => [k, producedValue(`${field}.${k}`, v)] as const);
  entries.forEach(([k, v]) => (checkSafeText(`${field} key`, k), typeof v === "string" && checkSafeText(`${field}.${k}`, v)));
  const bad = entries.find(
    ([k, v]) =>
      typeof v !== "string" ||
      k.length === 0 ||
      k.length > 512 ||
      (!Token.isUnresolved(v) && v.length > 256) ||
      /[<>%&\\?/]/.test(k) ||
      // cdktf drops a key named __proto__ from the Terraform it writes: refused rather than lost.
      k === "__proto__",
  );
  if (entries.length > 50 || bad) {
    throw new ExportConfigError(
      "DFE122",
      `\`${field}\`: Azure takes at most 50 tags, keys of 1 to 512 characters without < > % & \\ ? /, and text values of at most 256 characters${bad ? `; the tag ${describeValue(bad[0])} is not one` : ""}.`,
    );
  }
  return value as { [key: string]: string };
}

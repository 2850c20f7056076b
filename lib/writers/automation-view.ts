import type { Writer } from "./writer";
import { GUID_PATTERN } from "../model/guid";

/** An automation read back from a writer's Terraform JSON (or from ARM JSON): what the checks and tests inspect. */
export interface AutomationView {
  /** The resource's address, `type.name`. */
  readonly address: string;
  /** The writer whose resource it is. */
  readonly writer: Writer;
  /** The automation's name. */
  readonly name: string;
  /** The subscription it lives in, when literal (lower case). */
  readonly subscriptionId?: string;
  /** Its region. */
  readonly location?: string;
  /** Whether it runs. */
  readonly enabled: boolean;
  /** Its description. */
  readonly description?: string;
  /** The scopes it exports: the subscription, or resource groups in it. */
  readonly scopes: readonly string[];
  /** The sources with their rule sets. */
  readonly sources: ReadonlyArray<{ readonly eventSource: string; readonly ruleSets: ReadonlyArray<ReadonlyArray<RuleView>> }>;
  /** The actions. */
  readonly actions: readonly ActionView[];
}

/** One rule, with the REST API's names. */
export interface RuleView {
  readonly propertyJPath: string;
  readonly operator: string;
  readonly expectedValue: string;
  readonly propertyType: string;
}

/** One action, with the REST API's names. */
export interface ActionView {
  readonly actionType: string;
  readonly resourceId: string;
  /** The connection string or callback URL, as written (a reference, in this library's output). */
  readonly secret?: string;
  readonly trusted: boolean;
}

/** Terraform JSON, as read back: any shape a provider writes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResourceJson = { readonly [attribute: string]: any };

const SUBSCRIPTION_ID = new RegExp(`^/subscriptions/(${GUID_PATTERN})(/|$)`);

/** The subscription of a scope or parent id (`/subscriptions/{id}/…`), lower case, when literal. */
export function subscriptionOf(id: unknown): string | undefined {
  const match = SUBSCRIPTION_ID.exec(String(id ?? ""));
  return match?.[1].toLowerCase();
}

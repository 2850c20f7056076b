import { AutomationView, ResourceJson } from "../../writers/automation-view";

/** A check of the pack, as listed in `ContinuousExportChecks.RULES` and docs/check-pack.md. */
export interface CheckRule {
  /** Stable id, e.g. `DFC001`. */
  readonly id: string;
  /** `error` (synth fails) or `warning`. */
  readonly level: string;
  /** What the check finds, in one line. */
  readonly summary: string;
  /**
   * Whether an automation with this finding still exports as it is (a defect of completeness, not one that
   * exports nothing or is rejected): `import` then adopts it as it runs and reports the finding. @default false
   */
  readonly stillExports?: boolean;
}

/** A finding of one check on one resource. */
export interface Finding {
  /** The check's id. */
  readonly ruleId: string;
  /** The address of the resource it concerns (empty: the whole input, see {@link applyRules}). */
  readonly address: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The level it is reported at, when not the rule's own (a rule that failed is a warning). @default the rule's level */
  readonly level?: string;
}

/** What a rule's body finds: the resource and the message; {@link applyRules} adds the rule. */
export interface Hit {
  /** The address of the resource it concerns. */
  readonly address: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * Where an automation was read from: a stack's Terraform JSON (`stack`), or Azure (`live`), where a
 * connection string or trigger URL present is Azure's own stored value, not a literal in code.
 */
export type AutomationOrigin = "stack" | "live";

/** Resources by address, as Terraform JSON. */
export type Resources = ReadonlyMap<string, ResourceJson>;

/**
 * What the rules look at: the automations of a stack (read from their Terraform JSON by the writers) or
 * live ones (read from ARM JSON by `readLiveAutomations`), with what a stack declares around them.
 * Live input has no stack around it: its maps are empty.
 */
export interface CheckInput {
  /** Where the automations come from. */
  readonly origin: AutomationOrigin;
  /** The automations, each as its writer's reader or the live reader sees it. */
  readonly automations: readonly AutomationView[];
  /** Event Hubs authorization rules and namespaces read as data sources: who holds a key. */
  readonly keyHolders: Resources;
  /** Event Hubs namespaces declared in the stack. */
  readonly namespaces: Resources;
  /** Outputs. */
  readonly outputs: Resources;
  /** Role assignments. */
  readonly roles: Resources;
  /** Lighthouse assignments. */
  readonly delegations: Resources;
  /** Lighthouse definitions. */
  readonly definitions: Resources;
  /** Fields of live automations of the wrong type, set aside by the live reader. */
  readonly fieldProblems: readonly Hit[];
}

/** A rule of the pack: what it finds, why it matters, and its body. One object per rule, one file per rule. */
export interface PackRule extends CheckRule {
  /** Why it matters and how to fix it, in a sentence or two. */
  readonly explanation: string;
  /** The rule's body: what it finds in the input. */
  readonly check: (input: CheckInput) => readonly Hit[];
}

/** An input with nothing in it but what is given. */
export function checkInput(given: Partial<CheckInput> & Pick<CheckInput, "origin">): CheckInput {
  const none = new Map<string, ResourceJson>();
  return {
    automations: [],
    keyHolders: none,
    namespaces: none,
    outputs: none,
    roles: none,
    delegations: none,
    definitions: none,
    fieldProblems: [],
    ...given,
  };
}

/** A body that looks at each automation on its own. */
export function eachAutomation(body: (a: AutomationView, origin: AutomationOrigin) => Array<Omit<Hit, "address">>): PackRule["check"] {
  return (input) => input.automations.flatMap((a) => body(a, input.origin).map((h) => ({ address: a.address, message: h.message })));
}

/**
 * The one way rules are applied, to a stack (`ContinuousExportChecks`) and to live automations (`lint`):
 * each rule's findings, in the order of the rules. A rule whose body throws does not stop the others: it
 * becomes a warning naming the rule (as cdk-nag reports a rule that fails), on the whole input.
 */
export function applyRules(rules: readonly PackRule[], input: CheckInput): Finding[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check(input).map((hit) => ({ ruleId: rule.id, address: hit.address, message: hit.message }));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return [
        {
          ruleId: rule.id,
          address: "",
          level: "warning",
          message: `the check ${rule.id} (${rule.summary}) could not run, so its findings are unknown: ${reason.split("\n")[0]}`,
        },
      ];
    }
  });
}

/**
 * Upper limits of what `lint`, `explain` and `import` read, so that no input makes the command's work,
 * memory or output grow faster than the input itself. Each is refused with a coded error before the
 * work starts (docs/live.md). They are generous: a tenant's Resource Graph rows are about 1.3 KB per
 * automation, so 100,000 automations are about 130 MB; the deepest automation Azure returns nests 9
 * levels (item, properties, sources, source, ruleSets, rule set, rules, rule, field).
 */
export const LIVE_LIMITS = {
  /** Bytes of input (`DFE153`): 256 MiB. */
  inputBytes: 256 * 1024 * 1024,
  /** Nesting of arrays and objects (`DFE154`). */
  depth: 64,
  /** Automations in one input (`DFE155`). */
  automations: 100_000,
  /**
   * Rules in one automation, over all its sources and rule sets (`DFE155`): the check pack compares the
   * rules of a rule set pairwise, so this bounds its work per automation. The library writes at most
   * 1,000 rule sets per export (`DFE015`); Microsoft's policy writes one per recommendation and severity.
   */
  rulesPerAutomation: 10_000,
} as const;

import { DestinationKind } from "../../lib";
import { ProgramRequest } from "../../lib/kinds/declaration";

const SUB = "00000000-0000-0000-0000-000000000001";
/** A literal id of the kind's shape: its example with names filled in. */
const idOf = (kind: DestinationKind) => {
  let i = 0;
  return kind._idShape.example
    .replace("<guid>", SUB)
    .replace("<rg>", "rg-dest")
    .replace(/<[a-z]+>/g, () => `name${i++}`);
};

const request = (over: Partial<ProgramRequest> = {}): ProgramRequest => ({
  n: 7,
  resourceId: "/subscriptions/x/resourceGroups/rg/providers/P/t/n",
  trusted: false,
  literal: (text) => JSON.stringify(text),
  provider: () => "",
  ...over,
});

describe.each(DestinationKind.ALL.map((k) => [k.actionType, k] as const))("kind %s declares everything the library asks of a kind", (_, kind) => {
  test("wire names, found again by its action type in any case", () => {
    expect(kind.actionType).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(kind.displayName).not.toBe("");
    expect(kind.resourceIdProperty).toMatch(/ResourceId$/);
    expect(DestinationKind.ofActionType(kind.actionType.toLowerCase())).toBe(kind);
    if (kind.secretProperty !== undefined) expect(kind.secretProperty).toMatch(/^[a-z][A-Za-z]+$/);
  });

  test("its id shape names its ARM types; an id of that shape is recognized as this kind, and named", () => {
    expect(kind._idShape.types.length).toBeGreaterThan(0);
    const id = idOf(kind);
    expect(DestinationKind.ofResourceId(id)).toBe(kind);
    expect(DestinationKind.ofResourceId(id.toUpperCase())).toBe(kind);
    expect(DestinationKind.ofResourceId(`${id}/child/x`)).toBeUndefined();
    expect(kind.nameInId(id)).toBe(kind._idShape.names.map((_n, i) => `name${i}`).join("/"));
    expect(kind.existingInWords(id, false)).toMatch(new RegExp(`^${kind.displayName} name0.* \\(existing, in rg-dest`));
  });

  test("the Terraform resources a created destination writes include the destination itself", () => {
    expect(kind._createdResources.map(([type]) => type)).toContain(kind.resourceType);
    for (const [type, id] of kind._createdResources) {
      expect(type).toMatch(/^azurerm_[a-z_0-9]+$/);
      expect(id).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });

  test("a heartbeat the health alerts can hear", () => {
    const heartbeat = kind._heartbeat;
    if (heartbeat.watches === "tables") return;
    expect(heartbeat.alerts.length).toBeGreaterThan(0);
    expect(heartbeat.alerts.some((a) => a.firesOn === "silence")).toBe(true);
    for (const alert of heartbeat.alerts) {
      expect(alert.id).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(alert.describe("the destination")).toContain("the destination");
    }
    expect(heartbeat.summary(6)).toContain("6 h");
    expect(heartbeat.metricsOf(idOf(kind))).toMatch(new RegExp(`^/subscriptions/${SUB}/resourceGroups/rg-dest/providers/`));
  });

  test("a policy, when it has one, names its automation, parameter and at least one definition", () => {
    const policy = kind._policy;
    if (policy === undefined) {
      expect(kind.policyAutomationName).toBeUndefined();
      return;
    }
    expect(kind.policyAutomationName).toBe(policy.automationName);
    expect(policy.automationName.toLowerCase()).toBe(`exportto${kind.actionType.toLowerCase()}`);
    expect([policy.definitionName, policy.trustedServiceDefinitionName].some((d) => d !== undefined)).toBe(true);
    if (policy.trustedServiceDefinitionName !== undefined) expect(kind.trustedServiceProperty).toBeDefined();
  });

  test("program text: a library class, every text through the program's door, every input read by the code", () => {
    const seen: string[] = [];
    for (const trusted of kind.trustedServiceProperty ? [false, true] : [false]) {
      const made = kind._program(request({ trusted, literal: (t) => (seen.push(t), `L(${t.length})`) }));
      expect(made.code).toMatch(new RegExp(`^${made.className}\\.from[A-Za-z]+\\(this, "[A-Za-z]+7", `));
      expect(made.code).not.toContain("/subscriptions/");
      expect(made.variable).toMatch(/7$/);
      for (const input of made.inputs) {
        expect(made.code).toContain(`${input.variable}.stringValue`);
        expect(input.name).toMatch(/^[a-z_]+_7_[a-z_]+$/);
      }
    }
    expect(seen).toContain("/subscriptions/x/resourceGroups/rg/providers/P/t/n");
  });
});

test("the kinds differ in every name the wire, the props and the diagram tell them apart by", () => {
  for (const key of ["actionType", "propKey", "resourceIdProperty", "resourceType", "displayName", "diagramShape"] as const) {
    expect(new Set(DestinationKind.ALL.map((k) => k[key])).size).toBe(DestinationKind.ALL.length);
  }
  const ids = DestinationKind.ALL.map(idOf);
  expect(ids.map((id) => DestinationKind.ofResourceId(id))).toEqual(DestinationKind.ALL);
});

test("an action holding its kind stays plain data (the kind's functions are not own properties)", () => {
  for (const kind of DestinationKind.ALL) {
    const own = Object.values(kind).flatMap(function walk(v: unknown): unknown[] {
      return typeof v === "function" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(walk) : [];
    });
    expect(own).toEqual([]);
  }
});

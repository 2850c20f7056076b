import { instancesOf } from "../../lib/writers/instances";
import { Testing } from "cdktf";
import { resourcesOf } from "../helpers";
import { SHARDS, appOutput, stacks } from "./example-app";

const written = appOutput();

// Stacks that take part in cross-stack references are snapshotted as the app writes them; shards 1 to 4 repeat
// shard 0's shape with other subscriptions, so they are synthesized, not snapshotted.
test.each(["fleet-central", "fleet-shard-00"])("example %s synthesizes with validations and matches its reviewed snapshot", (id) => {
  expect(() => Testing.synth(stacks.get(id)!, true)).not.toThrow();
  expect(written.get(id)).toMatchSnapshot();
});

test.each(SHARDS.slice(1))("example %s (shaped like shard 0) synthesizes with validations", (id) => {
  expect(() => Testing.synth(stacks.get(id)!, true)).not.toThrow();
});

test("11. 50 subscriptions in 5 shards, each with its own state, exporting to one central workspace", () => {
  const all = SHARDS.flatMap((id) => {
    const out = written.get(id);
    expect(out.terraform.backend.azurerm.key).toBe(`defender-export/${id.replace("fleet-", "")}.tfstate`);
    expect(Object.keys(out.provider)).toEqual(["azapi"]);
    expect(out.data.terraform_remote_state["cross-stack-reference-input-fleet-central"].config.key).toBe("defender-export/central.tfstate");
    // One for_each resource per shard, an instance per subscription.
    expect(Object.keys(resourcesOf(out, "azapi_resource"))).toHaveLength(2);
    const automations = Object.entries(resourcesOf(out, "azapi_resource"))
      .flatMap(([name, body]) => instancesOf(`azapi_resource.${name}`, body as any, out.locals).map((i) => i.json))
      .filter((r) => r.type.startsWith("Microsoft.Security"));
    for (const a of automations) {
      expect(a.body.properties.actions[0].workspaceResourceId).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-fleet-central\.outputs\./,
      );
      expect(a.depends_on.every((d: string) => d.startsWith("azapi_resource."))).toBe(true);
    }
    return automations.map((a) => a.parent_id.split("/")[2]);
  });
  expect(all).toHaveLength(50);
  expect(new Set(all).size).toBe(50);
  expect(stacks.get("fleet-shard-00")!.dependencies.map((s) => s.node.id)).toEqual(["fleet-central"]);
  const central = written.get("fleet-central");
  expect(Object.values(central.output)).toEqual([{ sensitive: true, value: "${azurerm_log_analytics_workspace.CentralWorkspace_A146853C.id}" }]);
});

import { FleetShard, IShardNaming, ShardPlan } from "../../lib";
import { errorOf } from "../helpers";

const ids = ["00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003"];

/** Naming as the other languages write it: a class that implements the interface (here with state of its own). */
class PrefixNaming implements IShardNaming {
  constructor(private readonly prefix: string) {}
  public stackOf(shard: FleetShard): string {
    return `${this.prefix}-${shard.name}`;
  }
  public backendKeyOf(shard: FleetShard): string {
    return `${this.prefix}/${shard.name}.tfstate`;
  }
}

describe("ShardPlan.deployment names the shards through IShardNaming", () => {
  const shards = ShardPlan.of(ids, { shardCount: 2 });

  test("a class instance and an object literal name the same jobs", () => {
    const literal = ShardPlan.deployment(shards, {
      naming: { stackOf: (s) => `fleet-${s.name}`, backendKeyOf: (s) => `fleet/${s.name}.tfstate` },
    });
    const instance = ShardPlan.deployment(shards, { naming: new PrefixNaming("fleet") });
    expect(instance).toEqual(literal);
    expect(instance.shards.map((j) => j.stack)).toEqual(shards.map((s) => `fleet-${s.name}`));
    expect(instance.shards.map((j) => j.backendKey)).toEqual(shards.map((s) => `fleet/${s.name}.tfstate`));
  });

  test("options without naming, or the old function options, are refused with DFE093", () => {
    const old = { stackOf: (s: FleetShard) => s.name, backendKeyOf: (s: FleetShard) => s.name };
    expect(errorOf(() => ShardPlan.deployment(shards, old as never))).toMatch(/^\[DFE093\] .*\{ naming: \{ stackOf, backendKeyOf \} \}/);
    expect(errorOf(() => ShardPlan.deployment(shards, { naming: { stackOf: (s: FleetShard) => s.name } as never }))).toMatch(/DFE093/);
  });
});

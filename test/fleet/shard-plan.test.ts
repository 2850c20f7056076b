import fc from "fast-check";
import { ShardPlan } from "../../lib";
import { errorOf } from "../helpers";

const guid = fc.uuid();
/** The shards of subscriptions …001 to …012 over 3 shards, as every version since 0.1 computes them. */
const PINNED = [
  [1, 3, 5, 6, 12],
  [4, 7, 8, 9],
  [2, 10, 11],
];
const shardOf = (shards: ReturnType<typeof ShardPlan.of>) => new Map(shards.flatMap((s) => s.subscriptionIds.map((id) => [id, s.index] as const)));

describe("planShards", () => {
  test("every subscription lands in exactly one shard", () => {
    fc.assert(
      fc.property(fc.uniqueArray(guid, { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 12 }), (ids, shardCount) => {
        const shards = ShardPlan.of(ids, { shardCount });
        expect(shards).toHaveLength(shardCount);
        expect(shards.flatMap((s) => s.subscriptionIds).sort()).toEqual([...ids].sort());
      }),
    );
  });

  test("adding or removing subscriptions never moves another one", () => {
    fc.assert(
      fc.property(fc.uniqueArray(guid, { minLength: 2, maxLength: 100 }), fc.integer({ min: 1, max: 8 }), (ids, shardCount) => {
        const [extra, ...rest] = ids;
        const before = shardOf(ShardPlan.of(rest, { shardCount }));
        const after = shardOf(ShardPlan.of([...rest, extra], { shardCount }));
        for (const id of rest) expect(after.get(id)).toBe(before.get(id));
      }),
    );
  });

  test("one more shard moves subscriptions only into the new shard", () => {
    fc.assert(
      fc.property(fc.uniqueArray(guid, { minLength: 1, maxLength: 100 }), fc.integer({ min: 1, max: 8 }), (ids, shardCount) => {
        const before = shardOf(ShardPlan.of(ids, { shardCount }));
        const after = shardOf(ShardPlan.of(ids, { shardCount: shardCount + 1 }));
        for (const id of ids) expect([before.get(id), shardCount]).toContain(after.get(id));
      }),
    );
  });

  test("with previousShardCount, each subscription that changes shard leaves its old shard and arrives in its new one, and only those", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(guid, { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (ids, previousShardCount, shardCount) => {
          const before = shardOf(ShardPlan.of(ids, { shardCount: previousShardCount }));
          const shards = ShardPlan.of(ids, { shardCount, previousShardCount });
          const after = shardOf(shards);
          expect(shards).toHaveLength(Math.max(shardCount, previousShardCount));
          expect(shards.map((s) => s.retiring)).toEqual(shards.map((s) => s.index >= shardCount));
          const movers = ids.filter((id) => before.get(id) !== after.get(id)).sort();
          expect(shards.flatMap((s) => s.arriving).sort()).toEqual(movers);
          expect(shards.flatMap((s) => s.leaving).sort()).toEqual(movers);
          for (const s of shards) {
            for (const id of s.arriving) expect(after.get(id)).toBe(s.index);
            for (const id of s.leaving) expect(before.get(id)).toBe(s.index);
          }
        },
      ),
    );
  });

  test("without previousShardCount nothing arrives or leaves", () => {
    const shards = ShardPlan.of(["10000000-0000-0000-0000-000000000001", "10000000-0000-0000-0000-000000000002"], { shardCount: 3 });
    expect(shards.flatMap((s) => [...s.arriving, ...s.leaving])).toEqual([]);
  });

  test("shards are named for stacks and state keys, and reasonably even", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `10000000-0000-0000-0000-${String(i).padStart(12, "0")}`);
    const shards = ShardPlan.of(ids, { shardCount: 10 });
    expect(shards.map((s) => s.name)).toEqual([
      "shard-00",
      "shard-01",
      "shard-02",
      "shard-03",
      "shard-04",
      "shard-05",
      "shard-06",
      "shard-07",
      "shard-08",
      "shard-09",
    ]);
    for (const s of shards) expect(s.subscriptionIds.length).toBeGreaterThan(60);
  });

  test("the assignment is pinned: the same subscriptions land in the same shards in every version (a change would move state)", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `10000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}`);
    const shards = ShardPlan.of(ids, { shardCount: 3 });
    // Rendezvous hashing with SHA-256 of "<lower-case subscription>|<shard>", hex compared as text.
    expect(shards.map((s) => s.subscriptionIds.map((id) => Number(id.slice(-2))))).toEqual(PINNED);
  });

  test("a shard over maxShardSize, a bad shard count and duplicates are refused", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `10000000-0000-0000-0000-${String(i).padStart(12, "0")}`);
    expect(errorOf(() => ShardPlan.of(ids, { shardCount: 2, maxShardSize: 10 }))).toMatch(/DFE094.*Raise shardCount/);
    expect(errorOf(() => ShardPlan.of(ids, { shardCount: 0 }))).toMatch(/DFE093/);
    expect(errorOf(() => ShardPlan.of(ids, { shardCount: 2, previousShardCount: 1.5 }))).toMatch(/DFE093.*previousShardCount/);
    expect(errorOf(() => ShardPlan.of([ids[0], ids[0]], { shardCount: 2 }))).toMatch(/DFE092/);
  });
});

describe("bounded work", () => {
  const ids = Array.from({ length: 20 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`);
  /** Milliseconds a call takes. */
  const timed = (fn: () => unknown) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };

  test("a shard count or previous shard count above 1,000 is refused at once, before any work (DFE140)", () => {
    for (const options of [
      { shardCount: 1001 },
      { shardCount: 1e9 },
      { shardCount: 5, previousShardCount: 1e9 },
      { shardCount: Number.MAX_SAFE_INTEGER, previousShardCount: 5 },
    ]) {
      let message = "";
      expect(timed(() => (message = errorOf(() => ShardPlan.of(ids, options))))).toBeLessThan(200);
      expect(message).toMatch(
        /^\[DFE140\] (ShardPlan\.of\(…\) called at [^:]+:\d+: )?(shardCount|previousShardCount) \d+ is more than the 1000 shards a plan takes/,
      );
    }
  });

  test("the limit itself is planned (1,000 shards, and moving from 1,000 to 999)", () => {
    expect(ShardPlan.of(ids, { shardCount: 1000 })).toHaveLength(1000);
    const moving = ShardPlan.of(ids, { shardCount: 999, previousShardCount: 1000 });
    expect(moving).toHaveLength(1000);
    expect(moving[999].retiring).toBe(true);
  });

  test("more hashing than a plan may take (subscriptions times shard counts above 50 million) is refused before any (DFE141)", () => {
    const many = Array.from({ length: 100_001 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`);
    let message = "";
    expect(timed(() => (message = errorOf(() => ShardPlan.of(many, { shardCount: 500 }))))).toBeLessThan(500);
    expect(message).toMatch(
      /^\[DFE141\] (ShardPlan\.of\(…\) called at [^:]+:\d+: )?planning 100001 subscriptions over 500 shards takes 50000500 hashes/,
    );
    expect(errorOf(() => ShardPlan.of(many, { shardCount: 300, previousShardCount: 250 }))).toMatch(/DFE141.*300 \(and before, 250\) shards/);
  });

  test("malformed counts say what they got, in words", () => {
    expect(errorOf(() => ShardPlan.of(ids, { shardCount: "3" as never }))).toMatch(/DFE093.*got "3"/);
    expect(errorOf(() => ShardPlan.of(ids, undefined as never))).toMatch(/DFE093.*got undefined/);
  });
});

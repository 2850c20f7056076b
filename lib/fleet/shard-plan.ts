import { createHash } from "node:crypto";
import { ExportConfigError } from "../model/errors";

/** One shard of a fleet: the subscriptions one stack (with its own state) deploys. */
export interface FleetShard {
  /** The shard's index, from 0. */
  readonly index: number;
  /** A name for the shard's stack and state key, e.g. `shard-03`. */
  readonly name: string;
  /** The subscriptions of this shard, sorted. */
  readonly subscriptionIds: string[];
}

/** Options of {@link planShards}. */
export interface ShardPlanOptions {
  /** How many shards (stacks). Changing it moves only the subscriptions that the new shards take. */
  readonly shardCount: number;
  /** Refuse a plan in which a shard holds more subscriptions than this. @default no limit */
  readonly maxShardSize?: number;
}

/**
 * Splits subscriptions over shards by rendezvous (highest-random-weight) hashing: each subscription goes
 * to the shard with the highest hash of (subscription, shard). The assignment depends only on the
 * subscription id and the shard count, so adding or removing a subscription never moves another one to
 * another state, and raising the shard count moves only the subscriptions that the new shards win.
 */
export class ShardPlan {
  /** The shards for these subscriptions. */
  public static of(subscriptionIds: string[], options: ShardPlanOptions): FleetShard[] {
    return planShards(subscriptionIds, options);
  }

  private constructor() {}
}

function planShards(subscriptionIds: readonly string[], options: ShardPlanOptions): FleetShard[] {
  const count = options.shardCount;
  if (!Number.isInteger(count) || count < 1) {
    throw new ExportConfigError("DFE093", `shardCount must be a whole number of at least 1, got ${count}.`);
  }
  const digits = String(count - 1).length < 2 ? 2 : String(count - 1).length;
  const shards: FleetShard[] = Array.from({ length: count }, (_, index) => ({ index, name: `shard-${String(index).padStart(digits, "0")}`, subscriptionIds: [] }));
  const unique = [...new Set(subscriptionIds.map((s) => s.toLowerCase()))];
  if (unique.length !== subscriptionIds.length) {
    throw new ExportConfigError("DFE092", "a subscription is listed twice. List each subscription once.");
  }
  for (const id of [...subscriptionIds].sort()) {
    shards[shardOf(id, count)].subscriptionIds.push(id);
  }
  const largest = Math.max(...shards.map((s) => s.subscriptionIds.length));
  if (options.maxShardSize !== undefined && largest > options.maxShardSize) {
    throw new ExportConfigError(
      "DFE094",
      `a shard would hold ${largest} subscriptions, more than maxShardSize ${options.maxShardSize}. Raise shardCount (to about ${Math.ceil((subscriptionIds.length * 1.2) / options.maxShardSize)}): that moves only the subscriptions the new shards take.`,
    );
  }
  return shards;
}

function shardOf(subscriptionId: string, count: number): number {
  let best = 0;
  let bestWeight = "";
  for (let shard = 0; shard < count; shard++) {
    const weight = createHash("sha256").update(`${subscriptionId.toLowerCase()}|${shard}`).digest("hex");
    if (weight > bestWeight) {
      best = shard;
      bestWeight = weight;
    }
  }
  return best;
}

"""Synthesizes every example stack with the check pack on: the Python twin of examples/main.ts.

    python examples/python/main.py [OUTDIR]

writes OUTDIR/stacks/<stack>/cdk.tf.json (default cdktf.out) and the sharded fleet's deployment plan,
OUTDIR/shard-plan.json.
"""

import json
import os
import sys

from cdktf import App

from cdktf_defender_export import ContinuousExportChecks

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stacks import add_example_stacks  # noqa: E402 (the examples' folder is on the path first)


def main() -> None:
    outdir = sys.argv[1] if len(sys.argv) > 1 else "cdktf.out"
    app = App(outdir=outdir)
    deployment = add_example_stacks(app)
    ContinuousExportChecks.add_to(app)
    app.synth()
    plan = {
        "first": list(deployment.first),
        "shards": [
            {
                "shard": job.shard,
                "stack": job.stack,
                "backendKey": job.backend_key,
                "subscriptionCount": job.subscription_count,
                "arriving": job.arriving,
                "leaving": job.leaving,
                "retiring": job.retiring,
            }
            for job in deployment.shards
        ],
        "subscriptionCount": deployment.subscription_count,
    }
    with open(os.path.join(outdir, "shard-plan.json"), "w", encoding="utf-8") as out:
        out.write(json.dumps(plan, indent=2) + "\n")


if __name__ == "__main__":
    main()

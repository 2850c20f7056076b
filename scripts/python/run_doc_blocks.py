"""Runs the Python blocks of the README and docs/ in one interpreter (one jsii runtime for all of them).

    python run_doc_blocks.py BLOCKS.json OUTDIR

BLOCKS.json is a list of {"where": "docs/health.md#1", "code": "..."}. A complete program (one that imports
what it uses) runs as written, as ``__main__``, in the current folder; the cdktf.out/ it writes is moved to
OUTDIR/<n>/. A fragment runs in a stack of its own app (``self`` is the stack, as in a stack's ``__init__``),
with every name of the library and the names the docs leave to the reader's app (``GIVEN`` below); its app
synthesizes into OUTDIR/<n>/. Prints one JSON line per block: {"where", "ok", "error"}; exits 1 if any failed.
"""

import json
import os
import re
import shutil
import sys
import traceback
from typing import Any, Callable, Dict

import cdktf
import cdktf_defender_export
from cdktf import App, TerraformStack
from cdktf_cdktf_provider_azurerm.provider import AzurermProvider
from cdktf_cdktf_provider_azurerm.resource_group import ResourceGroup

SOC = "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc"
# The given workspaces are in the given subscription, which the fragment's provider writes to.
OWN = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-own"
IN_B = "/subscriptions/00000000-0000-0000-0000-0000000000b9/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-b"


def given(stack: TerraformStack) -> Dict[str, Callable[[], Any]]:
    """The names a fragment may use without defining them (the Python twins of test/doc-blocks.ts's GIVEN)."""
    lib = cdktf_defender_export

    def workspace(id: str, resource_id: str = OWN) -> Callable[[], Any]:
        return lambda: lib.LogAnalyticsDestination.from_workspace_id(stack, id, resource_id)

    def legacy() -> Any:
        return lib.ContinuousExport(
            stack,
            "Legacy",
            subscription_id="00000000-0000-0000-0000-000000000001",
            resource_group_name="rg-legacy",
            location="westeurope",
            exports=[lib.Export.alerts()],
            destinations=[lib.LogAnalyticsDestination.from_workspace_id(stack, "LegacyWorkspace", SOC)],
        )

    return {
        "subscription_id": lambda: "00000000-0000-0000-0000-000000000001",
        "subscription_ids": lambda: ["00000000-0000-0000-0000-0000000001a1", "00000000-0000-0000-0000-0000000001a2"],
        "tenant_id": lambda: "00000000-0000-0000-0000-0000000000aa",
        "resource_group_name": lambda: "rg-defender-export",
        "location": lambda: "westeurope",
        "storage_account_name": lambda: "sttfstatedefender",
        "container_name": lambda: "tfstate",
        "soc_workspace_id": lambda: SOC,
        "workspace_id_in_b": lambda: IN_B,
        "guest_object_id_in_b": lambda: "00000000-0000-0000-0000-0000000000dd",
        "A": lambda: "00000000-0000-0000-0000-0000000000aa",
        "B": lambda: "00000000-0000-0000-0000-0000000000bb",
        "sub_a": lambda: "00000000-0000-0000-0000-0000000000a1",
        "sub_b": lambda: "00000000-0000-0000-0000-0000000000b9",
        "exports": lambda: [lib.Export.alerts()],
        "workspace": workspace("GivenWorkspace"),
        "central_workspace": workspace("GivenCentralWorkspace"),
        "sentinel_workspace": workspace("GivenSentinelWorkspace"),
        "legacy_automation": legacy,
    }


def run_fragment(code: str, where: str, outdir: str) -> None:
    app = App(outdir=outdir)
    stack = TerraformStack(app, "doc")
    namespace: Dict[str, Any] = {name: getattr(cdktf_defender_export, name) for name in cdktf_defender_export.__all__}
    namespace.update({name: getattr(cdktf, name) for name in ("App", "AzurermBackend", "TerraformOutput", "TerraformStack", "TerraformVariable")})
    namespace.update(AzurermProvider=AzurermProvider, ResourceGroup=ResourceGroup, app=app, stack=stack, self=stack)
    if not re.search(r"\bAzurermProvider\(\s*self", code):
        AzurermProvider(stack, "azurerm", features=[{}], subscription_id="00000000-0000-0000-0000-000000000001")
    # Only the given names the fragment uses and does not define: a given construct it does not use would be synthesized too.
    for name, make in given(stack).items():
        if re.search(rf"(?<![\w.]){name}\b", code) and not re.search(rf"^{name}\s*=(?!=)", code, re.M):
            namespace[name] = make()
    exec(compile(code, where, "exec"), namespace)
    app.synth()


def run_program(code: str, where: str, outdir: str) -> None:
    exec(compile(code, where, "exec"), {"__name__": "__main__"})
    if os.path.isdir("cdktf.out"):
        shutil.move("cdktf.out", outdir)


def main() -> None:
    blocks = json.load(open(sys.argv[1], encoding="utf-8"))
    out = os.path.abspath(sys.argv[2])
    failed = 0
    for n, block in enumerate(blocks):
        outdir = os.path.join(out, str(n))
        program = re.search(r"^(from|import) ", block["code"], re.M) is not None
        try:
            (run_program if program else run_fragment)(block["code"], block["where"], outdir)
            print(json.dumps({"where": block["where"], "ok": True, "outdir": outdir}), flush=True)
        except BaseException:  # noqa: BLE001 (a block's SystemExit or jsii error is its failure)
            failed += 1
            print(json.dumps({"where": block["where"], "ok": False, "error": traceback.format_exc(limit=4)}), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Helper of make-sample-releases.sh: writes the progress.json to release next.

    sample-history.py june FULL OUT       figures up to 30 June, two of them preliminary
    sample-history.py september FULL OUT  all figures, those two revised, keeping OUT's changelog

FULL is the full sample from make-sample-progress.py. Sample data only.
"""
import json
import sys

JUNE = "2026-06-30"
# Citywide June figures first published low, then revised (made up).
PRELIMINARY = {"ai-enterprises": 0.97, "ai-invention-patents": 0.95}

# The September release's publication date: when they were revised.
REVISED_ON = "2026-10-15"


def revised(o):
    return o["as_of"] == JUNE and "district" not in o and o["indicator"] in PRELIMINARY


def first_published(o):
    return round(o["value"] * PRELIMINARY[o["indicator"]])


stage, full_path, out_path = sys.argv[1:4]
full = json.load(open(full_path, encoding="utf-8"))

if stage == "june":
    doc = dict(full)
    doc["observations"] = []
    for o in full["observations"]:
        if o["as_of"] > JUNE:
            continue
        o = dict(o)
        if revised(o):
            o["value"] = first_published(o)
            o["flag"] = "preliminary"
        doc["observations"].append(o)
    doc["milestones"] = [m for m in full["milestones"] if m["as_of"] <= JUNE]
    doc["updates"] = [u for u in full["updates"] if u["as_of"] <= JUNE]
    doc["release"] = dict(full["release"], as_of=JUNE)
elif stage == "september":
    released = json.load(open(out_path, encoding="utf-8"))
    doc = dict(full)
    doc["observations"] = []
    for o in full["observations"]:
        if revised(o):
            o = dict(o, flag="revised", revision={"replaced": first_published(o), "revised_on": REVISED_ON})
        doc["observations"].append(o)
    doc["release"] = dict(full["release"], changelog=released["release"]["changelog"])
else:
    sys.exit(f"unknown stage {stage!r}: june or september")

with open(out_path, "w", encoding="utf-8") as f:
    f.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
print(f"{out_path}: {stage}, {len(doc['observations'])} observations")

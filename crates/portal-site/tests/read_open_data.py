"""Reads a published site's open-data files with third-party readers and
prints what they found, as JSON, for src/tests/open_data.rs to check against
the model:

- each release's Data Package, validated by `frictionless` (hashes, sizes,
  types, keys, foreign keys);
- each release's CSVW metadata, validated by `csvwvalidate` (the `csvw`
  package) and read back as JSON by `csvw2json`;
- the DCAT catalog, read by the JSON-LD processor `pyld` (flattened), each
  distribution's checksum against the file's own SHA-256;
- the pages' schema.org JSON-LD, found by `extruct` and expanded by `pyld`
  (schema.org's context given locally, as this machine has no internet).

Usage: python3 read_open_data.py <site folder> <site url> <page>...
"""

import hashlib
import json
import pathlib
import subprocess
import sys

import extruct
from frictionless import validate
from pyld import jsonld

site = pathlib.Path(sys.argv[1])
url = sys.argv[2]
pages = sys.argv[3:]
found = {"packages": {}, "csvw": {}, "catalog": {}, "pages": {}}


def local(address):
    """The file an address of the site names."""
    assert address.startswith(url), address
    return site / address[len(url):]


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


index = json.loads((site / "data/releases/index.json").read_text("utf-8"))
for release in index:
    version = release["version"]
    folder = site / "data/releases" / version
    report = validate(str(folder / "datapackage.json"))
    found["packages"][version] = {
        "valid": report.valid,
        "errors": [e.message for task in report.tasks for e in task.errors][:10]
        + [e.message for e in report.errors][:10],
        "resources": [task.name for task in report.tasks],
    }
    metadata = folder / "csv/csv-metadata.json"
    # Null-valued foreign keys (an indicator in no goal area, a citywide
    # figure with no district) are allowed (`-l`): empty means "none".
    checked = subprocess.run(
        ["csvwvalidate", "-l", "-v", str(metadata)], capture_output=True, text=True
    )
    as_json = subprocess.run(["csvw2json", str(metadata)], capture_output=True, text=True)
    tables = json.loads(as_json.stdout) if as_json.returncode == 0 else {"tables": []}
    found["csvw"][version] = {
        "valid": checked.returncode == 0 and checked.stdout.strip().endswith("OK"),
        "said": (checked.stdout + checked.stderr)[-2000:],
        "rows": {
            t["url"]: [row["describes"][0] for row in t["row"]] for t in tables["tables"]
        },
    }

flat = jsonld.flatten(json.loads((site / "data/catalog.jsonld").read_text("utf-8")))
nodes = {node["@id"]: node for node in flat}
DCAT = "http://www.w3.org/ns/dcat#"
SPDX = "http://spdx.org/rdf/terms#"


def typed(kind):
    return [n for n in flat if kind in n.get("@type", [])]


def first(node, prop):
    values = node.get(prop, [])
    return values[0] if values else None


checked, wrong = 0, []
datasets = {}
for dataset in typed(DCAT + "Dataset"):
    series = first(dataset, DCAT + "inSeries")
    distributions = dataset.get(DCAT + "distribution", [])
    for ref in distributions:
        distribution = nodes[ref["@id"]]
        checksum = nodes[first(distribution, SPDX + "checksum")["@id"]]
        value = first(checksum, SPDX + "checksumValue")["@value"]
        algorithm = first(checksum, SPDX + "algorithm")["@id"]
        download = first(distribution, DCAT + "downloadURL")["@id"]
        size = int(first(distribution, DCAT + "byteSize")["@value"])
        path = local(download)
        checked += 1
        if value != sha256(path) or size != path.stat().st_size or not algorithm.endswith("sha256"):
            wrong.append(download)
    datasets[first(dataset, DCAT + "version")["@value"]] = {
        "in_series": series["@id"] if series else None,
        "distributions": len(distributions),
        "prev": (first(dataset, DCAT + "prev") or {}).get("@id"),
    }
found["catalog"] = {
    "datasets": datasets,
    "series": [n["@id"] for n in typed(DCAT + "DatasetSeries")],
    "catalogs": len(typed(DCAT + "Catalog")),
    "checked": checked,
    "wrong": wrong,
}

SCHEMA_CONTEXT = {"@context": {"@vocab": "http://schema.org/"}}


def loader(address, options=None):
    if address.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": address, "document": SCHEMA_CONTEXT}
    raise ValueError("no remote documents: " + address)


S = "http://schema.org/"
for page in pages:
    html = (site / page).read_text("utf-8")
    items = extruct.extract(html, base_url=url + page, syntaxes=["json-ld"])["json-ld"]
    described = []
    for item in items:
        expanded = jsonld.expand(item, {"documentLoader": loader})[0]
        downloads = expanded.get(S + "distribution", [])
        mismatched = []
        for d in downloads:
            address = d[S + "contentUrl"][0]["@value"]
            if d[S + "sha256"][0]["@value"] != sha256(local(address)):
                mismatched.append(address)
        described.append({
            "type": [t.replace(S, "") for t in expanded["@type"]],
            "name": expanded[S + "name"][0]["@value"],
            "description": (expanded.get(S + "description") or [{"@value": ""}])[0]["@value"],
            "downloads": len(downloads),
            "mismatched": mismatched,
            "variables": [v[S + "propertyID"][0]["@value"]
                          for v in expanded.get(S + "variableMeasured", [])],
            "licence": [v.get("@value") or v.get("@id") for v in expanded.get(S + "license", [])],
        })
    found["pages"][page] = described

print(json.dumps(found, ensure_ascii=False))

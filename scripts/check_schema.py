#!/usr/bin/env python3
"""Checks data/schema/department.schema.json against the files juesuan reads.

    python3 scripts/check_schema.py [--juesuan BINARY]

The JSON Schema is what editors (the YAML language server) use to check a
department's YAML as the officer types. This keeps it in step with the
loader (generator/source/load.cpp):

- the schema is a valid draft-07 schema;
- every department juesuan accepts validates: data/examples, data/slips,
  tests/departments, tests/profiles, tests/extreme, and a synthetic city
  (scripts/synth_city.py, both formats, 元 and 万元); with --juesuan, the
  skeleton `juesuan init` writes too;
- every case of tests/bad-inputs is either rejected (by the schema, or as
  YAML an editor cannot read) or listed in NOT_EXPRESSIBLE with the reason
  a schema cannot see the mistake; a listed case the schema does reject
  fails too, so the list stays true.

The YAML is read as the YAML language server reads it, by the YAML 1.2
core schema: `year: 2022` is a number, `publish_date: 2023-09` a string,
`yes` a string (PyYAML's default, YAML 1.1, would make it true).

Exit status 0 when all is well, 1 when a check fails.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "data/schema/department.schema.json")

# Bad inputs a schema cannot reject, and why. Every other case of
# tests/bad-inputs must be rejected.
NOT_EXPRESSIBLE = {
    "amount-exponent": "1e3 is a number in YAML 1.2; only its spelling is wrong",
    "amount-leading-plus": "+5 is a number in YAML 1.2; only its spelling is wrong",
    "amount-too-many-decimals-wan": "a number's decimals are not visible to a schema",
    "amount-too-many-decimals-yuan": "a number's decimals are not visible to a schema (nor the unit)",
    "code-duplicate": "two items with one code: a schema compares no values across items",
    "code-unknown-class": "the catalog of 科目 is not in the schema",
    "code-unknown-item": "the catalog of 科目 is not in the schema",
    "code-unknown-kuan": "the catalog of 科目 is not in the schema",
    "economic-code-unknown": "the catalog of 科目 is not in the schema",
    "disk-full-html": "a valid department (the failure is the disk)",
    "disk-full-pdf": "a valid department (the failure is the disk)",
    "output-in-proc": "a valid department (the failure is the output folder)",
    "output-is-file": "a valid department (the failure is the output folder)",
    "output-under-file": "a valid department (the failure is the output folder)",
    "font-file-missing": "a valid department (the failure is the fonts)",
    "font-is-folder": "a valid department (the failure is the fonts)",
    "font-manifest-not-mapping": "a valid department (the failure is the font manifest)",
    "font-role-missing": "a valid department (the failure is the font manifest)",
    "font-role-unknown-face": "a valid department (the failure is the font manifest)",
    "font-not-a-font": "a valid department (the failure is the fonts)",
    "template-triple-brace": "a valid department (the failure is a template)",
    "template-department-figure-class": "a valid department (the failure is a template)",
    "template-unclosed-section": "a valid department (the failure is a template)",
    "template-unknown-directive": "a valid department (the failure is a template)",
    "template-unknown-placeholder": "a valid department (the failure is a template)",
    "utf8-bom": "a valid department",
    "anchor-alone": "an anchor is valid YAML; the loader refuses anchors and aliases",
    "file-100mb": "the size limit is the loader's, not the schema's",
    "syntax-second-document": "an editor checks each document of a file on its own",
}


# The keys the loader itself requires (the others of the schema's
# "required" are the blocks `check` requires: rule required-block).
LOAD_REQUIRED = {"department", "year", "format", "amount_unit", "items"}


class Core12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the implicit types of the YAML 1.2 core
    schema (null, true/false, int, float) instead of YAML 1.1's."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    Core12Loader.add_implicit_resolver(tag, re.compile(regexp), first)


def core12_int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v)


def core12_float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith("inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    if v.endswith("nan"):
        return float("nan")
    return float(v)


def core12_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def unique_mapping(loader, node, deep=False):
    # YAML requires a map's keys to be unique (the YAML language server
    # reports a duplicate); PyYAML would keep the last silently.
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


Core12Loader.construct_mapping = unique_mapping
Core12Loader.add_constructor("tag:yaml.org,2002:int", core12_int)
Core12Loader.add_constructor("tag:yaml.org,2002:float", core12_float)
Core12Loader.add_constructor("tag:yaml.org,2002:bool", core12_bool)


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f.read().decode("utf-8-sig"), Loader=Core12Loader)


def errors(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


def describe(e):
    return "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--juesuan", help="the juesuan binary: also validate what `juesuan init` writes")
    args = ap.parse_args()

    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failed = 0

    def accept(path, shown=None):
        nonlocal failed
        errs = errors(validator, load(path))
        if errs:
            failed += 1
            print(f"FAIL: {shown or os.path.relpath(path, ROOT)} is accepted by juesuan but not by the schema:")
            for e in errs[:5]:
                print("   ", describe(e))
        return not errs

    valid = []
    for pattern in ["data/examples/*.yaml", "data/slips/*.yaml", "tests/departments/*.yaml",
                    "tests/profiles/*.yaml", "tests/extreme/*.yaml"]:
        valid += sorted(glob.glob(os.path.join(ROOT, pattern)))
    if len(valid) < 10:
        print(f"FAIL: only {len(valid)} valid departments found")
        failed += 1
    ok = sum(accept(p) for p in valid)
    print(f"{ok} of {len(valid)} departments of the repository validate")

    with tempfile.TemporaryDirectory() as tmp:
        city = os.path.join(tmp, "city")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts/synth_city.py"), "30", city, "--seed", "7"],
                       check=True, stdout=subprocess.DEVNULL)
        synth = sorted(glob.glob(os.path.join(city, "**/*.yaml"), recursive=True))
        units = {load(p).get("amount_unit") for p in synth}
        formats = {str(load(p).get("format")) for p in synth}
        if len(synth) != 30 or units != {"元", "万元"} or formats != {"2021", "2022"}:
            print(f"FAIL: the synthetic city has {len(synth)} departments, units {units}, formats {formats}")
            failed += 1
        ok = sum(accept(p, "synthetic " + os.path.relpath(p, city)) for p in synth)
        print(f"{ok} of {len(synth)} synthetic departments validate")
        if args.juesuan:
            skeleton = os.path.join(tmp, "init.yaml")
            subprocess.run([args.juesuan, "init", "-o", skeleton], check=True)
            if accept(skeleton, "the skeleton of `juesuan init`"):
                print("the skeleton of `juesuan init` validates")

    # The bad inputs are cases of the loader, most of them a few lines long:
    # they are judged without the blocks that only `check` requires
    # (required-block), so that what rejects them is their own mistake.
    loader_schema = json.loads(json.dumps(schema))
    loader_schema["required"] = [k for k in schema["required"] if k in LOAD_REQUIRED]
    validator = jsonschema.Draft7Validator(loader_schema)
    bad = sorted(glob.glob(os.path.join(ROOT, "tests/bad-inputs/*.yaml")))
    names = {os.path.basename(p)[:-5] for p in bad}
    for name in sorted(set(NOT_EXPRESSIBLE) - names):
        print(f"FAIL: NOT_EXPRESSIBLE lists {name}, which is not a case of tests/bad-inputs")
        failed += 1
    rejected = 0
    for path in bad:
        name = os.path.basename(path)[:-5]
        try:
            doc = load(path)
            why = describe(errors(validator, doc)[0]) if errors(validator, doc) else None
        except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as e:
            why = "not YAML an editor can read: " + (str(e).splitlines() or ["too deep"])[0]
        if name in NOT_EXPRESSIBLE:
            if why and name != "syntax-second-document":
                print(f"FAIL: {name} is listed as one a schema cannot reject, but it is rejected ({why})")
                failed += 1
            continue
        if not why:
            print(f"FAIL: the bad input {name} validates against the schema")
            failed += 1
        else:
            rejected += 1
    print(f"{rejected} of {len(bad)} bad inputs rejected, {len(NOT_EXPRESSIBLE)} not expressible in a schema")
    if rejected < 40:
        print("FAIL: fewer than 40 bad inputs rejected")
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

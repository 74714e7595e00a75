"""YAML peer: PyYAML with its C (libyaml) loader and dumper.

    python3 yaml_pyyaml.py load FILE         loads the document into Python objects
    python3 yaml_pyyaml.py dump FILE OUT     loads the document and dumps it again into OUT

PyYAML resolves plain scalars by YAML 1.1, where a lone `=` is the "value" key tag that no safe constructor knows; a
dataset note can be exactly `=`, so it is read as the text it is. Lines are never folded (width -1), as RegionKit
writes them.
"""

import sys

import yaml


class Loader(yaml.CSafeLoader):
    pass


Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


def load(path):
    with open(path, "rb") as file:
        document = yaml.load(file, Loader=Loader)
    return document


def rows(document):
    return sum(len(table) for table in document.values() if isinstance(table, list))


def run_load(path):
    print(f"{rows(load(path))} rows")


def run_dump(path, out):
    document = load(path)
    with open(out, "w", encoding="utf-8") as file:
        yaml.dump(document, file, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=-1)
    print(f"{rows(document)} rows")


if __name__ == "__main__":
    {"load": run_load, "dump": run_dump}[sys.argv[1]](*sys.argv[2:])

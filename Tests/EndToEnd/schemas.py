"""The JSON Schemas of Resources/Schemas (draft 2020-12), one per command, and a validator that
resolves their references to each other."""
import json
import pathlib

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = pathlib.Path(__file__).resolve().parents[2] / "Resources" / "Schemas"


def _registry():
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        document = json.loads(path.read_text())
        resources.append((document["$id"], Resource.from_contents(document)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def schema_path(command):
    """`methods add-phone` -> Resources/Schemas/methods-add-phone.schema.json."""
    return SCHEMAS / (command.replace(" ", "-") + ".schema.json")


def validate(command, document):
    """Raises jsonschema.ValidationError when `document` is not what `command`'s schema says."""
    schema = json.loads(schema_path(command).read_text())
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(document)


def item_schema_validate(command, line_object):
    """A JSON lines object checked against the items of `command`'s array schema."""
    schema = json.loads(schema_path(command).read_text())
    while "$ref" in schema:
        schema = json.loads((SCHEMAS / schema["$ref"]).read_text())
    items = dict(schema["items"], **{"$schema": schema["$schema"]})
    Draft202012Validator(items, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(line_object)

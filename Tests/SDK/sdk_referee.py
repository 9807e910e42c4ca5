"""The schema referee: every answer the sandbox gives must match ../shared/specs.

- Graph (`/v1.0/...`): each entity in an answer is checked against its entity type in the v1.0
  CSDL excerpt (following BaseType): every property must exist on the type and carry a JSON value
  of a compatible type (strings, booleans, integers, ISO 8601 timestamps, enum members,
  collections); `@odata.*` annotations aside. The type comes from the item's `@odata.type`, else
  from the path (`phoneMethods` → phoneAuthenticationMethod, `operations` → longRunningOperation,
  ...). Error answers must have Graph's error shape.
- Auth0 (`/api/v2/...`): each answer is validated against the OpenAPI response schema of its
  path, method and status (an undocumented status is a failure too); error answers must have
  Auth0's error shape.
- Token endpoints (Entra and Auth0, not in the specs): the fields API-FACTS.md names.

`check(exchange)` returns a list of problems, each naming the method, path, field and the
expected type; an empty list means the answer conforms.
"""

import json
import pathlib
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree

from sdk_proxy import Exchange

from openapi_schema_validator import OAS31Validator, oas31_format_checker

SPECS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "specs"
if not SPECS.is_dir():
    SPECS = pathlib.Path("/work/shared/specs")
CSDL_FILE = SPECS / "graph-v1.0-authentication-methods.csdl.xml"
OPENAPI_FILE = SPECS / "auth0-management-v2-authentication-methods.openapi.json"

ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

# The collection segment under /users/{id}/authentication/ → the entity type of its items.
GRAPH_SEGMENT_TYPES = {
    "methods": "authenticationMethod",
    "phoneMethods": "phoneAuthenticationMethod",
    "emailMethods": "emailAuthenticationMethod",
    "passwordMethods": "passwordAuthenticationMethod",
    "fido2Methods": "fido2AuthenticationMethod",
    "microsoftAuthenticatorMethods": "microsoftAuthenticatorAuthenticationMethod",
    "softwareOathMethods": "softwareOathAuthenticationMethod",
    "temporaryAccessPassMethods": "temporaryAccessPassAuthenticationMethod",
    "windowsHelloForBusinessMethods": "windowsHelloForBusinessAuthenticationMethod",
    "platformCredentialMethods": "platformCredentialAuthenticationMethod",
    "externalAuthenticationMethods": "externalAuthenticationMethod",
    "operations": "longRunningOperation",
    "userRegistrationDetails": "userRegistrationDetails",
}


class GraphModel:
    """The entity types, complex types and enums of the CSDL excerpt."""

    def __init__(self, text):
        text = re.sub(r"<\?xml[^>]*\?>", "", text)
        root = ElementTree.fromstring(f"<Excerpt>{text}</Excerpt>")
        # graph.entity is the root of every entity type; the excerpt leaves it out: it has `id`.
        self.types = {"entity": {"base": None, "abstract": True, "properties": {"id": ("Edm.String", False)}}}
        self.enums = {}
        for element in root:
            tag = element.tag.split("}")[-1]
            name = element.get("Name")
            if tag in ("EntityType", "ComplexType"):
                properties = {}
                for child in element:
                    child_tag = child.tag.split("}")[-1]
                    if child_tag in ("Property", "NavigationProperty"):
                        properties[child.get("Name")] = (child.get("Type"), child.get("Nullable") == "false")
                base = element.get("BaseType")
                self.types[name] = {"base": base.split(".")[-1] if base else None,
                                    "abstract": element.get("Abstract") == "true", "properties": properties}
            elif tag == "EnumType":
                self.enums[name] = {member.get("Name") for member in element if member.tag.split("}")[-1] == "Member"}

    def properties(self, type_name):
        found = {}
        while type_name:
            entry = self.types[type_name]
            for key, value in entry["properties"].items():
                found.setdefault(key, value)
            type_name = entry["base"]
        return found

    def is_subtype(self, type_name, ancestor):
        while type_name:
            if type_name == ancestor:
                return True
            type_name = self.types[type_name]["base"] if type_name in self.types else None
        return False

    def check_entity(self, value, expected, where):
        """Problems of `value` as an instance of the entity or complex type `expected`."""
        if not isinstance(value, dict):
            return [f"{where}: expected an object of type {expected}, got {json_type(value)}"]
        actual = expected
        annotated = value.get("@odata.type")
        if annotated is not None:
            name = annotated.removeprefix("#").removeprefix("microsoft.graph.")
            if name not in self.types:
                return [f"{where}.@odata.type: {annotated!r} is not a type in the v1.0 CSDL"]
            if not self.is_subtype(name, expected):
                return [f"{where}.@odata.type: {annotated!r} is not a {expected}"]
            actual = name
        if self.types[actual]["abstract"] and actual != "entity":
            return [f"{where}: an item of the abstract type {actual} must carry @odata.type naming its concrete type"]
        known = self.properties(actual)
        problems = []
        for key, item in value.items():
            if key.startswith("@odata.") or "@odata." in key:
                continue
            if key not in known:
                problems.append(f"{where}.{key}: no property {key!r} on {actual} (properties: {', '.join(sorted(known))})")
                continue
            edm, not_null = known[key]
            problems += self.check_value(item, edm, not_null, f"{where}.{key}")
        return problems

    def check_value(self, value, edm, not_null, where):
        if value is None:
            return [f"{where}: null where {edm} is not nullable"] if not_null else []
        if edm.startswith("Collection("):
            inner = edm[len("Collection("):-1]
            if not isinstance(value, list):
                return [f"{where}: expected an array of {inner}, got {json_type(value)}"]
            problems = []
            for index, item in enumerate(value):
                problems += self.check_value(item, inner, True, f"{where}[{index}]")
            return problems
        if edm in ("Edm.String", "Edm.Guid", "Edm.Binary"):
            return [] if isinstance(value, str) else [f"{where}: expected {edm} (a JSON string), got {json_type(value)}"]
        if edm == "Edm.Boolean":
            return [] if isinstance(value, bool) else [f"{where}: expected Edm.Boolean (true or false), got {json_type(value)}"]
        if edm in ("Edm.Int32", "Edm.Int64", "Edm.Int16", "Edm.Byte"):
            ok = isinstance(value, int) and not isinstance(value, bool)
            return [] if ok else [f"{where}: expected {edm} (a JSON integer), got {json_type(value)}"]
        if edm == "Edm.DateTimeOffset":
            if isinstance(value, str) and ISO_8601.match(value):
                return []
            return [f"{where}: expected Edm.DateTimeOffset (an ISO 8601 string such as 2024-05-01T10:00:00Z), got {value!r}"]
        name = edm.split(".")[-1]
        if name in self.enums:
            if isinstance(value, str) and value in self.enums[name]:
                return []
            return [f"{where}: expected a member of {edm} ({', '.join(sorted(self.enums[name]))}), got {value!r}"]
        if name in self.types:
            return self.check_entity(value, name, where)
        # A type the excerpt does not define: an entity or complex type (graph.device,
        # graph.webauthnPublicKeyCredential) is an object, an enum (graph.signInUserType) a string.
        if isinstance(value, (dict, str)):
            return []
        return [f"{where}: expected {edm} (an object, or an enum member string; not in the excerpt), got {json_type(value)}"]


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"string {value!r}"
    if isinstance(value, list):
        return "array"
    return "object"


class Auth0Model:
    """The paths, operations and response schemas of the Auth0 OpenAPI excerpt."""

    def __init__(self, document):
        self.document = document
        self.routes = []
        for template, operations in document["paths"].items():
            pattern = "^/api/v2" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
            self.routes.append((re.compile(pattern), template, operations))

    def operation(self, method, path):
        for pattern, template, operations in self.routes:
            if pattern.match(path):
                return template, operations.get(method.lower())
        return None, None

    def check(self, method, path, status, body):
        where = f"{method} {path} → {status}"
        template, operation = self.operation(method, path)
        if template is None and (facts := check_auth0_off_spec(method, path, status, body, where)) is not None:
            return facts
        if template is None:
            return [f"{where}: no such path in the Auth0 OpenAPI"]
        if operation is None:
            return [f"{where}: {template} has no {method} in the Auth0 OpenAPI"]
        response = operation["responses"].get(str(status))
        if response is None:
            return [f"{where}: status {status} is not documented for {method} {template} "
                    f"(documented: {', '.join(operation['responses'])})"]
        if status >= 400:
            return check_auth0_error(body, status, where)
        content = (response.get("content") or {}).get("application/json")
        if content is None:
            return [] if body in (b"", None) else [f"{where}: {method} {template} {status} has no body, got {body[:80]!r}"]
        try:
            instance = json.loads(body)
        except ValueError:
            return [f"{where}: the body is not JSON: {body[:80]!r}"]
        schema = dict(content["schema"], components=self.document["components"])
        validator = OAS31Validator(schema, format_checker=oas31_format_checker)
        problems = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: [str(part) for part in e.absolute_path]):
            field = error.json_path
            expected = error.schema.get("type") if isinstance(error.schema, dict) else None
            detail = f" (schema {template}: expected {error.validator} {error.validator_value!r}" + \
                     (f", type {expected}" if expected else "") + ")"
            problems.append(f"{where}: at {field}: {error.message[:300]}{detail if len(detail) < 400 else ''}")
        return problems


def check_auth0_error(body, status, where):
    try:
        value = json.loads(body)
    except ValueError:
        return [f"{where}: an Auth0 error body must be JSON, got {body[:80]!r}"]
    problems = []
    if not isinstance(value, dict):
        return [f"{where}: an Auth0 error body must be an object"]
    if value.get("statusCode") != status:
        problems.append(f"{where}: $.statusCode: expected the integer {status}, got {value.get('statusCode')!r}")
    for key in ("error", "message"):
        if not isinstance(value.get(key), str):
            problems.append(f"{where}: $.{key}: expected a string, got {json_type(value.get(key))}")
    if "errorCode" in value and not isinstance(value["errorCode"], str):
        problems.append(f"{where}: $.errorCode: expected a string, got {json_type(value['errorCode'])}")
    return problems


def check_graph_error(value, where):
    error = value.get("error") if isinstance(value, dict) else None
    if not isinstance(error, dict):
        return [f"{where}: a Graph error body must be {{\"error\": {{...}}}}"]
    problems = []
    for key in ("code", "message"):
        if not isinstance(error.get(key), str):
            problems.append(f"{where}: $.error.{key}: expected a string, got {json_type(error.get(key))}")
    inner = error.get("innerError")
    if not isinstance(inner, dict):
        problems.append(f"{where}: $.error.innerError: expected an object with date, request-id, client-request-id")
    else:
        for key in ("date", "request-id", "client-request-id"):
            if not isinstance(inner.get(key), str):
                problems.append(f"{where}: $.error.innerError.{key}: expected a string, got {json_type(inner.get(key))}")
    return problems


# Auth0 endpoints outside the OpenAPI excerpt, checked against API-FACTS.md ("Auth0"):
# (method, path pattern) → the success statuses it names.
AUTH0_OFF_SPEC = [
    ("GET", re.compile(r"^/api/v2/user-blocks(/[^/]+)?$"), {200}),
    ("DELETE", re.compile(r"^/api/v2/user-blocks(/[^/]+)?$"), {204}),
    ("DELETE", re.compile(r"^/api/v2/users/[^/]+/sessions$"), {202, 204}),
]


def check_auth0_off_spec(method, path, status, body, where):
    """None when the endpoint is not one API-FACTS.md describes; else its problems: a success
    status it names, `blocked_for` a list of {identifier, ip} on a user-blocks read, Auth0's
    error shape on a refusal."""
    for verb, pattern, statuses in AUTH0_OFF_SPEC:
        if verb != method or not pattern.match(path):
            continue
        if status >= 400:
            return check_auth0_error(body, status, where)
        if status not in statuses:
            return [f"{where}: API-FACTS.md names {sorted(statuses)} for {method} on this endpoint"]
        if method != "GET":
            return [] if body in (b"", None) else [f"{where}: expected no body, got {body[:80]!r}"]
        value = json.loads(body)
        items = value.get("blocked_for") if isinstance(value, dict) else None
        if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("identifier"), str) for i in items):
            return [f"{where}: expected {{\"blocked_for\": [{{\"identifier\": ..., \"ip\": ...}}]}}, got {body[:120]!r}"]
        return []
    return None


class Referee:
    """Checks recorded exchanges against the specs."""

    def __init__(self):
        self.graph = GraphModel(CSDL_FILE.read_text())
        self.auth0 = Auth0Model(json.loads(OPENAPI_FILE.read_text()))

    def check(self, exchange):
        parsed = urllib.parse.urlsplit(exchange.path)
        path = urllib.parse.unquote(parsed.path)
        segments = [s for s in parsed.path.split("/") if s]
        where = f"{exchange.method} {path} → {exchange.status}"
        if path.startswith("/api/v2/"):
            return self.auth0.check(exchange.method, path, exchange.status, exchange.body)
        if path == "/oauth/token":
            return check_token(exchange, where, ("access_token", "token_type", "scope"), auth0=True)
        if len(segments) == 4 and segments[1:3] == ["oauth2", "v2.0"]:
            if segments[3] == "devicecode" and exchange.status == 200:
                return check_fields(exchange, where, {"device_code": str, "user_code": str, "verification_uri": str,
                                                      "expires_in": int, "interval": int, "message": str})
            return check_token(exchange, where, ("access_token", "token_type"), auth0=False)
        if segments[:1] == ["v1.0"]:
            return self.check_graph(exchange, segments[1:], where)
        if segments[:1] == ["beta"]:
            if exchange.status >= 400:
                return self.check_graph_body_error(exchange, where)
            expected = graph_success_status(exchange.method, segments[1:])
            if expected is not None and exchange.status != expected:
                return [f"{where}: expected status {expected} for {exchange.method} on {segments[-1]} (API-FACTS.md)"]
        return []

    def check_graph_body_error(self, exchange, where):
        try:
            value = json.loads(exchange.body)
        except ValueError:
            return [f"{where}: a Graph error body must be JSON, got {exchange.body[:80]!r}"]
        return check_graph_error(value, where)

    def check_batch(self, exchange, value, where):
        """Each inner answer of a JSON batch is checked as if it had come alone."""
        try:
            asked = {item["id"]: item for item in json.loads(exchange.request_body)["requests"]}
        except (ValueError, KeyError, TypeError):
            return [f"{where}: the batch request could not be read"]
        responses = value.get("responses") if isinstance(value, dict) else None
        if not isinstance(responses, list):
            return [f"{where}: $.responses: expected an array"]
        problems = []
        version = exchange.path.split("/")[1]
        for index, response in enumerate(responses):
            request = asked.get(response.get("id")) if isinstance(response, dict) else None
            if request is None:
                problems.append(f"{where}: $.responses[{index}].id: {response.get('id')!r} names no request")
                continue
            if not isinstance(response.get("status"), int):
                problems.append(f"{where}: $.responses[{index}].status: expected an integer")
                continue
            body = response.get("body")
            inner = Exchange(request["method"], f"/{version}/{request['url'].lstrip('/')}", b"", response["status"],
                             {k.lower(): v for k, v in (response.get("headers") or {}).items()},
                             b"" if body is None else json.dumps(body).encode())
            problems += [f"{where} (inner {response['id']}): {p}" for p in self.check(inner)]
        return problems

    def check_graph(self, exchange, segments, where):
        if exchange.status >= 400:
            return self.check_graph_body_error(exchange, where)
        expected = graph_success_status(exchange.method, segments)
        if expected is not None and exchange.status != expected:
            return [f"{where}: expected status {expected} for {exchange.method} on {segments[-1]} (API-FACTS.md)"]
        if segments[-1:] == ["resetPassword"]:
            location = exchange.headers.get("location", "")
            if not re.search(r"/users/[^/]+/authentication/operations/[^/?]+", location):
                return [f"{where}: Location: expected the operation's URL (.../users/{{id}}/authentication/operations/{{id}}), got {location!r}"]
        if exchange.status == 204:
            return [] if not exchange.body else [f"{where}: a 204 answer has no body, got {exchange.body[:80]!r}"]
        if not exchange.body:
            return []
        if not exchange.headers.get("content-type", "").startswith("application/json"):
            return [f"{where}: Content-Type: expected application/json, got {exchange.headers.get('content-type')!r}"]
        try:
            value = json.loads(exchange.body)
        except ValueError:
            return [f"{where}: the body is not JSON: {exchange.body[:80]!r}"]
        last = segments[-1] if segments else ""
        if last == "resetPassword":
            return self.graph.check_entity(value, "passwordResetResponse", "$")
        if last == "revokeSignInSessions":
            ok = isinstance(value, dict) and isinstance(value.get("value"), bool)
            return [] if ok else [f"{where}: $.value: expected Edm.Boolean, got {value!r}"]
        if last == "$batch":
            return self.check_batch(exchange, value, where)
        collection, single = graph_target(segments)
        single = single or exchange.method == "POST"  # a POST to a collection answers the new item
        if collection is None:
            return []  # users and reports: their types are not in the excerpt
        entity = GRAPH_SEGMENT_TYPES[collection]
        if single:
            return [f"{where}: {p}" for p in self.graph.check_entity(value, entity, "$")]
        if not isinstance(value, dict) or not isinstance(value.get("value"), list):
            return [f"{where}: a collection answer must be {{\"value\": [...]}}"]
        problems = []
        for key in value:
            if key != "value" and not key.startswith("@odata."):
                problems.append(f"{where}: $.{key}: not a collection member (only value and @odata.* are)")
        for index, item in enumerate(value["value"]):
            problems += [f"{where}: {p}" for p in self.graph.check_entity(item, entity, f"$.value[{index}]")]
        return problems


def graph_success_status(method, segments):
    """The success status API-FACTS.md gives for a Graph call, or None where it names none."""
    last = segments[-1] if segments else ""
    if method == "GET":
        return 200
    if method in ("PATCH", "DELETE"):
        return 204
    if method == "POST":
        if last == "resetPassword":
            return 202
        if last in ("enableSmsSignIn", "disableSmsSignIn"):
            return 204
        if last in ("revokeSignInSessions", "$batch"):
            return 200
        if last in ("phoneMethods", "emailMethods", "temporaryAccessPassMethods"):
            return 201
    return None


def graph_target(segments):
    """(collection segment, is single item) for `users/{id}/authentication/<collection>[/{id}]`."""
    for index, segment in enumerate(segments):
        if segment in GRAPH_SEGMENT_TYPES and index > 0:
            rest = segments[index + 1:]
            if not rest:
                return segment, False
            if len(rest) == 1:
                return segment, True
            return None, False  # an action under an item
    return None, False


def check_fields(exchange, where, fields):
    try:
        value = json.loads(exchange.body)
    except ValueError:
        return [f"{where}: the body is not JSON"]
    problems = []
    for key, kind in fields.items():
        item = value.get(key) if isinstance(value, dict) else None
        if not isinstance(item, kind) or isinstance(item, bool):
            problems.append(f"{where}: $.{key}: expected {kind.__name__}, got {json_type(item)}")
    return problems


def check_token(exchange, where, required, auth0):
    if exchange.status >= 400:
        try:
            value = json.loads(exchange.body)
        except ValueError:
            return [f"{where}: an OAuth error body must be JSON"]
        ok = isinstance(value, dict) and isinstance(value.get("error"), str) and isinstance(value.get("error_description"), str)
        return [] if ok else [f"{where}: an OAuth error needs string error and error_description, got {value!r}"]
    fields = {key: str for key in required}
    fields["expires_in"] = int
    return check_fields(exchange, where, fields)

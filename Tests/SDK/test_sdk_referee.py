"""The schema referee itself: it accepts conforming answers and names what is wrong in others."""

import json

import pytest

from sdk_proxy import Exchange
from sdk_referee import Referee


@pytest.fixture(scope="module")
def ref():
    return Referee()


def graph(path, body, status=200, method="GET"):
    return Exchange(method, path, b"", status, {"content-type": "application/json"}, json.dumps(body).encode())


PHONE = {"@odata.type": "#microsoft.graph.phoneAuthenticationMethod", "id": "3179e48a-750b-4051-897c-87b9720928f7",
         "phoneNumber": "+1 2065550123", "phoneType": "mobile", "smsSignInState": "ready"}


def test_conforming_graph_list_passes(ref):
    body = {"@odata.context": "x", "value": [PHONE, {"@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
                                                     "id": "28c10230-6103-485e-b985-444c60001490", "password": None,
                                                     "createdDateTime": "2023-09-18T10:38:07Z"}]}
    assert ref.check(graph("/v1.0/users/u/authentication/methods", body)) == []


def test_graph_unknown_property_is_named(ref):
    problems = ref.check(graph("/v1.0/users/u/authentication/phoneMethods/3179e48a", dict(PHONE, phoneKind="mobile")))
    assert len(problems) == 1
    assert "phoneKind" in problems[0] and "phoneAuthenticationMethod" in problems[0] and "/phoneMethods/" in problems[0]


def test_graph_wrong_json_types_are_named(ref):
    bad = dict(PHONE, phoneType="pager", smsSignInState=True)
    problems = " ".join(ref.check(graph("/v1.0/users/u/authentication/phoneMethods", {"value": [bad]})))
    assert "$.value[0].phoneType" in problems and "authenticationPhoneType" in problems
    assert "$.value[0].smsSignInState" in problems
    tap = {"id": "t", "lifetimeInMinutes": "60", "startDateTime": "yesterday", "isUsable": "yes"}
    problems = " ".join(ref.check(graph("/v1.0/users/u/authentication/temporaryAccessPassMethods/t", tap)))
    assert "Edm.Int32" in problems and "Edm.DateTimeOffset" in problems and "Edm.Boolean" in problems


def test_graph_type_outside_v1_or_path_is_refused(ref):
    hardware = {"@odata.type": "#microsoft.graph.hardwareOathAuthenticationMethod", "id": "h"}
    assert "not a type in the v1.0 CSDL" in ref.check(graph("/v1.0/users/u/authentication/methods", {"value": [hardware]}))[0]
    assert "is not a emailAuthenticationMethod" in ref.check(graph("/v1.0/users/u/authentication/emailMethods", {"value": [PHONE]}))[0]
    untyped = {"id": "x", "createdDateTime": None}
    assert "abstract" in ref.check(graph("/v1.0/users/u/authentication/methods", {"value": [untyped]}))[0]


def test_graph_error_shape(ref):
    good = {"error": {"code": "Request_ResourceNotFound", "message": "m",
                      "innerError": {"date": "d", "request-id": "r", "client-request-id": "c"}}}
    assert ref.check(graph("/v1.0/users/nobody", good, 404)) == []
    assert "innerError" in ref.check(graph("/v1.0/users/nobody", {"error": {"code": "x", "message": "m"}}, 404))[0]


def test_auth0_answers_follow_the_openapi(ref):
    method = {"id": "totp|dev_1", "type": "totp", "confirmed": True, "created_at": "2021-09-23T22:57:30.206Z"}
    assert ref.check(graph("/api/v2/users/auth0|1/authentication-methods/totp|dev_1", method)) == []
    problems = ref.check(graph("/api/v2/users/auth0|1/authentication-methods/totp|dev_1", dict(method, confirmed="yes", colour=1)))
    assert any("$.confirmed" in p and "boolean" in p for p in problems)
    assert any("colour" in p for p in problems)
    assert "not documented" in ref.check(graph("/api/v2/users/auth0|1/authentication-methods", method, 202, "POST"))[0]
    error = {"statusCode": 404, "error": "Not Found", "message": "The user does not exist.", "errorCode": "inexistent_user"}
    assert ref.check(graph("/api/v2/users/auth0|1/authentication-methods", error, 404)) == []
    assert "statusCode" in ref.check(graph("/api/v2/users/auth0|1/authentication-methods", dict(error, statusCode="404"), 404))[0]


def test_batch_inner_answers_are_checked_by_their_urls(ref):
    request = {"requests": [{"id": "a", "method": "GET", "url": "/users/u/authentication/phoneMethods"},
                            {"id": "b", "method": "GET", "url": "/users/nobody/authentication/methods"}]}
    answer = {"responses": [
        {"id": "a", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"value": [dict(PHONE, phoneType="pager")]}},
        {"id": "b", "status": 404, "headers": {}, "body": {"error": {"code": "Request_ResourceNotFound", "message": "m"}}},
    ]}
    exchange = Exchange("POST", "/v1.0/$batch", json.dumps(request).encode(), 200,
                        {"content-type": "application/json"}, json.dumps(answer).encode())
    problems = ref.check(exchange)
    assert len(problems) == 2
    assert "(inner a)" in problems[0] and "phoneType" in problems[0]
    assert "(inner b)" in problems[1] and "innerError" in problems[1]


def test_graph_success_statuses_and_the_reset_location(ref):
    created = graph("/v1.0/users/u/authentication/phoneMethods", PHONE, 200, "POST")
    assert "expected status 201" in ref.check(created)[0]
    patched = Exchange("PATCH", "/v1.0/users/u/authentication/phoneMethods/p", b"{}", 200, {}, b"")
    assert "expected status 204" in ref.check(patched)[0]
    reset = Exchange("POST", "/v1.0/users/u/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword",
                     b"{}", 202, {"content-type": "application/json", "location": "/elsewhere"}, b'{"newPassword": null}')
    assert "Location" in ref.check(reset)[0]
    reset.headers["location"] = "http://127.0.0.1:1/v1.0/users/u/authentication/operations/o?aadgdc=x"
    assert ref.check(reset) == []

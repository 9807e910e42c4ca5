"""The Microsoft Graph Python SDK (msgraph-sdk, from PyPI) against `authdesk sandbox serve`.

Every answer of every test also passes the schema referee (conftest.schema_conformance)."""

import json
import time
import urllib.parse

import pytest
from azure.core.credentials import AccessToken
from sdk_graph import contoso, graph_client, identity_options
from kiota_abstractions.base_request_configuration import RequestConfiguration
from kiota_abstractions.method import Method
from kiota_abstractions.request_information import RequestInformation
from kiota_http.middleware.options import HeadersInspectionHandlerOption
from msgraph.generated.models.authentication_method_sign_in_state import AuthenticationMethodSignInState
from msgraph.generated.models.authentication_phone_type import AuthenticationPhoneType
from msgraph.generated.models.email_authentication_method import EmailAuthenticationMethod
from msgraph.generated.models.fido2_authentication_method import Fido2AuthenticationMethod
from msgraph.generated.models.long_running_operation_status import LongRunningOperationStatus
from msgraph.generated.models.microsoft_authenticator_authentication_method import MicrosoftAuthenticatorAuthenticationMethod
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.password_authentication_method import PasswordAuthenticationMethod
from msgraph.generated.models.phone_authentication_method import PhoneAuthenticationMethod
from msgraph.generated.models.platform_credential_authentication_method import PlatformCredentialAuthenticationMethod
from msgraph.generated.models.software_oath_authentication_method import SoftwareOathAuthenticationMethod
from msgraph.generated.models.temporary_access_pass_authentication_method import TemporaryAccessPassAuthenticationMethod
from msgraph.generated.models.windows_hello_for_business_authentication_method import WindowsHelloForBusinessAuthenticationMethod
from msgraph.generated.users.item.authentication.methods.item.reset_password.reset_password_post_request_body import ResetPasswordPostRequestBody
from msgraph.generated.users.users_request_builder import UsersRequestBuilder

PASSWORD_METHOD = "28c10230-6103-485e-b985-444c60001490"
MOBILE = "3179e48a-750b-4051-897c-87b9720928f7"
CAMERON = "a87cc624-b550-4559-b934-3bc0325a4808"
ZOE = "zoe.lindqvist@contoso.com"

TYPED = {
    "#microsoft.graph.passwordAuthenticationMethod": PasswordAuthenticationMethod,
    "#microsoft.graph.phoneAuthenticationMethod": PhoneAuthenticationMethod,
    "#microsoft.graph.emailAuthenticationMethod": EmailAuthenticationMethod,
    "#microsoft.graph.fido2AuthenticationMethod": Fido2AuthenticationMethod,
    "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod": MicrosoftAuthenticatorAuthenticationMethod,
    "#microsoft.graph.softwareOathAuthenticationMethod": SoftwareOathAuthenticationMethod,
    "#microsoft.graph.temporaryAccessPassAuthenticationMethod": TemporaryAccessPassAuthenticationMethod,
    "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod": WindowsHelloForBusinessAuthenticationMethod,
    "#microsoft.graph.platformCredentialAuthenticationMethod": PlatformCredentialAuthenticationMethod,
}


def odata_error(run, coroutine):
    """The SDK's ODataError raised by `coroutine` (fails the test if it succeeds)."""
    with pytest.raises(ODataError) as caught:
        run(coroutine)
    return caught.value


def users_query(**parameters):
    configuration = RequestConfiguration(query_parameters=UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(**parameters))
    return configuration


def test_list_users_with_filter_select_and_top(graph, run):
    page = run(graph.users.get(users_query(filter="startswith(displayName,'Cameron')",
                                           select=["id", "displayName", "userPrincipalName"], top=5)))
    assert [u.user_principal_name for u in page.value] == ["CameronW@contoso.com"]
    assert page.value[0].id == CAMERON


def test_search_users_needs_consistency_level(graph, run):
    configuration = users_query(search='"displayName:Avery"', count=True)
    error = odata_error(run, graph.users.get(configuration))
    assert error.response_status_code == 400
    assert error.error.code == "Request_UnsupportedQuery"

    configuration.headers.add("ConsistencyLevel", "eventual")
    page = run(graph.users.get(configuration))
    assert "avery.howard@contoso.com" in [u.user_principal_name for u in page.value]
    assert page.odata_count == len(page.value)


def test_users_page_through_next_link(graph, run):
    page = run(graph.users.get(users_query(top=7, select=["id"])))
    seen = [u.id for u in page.value]
    while page.odata_next_link:
        page = run(graph.users.with_url(page.odata_next_link).get())
        seen += [u.id for u in page.value]
    assert len(seen) == len(set(seen)) > 7


def test_get_user_by_upn_and_by_id(graph, run):
    by_upn = run(graph.users.by_user_id("CameronW@contoso.com").get())
    by_id = run(graph.users.by_user_id(CAMERON).get())
    assert by_upn.id == by_id.id == CAMERON
    assert by_upn.display_name == "Cameron White"


def test_unknown_user_is_request_resource_not_found(graph, run):
    error = odata_error(run, graph.users.by_user_id("nobody@contoso.com").authentication.methods.get())
    assert error.response_status_code == 404
    assert error.error.code == "Request_ResourceNotFound"


class _StaleCredential:
    """A credential whose token the sandbox never issued."""

    def get_token(self, *scopes, **kwargs):
        return AccessToken("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl", int(time.time()) + 3600)


def test_a_wrong_client_secret_is_a_sign_in_failure(sandbox):
    from azure.core.exceptions import ClientAuthenticationError
    from azure.identity import ClientSecretCredential

    tenant = contoso(sandbox)
    credential = ClientSecretCredential(tenant["id"], tenant["clientId"], "not-the-secret", **identity_options(sandbox))
    with pytest.raises(ClientAuthenticationError) as caught:
        credential.get_token("https://graph.microsoft.com/.default")
    assert "AADSTS7000215" in str(caught.value)


def test_a_certificate_sign_in_buys_a_token_that_graph_accepts(sandbox, run, tmp_path):
    """azure-identity's CertificateCredential signs its client assertion with MSAL, which writes
    `iat` and `exp` as fractional seconds; the sandbox checks the signature and the time window."""
    import pathlib
    from azure.identity import CertificateCredential

    seed = pathlib.Path(__file__).resolve().parents[2] / "Resources" / "Seed"
    pem = tmp_path / "app.pem"
    pem.write_text((seed / "sandbox-app-key.pem").read_text() + (seed / "sandbox-app-cert.pem").read_text())
    tenant = contoso(sandbox)
    credential = CertificateCredential(tenant["id"], tenant["clientId"], certificate_path=str(pem),
                                       **identity_options(sandbox))
    token = credential.get_token("https://graph.microsoft.com/.default")
    assert token.token and token.expires_on > time.time()
    user = run(graph_client(credential, sandbox["graph"]).users.by_user_id(CAMERON).get())
    assert user.id == CAMERON


def test_an_unknown_token_is_invalid_authentication_token(sandbox, run):
    client = graph_client(_StaleCredential(), sandbox["graph"])
    error = odata_error(run, client.users.by_user_id(CAMERON).get())
    assert error.response_status_code == 401
    assert error.error.code == "InvalidAuthenticationToken"


def test_every_method_type_deserializes_into_its_class(graph, run):
    methods = run(graph.users.by_user_id(ZOE).authentication.methods.get()).value
    for method in methods:
        assert type(method) is TYPED[method.odata_type], method.odata_type
    assert {m.odata_type for m in methods} == set(TYPED)
    for method in methods:
        one = run(graph.users.by_user_id(ZOE).authentication.methods.by_authentication_method_id(method.id).get())
        assert type(one) is type(method) and one.id == method.id
    password = next(m for m in methods if isinstance(m, PasswordAuthenticationMethod))
    assert password.id == PASSWORD_METHOD and password.password is None


def test_typed_method_lists(graph, run):
    authentication = graph.users.by_user_id(ZOE).authentication
    lists = {
        PhoneAuthenticationMethod: authentication.phone_methods,
        EmailAuthenticationMethod: authentication.email_methods,
        PasswordAuthenticationMethod: authentication.password_methods,
        Fido2AuthenticationMethod: authentication.fido2_methods,
        MicrosoftAuthenticatorAuthenticationMethod: authentication.microsoft_authenticator_methods,
        SoftwareOathAuthenticationMethod: authentication.software_oath_methods,
        TemporaryAccessPassAuthenticationMethod: authentication.temporary_access_pass_methods,
        WindowsHelloForBusinessAuthenticationMethod: authentication.windows_hello_for_business_methods,
        PlatformCredentialAuthenticationMethod: authentication.platform_credential_methods,
    }
    for cls, builder in lists.items():
        items = run(builder.get()).value
        assert items and all(type(item) is cls for item in items), cls.__name__
    phones = run(authentication.phone_methods.get()).value
    assert {p.phone_type for p in phones} == {AuthenticationPhoneType.Mobile, AuthenticationPhoneType.AlternateMobile,
                                             AuthenticationPhoneType.Office}
    fido = run(authentication.fido2_methods.get()).value[0]
    assert fido.aa_guid and fido.attestation_certificates is not None


def test_phone_add_update_sms_sign_in_and_delete(graph, run):
    phones = graph.users.by_user_id(CAMERON).authentication.phone_methods
    created = run(phones.post(PhoneAuthenticationMethod(phone_number="+1 2065550111", phone_type=AuthenticationPhoneType.Mobile)))
    assert isinstance(created, PhoneAuthenticationMethod)
    assert (created.id, created.phone_number, created.phone_type) == (MOBILE, "+1 2065550111", AuthenticationPhoneType.Mobile)

    assert run(phones.by_phone_authentication_method_id(MOBILE).patch(PhoneAuthenticationMethod(phone_number="+1 2065550222"))) is None
    assert run(phones.by_phone_authentication_method_id(MOBILE).get()).phone_number == "+1 2065550222"

    run(phones.by_phone_authentication_method_id(MOBILE).enable_sms_sign_in.post())
    assert run(phones.by_phone_authentication_method_id(MOBILE).get()).sms_sign_in_state == AuthenticationMethodSignInState.Ready
    run(phones.by_phone_authentication_method_id(MOBILE).disable_sms_sign_in.post())
    assert run(phones.by_phone_authentication_method_id(MOBILE).get()).sms_sign_in_state == AuthenticationMethodSignInState.NotEnabled

    run(phones.by_phone_authentication_method_id(MOBILE).delete())
    assert run(phones.get()).value == []
    error = odata_error(run, phones.by_phone_authentication_method_id(MOBILE).get())
    assert error.response_status_code == 404


def test_bad_phone_number_is_400(graph, run):
    phones = graph.users.by_user_id("avery.howard@contoso.com").authentication.phone_methods
    error = odata_error(run, phones.post(PhoneAuthenticationMethod(phone_number="206-555-0111",
                                                                   phone_type=AuthenticationPhoneType.AlternateMobile)))
    assert error.response_status_code == 400
    assert error.error.code and error.error.message


def test_email_add_update_delete(graph, run):
    emails = graph.users.by_user_id(CAMERON).authentication.email_methods
    created = run(emails.post(EmailAuthenticationMethod(email_address="cameron.white@outlook.com")))
    assert isinstance(created, EmailAuthenticationMethod) and created.email_address == "cameron.white@outlook.com"
    item = emails.by_email_authentication_method_id(created.id)
    assert run(item.patch(EmailAuthenticationMethod(email_address="cw@outlook.com"))) is None
    assert run(item.get()).email_address == "cw@outlook.com"
    run(item.delete())
    assert run(emails.get()).value == []


def test_temporary_access_pass_is_in_the_answer_only(graph, run):
    passes = graph.users.by_user_id(CAMERON).authentication.temporary_access_pass_methods
    created = run(passes.post(TemporaryAccessPassAuthenticationMethod(lifetime_in_minutes=60, is_usable_once=True)))
    assert isinstance(created, TemporaryAccessPassAuthenticationMethod)
    has_pass = isinstance(created.temporary_access_pass, str) and len(created.temporary_access_pass) >= 8  # never shown
    assert has_pass
    assert created.lifetime_in_minutes == 60 and created.is_usable_once is True
    again = run(passes.by_temporary_access_pass_authentication_method_id(created.id).get())
    assert again.temporary_access_pass is None and again.lifetime_in_minutes == 60
    run(passes.by_temporary_access_pass_authentication_method_id(created.id).delete())
    assert run(passes.get()).value == []


def raw_json(adapter, method, url, body=None):
    """A request through the SDK's own request adapter (auth, middleware, error mapping) for an
    endpoint the v1.0 SDK has no builder for; the JSON answer, or None for an empty one."""
    info = RequestInformation()
    info.http_method = method
    info.url = url
    info.headers.try_add("Accept", "application/json")
    if body is not None:
        info.headers.try_add("Content-Type", "application/json")
        info.content = json.dumps(body).encode()
    return adapter.send_primitive_async(info, "bytes", {"XXX": ODataError})


def test_sign_in_preferences_on_beta(graph, sandbox, run):
    url = f"{sandbox['graphBeta']}/users/avery.howard@contoso.com/authentication/signInPreferences"
    before = json.loads(run(raw_json(graph.request_adapter, Method.GET, url)))
    assert before["userPreferredMethodForSecondaryAuthentication"] == "sms"
    assert isinstance(before["isSystemPreferredAuthenticationMethodEnabled"], bool)
    run(raw_json(graph.request_adapter, Method.PATCH, url, {"userPreferredMethodForSecondaryAuthentication": "voiceOffice"}))
    after = json.loads(run(raw_json(graph.request_adapter, Method.GET, url)))
    assert after["userPreferredMethodForSecondaryAuthentication"] == "voiceOffice"
    with pytest.raises(ODataError) as caught:
        run(raw_json(graph.request_adapter, Method.PATCH, url, {"userPreferredMethodForSecondaryAuthentication": "carrierPigeon"}))
    assert caught.value.response_status_code == 400


def test_registration_report(graph, run):
    details = run(graph.reports.authentication_methods.user_registration_details.get()).value
    zoe = next(d for d in details if d.user_principal_name == ZOE)
    assert zoe.is_mfa_registered is True and "mobilePhone" in zoe.methods_registered
    priya = next(d for d in details if d.user_principal_name == "priya.raman@contoso.com")
    assert priya.is_admin is True


def test_json_batch_through_the_sdk(graph, sandbox, run):
    """msgraph-core's BatchRequestContent. Its items keep absolute URLs, which Graph refuses
    (msgraph-sdk-python-core#1116, msgraph-sdk-python#1015): the documented workaround makes
    them relative. The inner bodies are checked by the referee (the SDK leaves them unparsed)."""
    from msgraph_core.requests.batch_request_content import BatchRequestContent
    from msgraph_core.requests.batch_request_item import BatchRequestItem

    requests = {
        "zoe": graph.users.by_user_id(ZOE).authentication.methods,
        "avery": graph.users.by_user_id("avery.howard@contoso.com").authentication.phone_methods,
        "nobody": graph.users.by_user_id("nobody@contoso.com").authentication.methods,
    }
    content = BatchRequestContent()
    for name, builder in requests.items():
        item = BatchRequestItem(builder.to_get_request_information(), id=name)
        item.url = item.url.removeprefix(sandbox["graph"])
        content.add_request(name, item)
    answer = run(graph.batch.post(content))
    assert answer.get_response_status_codes() == {"zoe": 200, "avery": 200, "nobody": 404}


def test_revoke_sign_in_sessions(graph, run):
    answer = run(graph.users.by_user_id(CAMERON).revoke_sign_in_sessions.post())
    assert answer.value is True


def reset_and_poll(run, client, user, new_password=None):
    """resetPassword through the SDK, then GET the operation from its Location until it is final."""
    headers = HeadersInspectionHandlerOption(inspect_response_headers=True)
    configuration = RequestConfiguration(options=[headers])
    methods = client.users.by_user_id(user).authentication.methods
    answer = run(methods.by_authentication_method_id(PASSWORD_METHOD).reset_password.post(
        ResetPasswordPostRequestBody(new_password=new_password), configuration))
    location = next(iter(headers.response_headers.get("location")))
    operation_id = urllib.parse.urlsplit(location).path.rstrip("/").rsplit("/", 1)[1]
    operations = client.users.by_user_id(user).authentication.operations
    statuses = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        operation = run(operations.by_long_running_operation_id(operation_id).get())
        statuses.append(operation.status)
        if operation.status in (LongRunningOperationStatus.Succeeded, LongRunningOperationStatus.Failed):
            return answer, operation, statuses
        time.sleep(0.5)
    pytest.fail(f"the reset operation stayed at {statuses[-1]} for 20 s")


def test_reset_password_polls_the_operation_until_succeeded(operator_graph, operator_credential, run):
    answer, operation, statuses = reset_and_poll(run, operator_graph, "avery.howard@contoso.com")
    assert len(operator_credential.prompts) == 1 and operator_credential.prompts[0][0].endswith("/devicelogin")
    generated = isinstance(answer.new_password, str) and len(answer.new_password) >= 8  # never shown
    assert generated
    assert operation.status == LongRunningOperationStatus.Succeeded
    assert operation.status_detail and operation.created_date_time and operation.last_action_date_time
    assert statuses[0] in (LongRunningOperationStatus.NotStarted, LongRunningOperationStatus.Running)


def test_reset_password_of_an_on_premises_user_fails(operator_graph, run):
    _, operation, _ = reset_and_poll(run, operator_graph, "soren.kjaergaard@contoso.com", "N3w-Passw0rd!x")
    assert operation.status == LongRunningOperationStatus.Failed


def test_reset_password_needs_a_signed_in_operator(graph, run):
    methods = graph.users.by_user_id("avery.howard@contoso.com").authentication.methods
    error = odata_error(run, methods.by_authentication_method_id(PASSWORD_METHOD).reset_password.post(ResetPasswordPostRequestBody()))
    assert error.response_status_code == 403 and error.error.code == "accessDenied"


def test_operator_cannot_change_an_admin(operator_graph, run):
    phones = operator_graph.users.by_user_id("priya.raman@contoso.com").authentication.phone_methods
    error = odata_error(run, phones.post(PhoneAuthenticationMethod(phone_number="+1 4255550143",
                                                                   phone_type=AuthenticationPhoneType.Office)))
    assert error.response_status_code == 403
    assert error.error.code == "accessDenied"


def test_directory_roles_of_the_operator_and_of_an_admin(operator_graph, graph, run):
    """The pre-flight's reads: the SDK types `memberOf` items by their @odata.type."""
    from msgraph.generated.models.directory_role import DirectoryRole
    mine = run(operator_graph.me.transitive_member_of.get())
    assert [type(item) for item in mine.value] == [DirectoryRole]
    assert mine.value[0].role_template_id == "c4e39bd9-1100-46d3-8c65-fb160da0071f"
    assert mine.value[0].display_name == "Authentication Administrator"
    priya = run(graph.users.by_user_id("priya.raman@contoso.com").member_of.get())
    assert [(type(r), r.role_template_id) for r in priya.value] == [(DirectoryRole, "62e90394-69f5-4237-9190-012177145e10")]
    assert run(graph.users.by_user_id(CAMERON).transitive_member_of.get()).value == []

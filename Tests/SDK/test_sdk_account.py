"""The official SDKs against the sandbox's account and frontline endpoints (issue 16): msgraph-sdk
for v1.0 (accountEnabled, the registration report, signInActivity, external authentication
methods, QR code + PIN read through the SDK's own model), msgraph-beta-sdk 1.66 for beta per-user
MFA, auth0-python for Auth0's `blocked`. Every answer also passes the schema
referee (conftest.schema_conformance)."""

import json

import pytest
from kiota_abstractions.method import Method
from kiota_serialization_json.json_parse_node import JsonParseNode
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.qr_code_pin_authentication_method import QrCodePinAuthenticationMethod
from msgraph.generated.models.user import User
from msgraph.generated.users.item.user_item_request_builder import UserItemRequestBuilder
from kiota_abstractions.base_request_configuration import RequestConfiguration
from sdk_graph import graph_client, identity_options
from test_sdk_graph import CAMERON, raw_json

OLGA = "olga.smirnova@fabrikam.com"
MARTA = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"


@pytest.fixture(scope="module")
def fabrikam(sandbox):
    """The Graph SDK as fabrikam's application (a tenant without a P1 licence)."""
    from azure.identity import ClientSecretCredential

    tenant = next(t for t in sandbox["tenants"] if t["name"] == "fabrikam")
    credential = ClientSecretCredential(tenant["id"], tenant["clientId"], tenant["clientSecret"], **identity_options(sandbox))
    return graph_client(credential, sandbox["graph"])


def user_select(*names):
    return RequestConfiguration(query_parameters=UserItemRequestBuilder.UserItemRequestBuilderGetQueryParameters(select=list(names)))


def test_account_enabled_is_patched_and_read_back(graph, run):
    run(graph.users.by_user_id(CAMERON).patch(User(account_enabled=False)))
    assert run(graph.users.by_user_id(CAMERON).get(user_select("id", "accountEnabled"))).account_enabled is False
    run(graph.users.by_user_id(CAMERON).patch(User(account_enabled=True)))
    assert run(graph.users.by_user_id(CAMERON).get(user_select("id", "accountEnabled"))).account_enabled is True


def test_registration_details_and_sign_in_activity_in_a_licensed_tenant(graph, run):
    details = run(graph.reports.authentication_methods.user_registration_details
                  .by_user_registration_details_id("avery.howard@contoso.com").get())
    assert details.is_mfa_registered is True
    assert "mobilePhone" in details.methods_registered
    user = run(graph.users.by_user_id("avery.howard@contoso.com").get(user_select("id", "signInActivity")))
    assert user.sign_in_activity.last_sign_in_date_time.isoformat().startswith("2026-11-30T08:12:00")


def test_an_unlicensed_tenant_refuses_the_reports(fabrikam, run):
    with pytest.raises(ODataError) as caught:
        run(fabrikam.reports.authentication_methods.user_registration_details.by_user_registration_details_id(OLGA).get())
    assert caught.value.response_status_code == 403
    assert caught.value.error.code == "Authentication_RequestFromNonPremiumTenantOrB2CTenant"


def test_external_methods_are_listed_and_the_qr_code_reads_as_the_sdk_model(fabrikam, sandbox, run):
    external = run(fabrikam.users.by_user_id(OLGA).authentication.external_authentication_methods.get())
    assert [(m.display_name, m.configuration_id) for m in external.value] == [
        ("Contoso Hardware MFA", "7f3b9c1e-5d2a-4e8f-b6c4-0a9d3e7f1b52")]
    url = f"{sandbox['graph']}/users/{OLGA}/authentication/qrCodePinMethod"
    raw = run(raw_json(fabrikam.request_adapter, Method.GET, url))
    method = JsonParseNode(json.loads(raw)).get_object_value(QrCodePinAuthenticationMethod)
    assert method.standard_q_r_code.expire_date_time.isoformat().startswith("2027-03-31")
    assert method.pin.code is None and method.pin.force_change_pin_next_sign_in is False


def test_per_user_mfa_on_beta(sandbox, app_credential, run):
    from kiota_authentication_azure.azure_identity_authentication_provider import AzureIdentityAuthenticationProvider
    from msgraph_beta import GraphRequestAdapter, GraphServiceClient
    from msgraph_beta.generated.models.strong_authentication_requirements import StrongAuthenticationRequirements
    from msgraph_beta.generated.models.per_user_mfa_state import PerUserMfaState

    provider = AzureIdentityAuthenticationProvider(app_credential, scopes=["https://graph.microsoft.com/.default"],
                                                   allowed_hosts=["127.0.0.1"])
    adapter = GraphRequestAdapter(provider)
    adapter.base_url = sandbox["graphBeta"]
    client = GraphServiceClient(request_adapter=adapter)
    requirements = client.users.by_user_id("zoe.lindqvist@contoso.com").authentication.requirements
    assert run(requirements.get()).per_user_mfa_state == PerUserMfaState.Enforced
    run(requirements.patch(StrongAuthenticationRequirements(per_user_mfa_state=PerUserMfaState.Disabled)))
    assert run(requirements.get()).per_user_mfa_state == PerUserMfaState.Disabled


def test_auth0_blocked_is_set_and_cleared(sandbox):
    from auth0.authentication import GetToken
    from auth0.management import Auth0

    settings = sandbox["auth0"]
    token = GetToken(settings["domain"], settings["clientId"], settings["clientSecret"], protocol="http") \
        .client_credentials(f"https://{settings['domain']}/api/v2/")
    auth0 = Auth0(base_url=f"http://{settings['domain']}/api/v2", token=token["access_token"])
    assert auth0.users.update(MARTA, blocked=True).blocked is True
    assert auth0.users.get(MARTA).blocked is True
    assert auth0.users.update(MARTA, blocked=False).blocked is False

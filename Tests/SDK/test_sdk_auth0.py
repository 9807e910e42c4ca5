"""auth0-python (from PyPI) against `authdesk sandbox serve`: the Management API's users and
authentication methods. Every answer also passes the schema referee (conftest.schema_conformance)."""

import pytest
from auth0.authentication import GetToken
from auth0.authentication.exceptions import Auth0Error
from auth0.management import Auth0
from auth0.management.errors import BadRequestError, ConflictError, NotFoundError

USER = "auth0|65f2a1b3c4d5e6f708192a3b"  # user@example.com
MARTA = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"
NO_MFA = "auth0|65f2d1e2f3a4b5c6d7e8f9a0"


@pytest.fixture(scope="module")
def auth0(sandbox):
    """The Management API client: a token from auth0-python's GetToken against the sandbox's
    /oauth/token (plain http through the documented `protocol` option), and the client's
    `base_url` (its documented override of `https://{domain}/api/v2`)."""
    settings = sandbox["auth0"]
    domain = settings["domain"]
    token = GetToken(domain, settings["clientId"], settings["clientSecret"], protocol="http") \
        .client_credentials(f"https://{domain}/api/v2/")
    assert token["token_type"] == "Bearer" and token["expires_in"] > 0
    return Auth0(base_url=f"http://{domain}/api/v2", token=token["access_token"])


def test_a_wrong_client_secret_is_refused(sandbox):
    settings = sandbox["auth0"]
    with pytest.raises(Auth0Error) as caught:
        GetToken(settings["domain"], settings["clientId"], "not-the-secret", protocol="http") \
            .client_credentials(f"https://{settings['domain']}/api/v2/")
    assert caught.value.status_code == 401 and caught.value.error_code == "access_denied"


def test_get_user(auth0):
    user = auth0.users.get(USER)
    assert user.user_id == USER and user.email == "user@example.com"


def test_management_client_signs_in_by_itself_over_https(sandbox, monkeypatch):
    """auth0-python's high-level ManagementClient(domain, client_id, client_secret): it builds
    https URLs and fetches its own token, so it talks to the proxy's TLS listener; its token
    fetch trusts the certificate named by SSL_CERT_FILE (httpx's convention)."""
    import ssl

    import httpx
    from auth0.management import ManagementClient

    settings = sandbox["auth0"]
    monkeypatch.setenv("SSL_CERT_FILE", sandbox["tlsCertificate"])
    domain = sandbox["tlsAuthority"].removeprefix("https://")
    with httpx.Client(verify=ssl.create_default_context(cafile=sandbox["tlsCertificate"])) as transport:
        client = ManagementClient(domain=domain, client_id=settings["clientId"], client_secret=settings["clientSecret"],
                                  httpx_client=transport)
        found = client.users.list_users_by_email(email="user@example.com")
    assert [u.user_id for u in found] == [USER]


def test_users_search(auth0):
    found = list(auth0.users.list(q='email:"user@example.com"', search_engine="v3"))
    assert [u.user_id for u in found] == [USER]


def test_users_search_pages(auth0):
    pager = auth0.users.list(per_page=2, include_totals=True)
    ids = [u.user_id for u in pager]
    assert len(ids) == len(set(ids)) >= 4


def test_users_by_email(auth0):
    found = auth0.users.list_users_by_email(email="user@example.com")
    assert [u.user_id for u in found] == [USER]
    assert auth0.users.list_users_by_email(email="nobody@example.com") == []


def test_list_and_get_methods(auth0):
    methods = list(auth0.users.authentication_methods.list(USER))
    assert {m.type for m in methods} == {"totp", "email"}
    one = auth0.users.authentication_methods.get(USER, "email|dev_XXXXXXXXXXXXXXXX")
    assert one.type == "email" and one.email == "user@example.com"
    paged = [m.id for m in auth0.users.authentication_methods.list(USER, per_page=1)]
    assert paged == [m.id for m in methods]


def test_create_update_and_delete_each_kind(auth0):
    methods = auth0.users.authentication_methods
    phone = methods.create(NO_MFA, type="phone", phone_number="+15555550123", preferred_authentication_method="sms", name="Work")
    assert phone.type == "phone" and phone.phone_number == "+15555550123" and phone.id.startswith("phone|dev_")
    email = methods.create(NO_MFA, type="email", email="noa@example.org")
    assert email.type == "email" and email.email == "noa@example.org"
    totp = methods.create(NO_MFA, type="totp", totp_secret="JBSWY3DPEHPK3PXP")
    assert totp.type == "totp"
    key = methods.create(NO_MFA, type="webauthn-roaming", name="Key", key_id="a2V5LWlk",
                         public_key="cHVibGljLWtleQ", relying_party_identifier="example.com")
    assert key.type == "webauthn-roaming"
    assert {m.type for m in methods.list(NO_MFA)} == {"phone", "email", "totp", "webauthn-roaming"}

    updated = methods.update(NO_MFA, phone.id, name="Mobile", preferred_authentication_method="voice")
    assert updated.name == "Mobile" and updated.preferred_authentication_method == "voice"
    assert methods.get(NO_MFA, phone.id).name == "Mobile"

    methods.delete(NO_MFA, totp.id)
    with pytest.raises(NotFoundError):
        methods.get(NO_MFA, totp.id)
    methods.delete_all(NO_MFA)
    assert list(methods.list(NO_MFA)) == []


def test_replace_all_methods(auth0):
    methods = auth0.users.authentication_methods
    replaced = methods.set(NO_MFA, request=[
        {"type": "phone", "phone_number": "+15555550100", "preferred_authentication_method": "sms", "name": "SMS"},
        {"type": "email", "email": "noa@example.com"},
    ])
    assert [m.type for m in replaced] == ["phone", "email"]
    assert sorted(m.id for m in methods.list(NO_MFA)) == sorted(m.id for m in replaced)
    methods.delete_all(NO_MFA)


def test_duplicate_method_is_409(auth0):
    methods = auth0.users.authentication_methods
    methods.create(NO_MFA, type="email", email="dup@example.org")
    with pytest.raises(ConflictError) as caught:
        methods.create(NO_MFA, type="email", email="dup@example.org")
    assert caught.value.status_code == 409
    methods.delete_all(NO_MFA)


def test_a_bad_phone_number_is_400(auth0):
    with pytest.raises(BadRequestError) as caught:
        auth0.users.authentication_methods.create(NO_MFA, type="phone", phone_number="0415 555")
    assert caught.value.status_code == 400 and caught.value.body["errorCode"] == "invalid_body"


def test_inexistent_user_is_404(auth0):
    with pytest.raises(NotFoundError) as caught:
        list(auth0.users.authentication_methods.list("auth0|000000000000000000000000"))
    assert caught.value.status_code == 404
    assert caught.value.body["errorCode"] == "inexistent_user"


def test_delete_authenticators_and_invalidate_remember_browser(auth0):
    auth0.users.multifactor.invalidate_remember_browser(MARTA)
    auth0.users.authenticators.delete_all(MARTA)
    assert list(auth0.users.authentication_methods.list(MARTA)) == []


def test_password_change(auth0):
    user = auth0.users.update(USER, password="N3w-Passw0rd!x", connection="Username-Password-Authentication")
    assert user.user_id == USER

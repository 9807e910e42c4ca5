"""auth0-python against `authdesk sandbox serve` for issue 16's Auth0 actions: brute-force
blocks (user_blocks), remembered browsers and sessions, create / replace / delete-all methods
and the enrollment ticket, each with its errors (400 with Auth0's body, 404 unknown user, 403
missing scope). Every answer passes the referee (the OpenAPI excerpt where it covers the path,
API-FACTS.md for user-blocks and sessions)."""

import pytest
from auth0.authentication import GetToken
from auth0.management import Auth0
from auth0.management.errors import BadRequestError, ForbiddenError, NotFoundError

MARTA = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"  # seeded with a brute-force block
NO_MFA = "auth0|65f2d1e2f3a4b5c6d7e8f9a0"
NOBODY = "auth0|000000000000000000000000"


def client(sandbox, scope=None):
    settings = sandbox["auth0"]
    domain = settings["domain"]
    fetch = GetToken(domain, settings["clientId"], settings["clientSecret"], protocol="http")
    audience = f"https://{domain}/api/v2/"
    token = fetch.client_credentials(audience) if scope is None else \
        fetch.authenticated_post(f"http://{domain}/oauth/token", data={
            "client_id": settings["clientId"], "client_secret": settings["clientSecret"],
            "audience": audience, "grant_type": "client_credentials", "scope": scope})
    return Auth0(base_url=f"http://{domain}/api/v2", token=token["access_token"])


@pytest.fixture(scope="module")
def auth0(sandbox):
    return client(sandbox)


@pytest.fixture(scope="module")
def reader(sandbox):
    """A token asking only for read:users (Auth0's `scope` parameter narrows the grant)."""
    return client(sandbox, scope="read:users")


def test_brute_force_blocks_are_read_and_lifted(auth0):
    blocks = auth0.user_blocks.list(MARTA)
    assert [b.identifier for b in blocks.blocked_for] == ["marta.nowak@example.com"]
    by_identifier = auth0.user_blocks.list_by_identifier(identifier="marta.nowak@example.com")
    assert [b.identifier for b in by_identifier.blocked_for] == ["marta.nowak@example.com"]
    auth0.user_blocks.delete(MARTA)
    assert auth0.user_blocks.list(MARTA).blocked_for == []
    with pytest.raises(NotFoundError):
        auth0.user_blocks.list(NOBODY)


def test_user_blocks_need_their_scope(reader):
    assert reader.user_blocks.list(MARTA) is not None
    with pytest.raises(ForbiddenError) as caught:
        reader.user_blocks.delete(MARTA)
    assert caught.value.body["errorCode"] == "insufficient_scope"


def test_remembered_browsers_and_sessions(auth0, reader):
    auth0.users.multifactor.invalidate_remember_browser(MARTA)
    with pytest.raises(ForbiddenError):
        reader.users.multifactor.invalidate_remember_browser(MARTA)
    # Session deletion is an Enterprise feature; the sandbox's tenant is self-service.
    with pytest.raises(ForbiddenError) as caught:
        auth0.users.sessions.delete(MARTA)
    assert caught.value.body["errorCode"] == "operation_not_supported"


def test_create_replace_and_delete_all_refuse_without_their_scope(reader):
    methods = reader.users.authentication_methods
    with pytest.raises(ForbiddenError):
        methods.create(NO_MFA, type="totp", totp_secret="JBSWY3DPEHPK3PXP")
    with pytest.raises(ForbiddenError):
        methods.set(NO_MFA, request=[{"type": "email", "email": "noa@example.com"}])
    with pytest.raises(ForbiddenError) as caught:
        methods.delete_all(NO_MFA)
    assert "delete:authentication_methods" in caught.value.body["message"]


def test_create_and_replace_refuse_bad_input_and_unknown_users(auth0):
    methods = auth0.users.authentication_methods
    with pytest.raises(BadRequestError) as caught:
        methods.create(NO_MFA, type="totp", totp_secret="not base32 at all")
    assert caught.value.body["errorCode"] == "invalid_body"
    with pytest.raises(BadRequestError):
        methods.set(NO_MFA, request=[{"type": "webauthn-roaming"}])
    # The excerpt documents a 404 for an unknown user on the create, not on replace or delete-all.
    with pytest.raises(NotFoundError):
        methods.create(NOBODY, type="email", email="x@example.com")


def test_an_enrollment_ticket(auth0, reader):
    ticket = auth0.guardian.enrollments.create_ticket(user_id=MARTA, factor="otp")
    assert ticket.ticket_id and ticket.ticket_url.endswith(ticket.ticket_id)
    mailed = auth0.guardian.enrollments.create_ticket(user_id=MARTA, send_mail=True, email="marta@example.org")
    assert mailed.ticket_id != ticket.ticket_id
    with pytest.raises(BadRequestError) as caught:
        auth0.guardian.enrollments.create_ticket(user_id=MARTA, factor="carrier-pigeon")
    assert caught.value.body["errorCode"] == "invalid_body"
    with pytest.raises(NotFoundError):
        auth0.guardian.enrollments.create_ticket(user_id=NOBODY)
    with pytest.raises(ForbiddenError):
        reader.guardian.enrollments.create_ticket(user_id=MARTA)

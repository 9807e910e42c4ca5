"""azure-core TokenCredentials that sign in against the sandbox over plain http.

azure-identity refuses any authority that is not https ("The value must be a TLS protected
(https) URL"), and the sandbox serves http on 127.0.0.1. azure-core's documented extension point
is the TokenCredential protocol (`get_token(*scopes) -> AccessToken`), which the Graph SDK's
AzureIdentityAuthenticationProvider accepts like any azure-identity credential. These two speak
the Microsoft identity platform's v2.0 protocol to `{authority}/{tenant}/oauth2/v2.0/...`:
client credentials (the application) and the device-code flow (a signed-in operator).
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request

from azure.core.credentials import AccessToken
from azure.core.exceptions import ClientAuthenticationError


def _post_form(url, fields):
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class _CachingCredential:
    def __init__(self, authority, tenant_id, client_id):
        self.token_url = f"{authority}/{tenant_id}/oauth2/v2.0/token"
        self.device_url = f"{authority}/{tenant_id}/oauth2/v2.0/devicecode"
        self.client_id = client_id
        self._cache = {}

    def get_token(self, *scopes, claims=None, tenant_id=None, enable_cae=False, **kwargs):
        key = " ".join(sorted(scopes))
        cached = self._cache.get(key)
        if cached and cached.expires_on > time.time() + 60:
            return cached
        status, body = self._acquire(" ".join(scopes))
        if status != 200 or "access_token" not in body:
            raise ClientAuthenticationError(
                message=f"{type(self).__name__}: {body.get('error', status)}: {body.get('error_description', '')}")
        token = AccessToken(body["access_token"], int(time.time()) + int(body.get("expires_in", 3599)))
        self._cache[key] = token
        return token

    def close(self):
        pass


class SandboxClientSecretCredential(_CachingCredential):
    """Client credentials with a secret: the application acts as itself."""

    def __init__(self, authority, tenant_id, client_id, client_secret):
        super().__init__(authority, tenant_id, client_id)
        self._secret = client_secret

    def _acquire(self, scope):
        return _post_form(self.token_url, {"grant_type": "client_credentials", "client_id": self.client_id,
                                           "client_secret": self._secret, "scope": scope})


class SandboxDeviceCodeCredential(_CachingCredential):
    """The device-code flow: shows the code through `prompt_callback` and polls until approved."""

    def __init__(self, authority, tenant_id, client_id, prompt_callback=None, timeout=30):
        super().__init__(authority, tenant_id, client_id)
        self.prompt_callback = prompt_callback
        self.timeout = timeout

    def _acquire(self, scope):
        status, start = _post_form(self.device_url, {"client_id": self.client_id,
                                                     "scope": f"{scope} offline_access openid profile"})
        if status != 200:
            return status, start
        if self.prompt_callback:
            self.prompt_callback(start["verification_uri"], start["user_code"], start["expires_in"])
        interval = float(start.get("interval", 5))
        deadline = time.monotonic() + min(self.timeout, start["expires_in"])
        while time.monotonic() < deadline:
            time.sleep(interval)
            status, body = _post_form(self.token_url, {
                "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                "client_id": self.client_id, "device_code": start["device_code"]})
            error = body.get("error")
            if error == "authorization_pending":
                continue
            if error == "slow_down":
                interval += 5
                continue
            return status, body
        return 408, {"error": "timeout", "error_description": "the device code was not approved in time"}

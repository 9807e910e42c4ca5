"""The Graph SDK's client and azure-identity's options, pointed at the sandbox."""

GRAPH_SCOPES = ["https://graph.microsoft.com/.default"]


def graph_client(credential, base_url):
    """A GraphServiceClient whose request adapter sends to `base_url` (the sandbox's /v1.0 or /beta)."""
    from kiota_authentication_azure.azure_identity_authentication_provider import AzureIdentityAuthenticationProvider
    from msgraph import GraphRequestAdapter, GraphServiceClient

    provider = AzureIdentityAuthenticationProvider(credential, scopes=GRAPH_SCOPES, allowed_hosts=["127.0.0.1"])
    adapter = GraphRequestAdapter(provider)
    adapter.base_url = base_url
    return GraphServiceClient(request_adapter=adapter)


def contoso(sandbox):
    return next(t for t in sandbox["tenants"] if t["name"] == "contoso")


def identity_options(sandbox):
    """azure-identity's options for the sandbox: its https authority (the proxy's TLS listener:
    azure-identity and MSAL accept no other), no instance discovery (the host is not a Microsoft
    cloud), and trust in the proxy's certificate."""
    return {"authority": sandbox["tlsAuthority"], "disable_instance_discovery": True,
            "connection_verify": sandbox["tlsCertificate"]}

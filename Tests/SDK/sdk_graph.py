"""The Graph SDK's client, pointed at the sandbox."""

GRAPH_SCOPES = ["https://graph.microsoft.com/.default"]


def graph_client(credential, base_url):
    """A GraphServiceClient whose request adapter sends to `base_url` (the sandbox's /v1.0 or /beta)."""
    from kiota_authentication_azure.azure_identity_authentication_provider import AzureIdentityAuthenticationProvider
    from msgraph import GraphRequestAdapter, GraphServiceClient

    provider = AzureIdentityAuthenticationProvider(credential, scopes=GRAPH_SCOPES, allowed_hosts=["127.0.0.1"])
    adapter = GraphRequestAdapter(provider)
    adapter.base_url = base_url
    return GraphServiceClient(request_adapter=adapter)

namespace Sozialplattform.Web.CaseApi;

/// <summary>The case API's addresses: the token server's and the versioned operations' under <c>/api/v1/cases</c>.</summary>
public static class CaseApiRoutes
{
    public const string Token = "/api/oauth/token";
    public const string Revocation = "/api/oauth/revoke";
    public const string Cases = "/api/v1/cases";
    public const string ProblemTypes = "https://sozialplattform.example/probleme/";

    public static string Case(Guid id) => $"{Cases}/{id}";
    public static string Document(Guid id, Guid documentId) => $"{Cases}/{id}/documents/{documentId}";
}

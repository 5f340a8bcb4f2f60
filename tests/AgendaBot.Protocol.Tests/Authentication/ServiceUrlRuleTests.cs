using AgendaBot.Protocol.Authentication;

namespace AgendaBot.Protocol.Tests.Authentication;

/// <summary>The bot answers at the activity's service URL: only https, or http to this machine where that is allowed.</summary>
public sealed class ServiceUrlRuleTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("http://127.0.0.1:56150/_connector", true)]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://[::1]:3978/", true)]
    public void Https_and_where_allowed_loopback_http_are_accepted(string serviceUrl, bool allowLoopbackHttp) =>
        Assert.Null(ServiceUrlRule.Problem(serviceUrl, allowLoopbackHttp));

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector", false)]
    [InlineData("http://10.0.0.1/", true)]
    [InlineData("http://agendabot.invalid/", true)]
    [InlineData("javascript:alert(1)", true)]
    [InlineData("file:///etc/passwd", true)]
    [InlineData("ftp://127.0.0.1/", true)]
    [InlineData("data:text/plain,hallo", true)]
    [InlineData("/v3/conversations", true)]
    [InlineData("relative/path", true)]
    [InlineData(@"\\server\share", true)]
    [InlineData("https:", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    public void Anything_else_is_refused_with_a_reason(string? serviceUrl, bool allowLoopbackHttp) =>
        Assert.Contains("serviceUrl", ServiceUrlRule.Problem(serviceUrl, allowLoopbackHttp), StringComparison.Ordinal);
}

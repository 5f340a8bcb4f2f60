using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Connector;
using AgendaBot.Testing;

namespace AgendaBot.Protocol.Tests.Connector;

/// <summary>Each connector operation reaches the v3 route the spec names, with every id escaped as one path segment.</summary>
public sealed class ConnectorClientRouteTests : IAsyncLifetime
{
    private const string ChannelThread = "19:workshop@thread.tacv2;messageid=1714642212345";
    private const string EscapedChannelThread = "19%3Aworkshop%40thread.tacv2%3Bmessageid%3D1714642212345";

    private readonly HttpClient http = new();
    private RecordingConnector teams = null!;
    private ConnectorClient connector = null!;

    public async Task InitializeAsync()
    {
        teams = await RecordingConnector.StartAsync();
        connector = new ConnectorClient(http);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await teams.DisposeAsync();
    }

    private static Activity Hello => new() { Type = ActivityTypes.Message, Text = "Hello" };

    [Fact]
    public async Task Reply_is_posted_under_the_activity_it_answers()
    {
        await connector.ReplyToActivityAsync(teams.ServiceUrl, ChannelThread, "1:1AbC", Hello);

        var call = Assert.Single(teams.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{EscapedChannelThread}/activities/1%3A1AbC", call.Path);
    }

    [Fact]
    public async Task Send_is_posted_to_the_conversations_activities()
    {
        await connector.SendToConversationAsync(teams.ServiceUrl, "a:personal-chat", Hello);

        var call = Assert.Single(teams.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/a%3Apersonal-chat/activities", call.Path);
    }

    [Fact]
    public async Task Update_is_put_on_the_activity_it_replaces()
    {
        await connector.UpdateActivityAsync(teams.ServiceUrl, ChannelThread, "1714642299999", Hello);

        var call = Assert.Single(teams.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal($"/v3/conversations/{EscapedChannelThread}/activities/1714642299999", call.Path);
    }

    [Fact]
    public async Task Delete_is_sent_for_the_activity_with_no_body()
    {
        await connector.DeleteActivityAsync(teams.ServiceUrl, "a:personal-chat", "1714642299999");

        var call = Assert.Single(teams.Calls);
        Assert.Equal("DELETE", call.Method);
        Assert.Equal("/v3/conversations/a%3Apersonal-chat/activities/1714642299999", call.Path);
        Assert.Null(call.Body);
    }

    [Fact]
    public async Task Creating_a_conversation_posts_to_v3_conversations()
    {
        await connector.CreateConversationAsync(teams.ServiceUrl, new ConversationParameters { IsGroup = false });

        var call = Assert.Single(teams.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations", call.Path);
    }

    [Fact]
    public async Task Members_are_read_from_the_members_route()
    {
        await connector.GetConversationMembersAsync(teams.ServiceUrl, ChannelThread);

        var call = Assert.Single(teams.Calls);
        Assert.Equal("GET", call.Method);
        Assert.Equal($"/v3/conversations/{EscapedChannelThread}/members", call.Path);
    }

    [Fact]
    public async Task Paged_members_ask_for_the_page_size_and_pass_the_continuation_token_escaped()
    {
        teams.AnswerNextWith(200, """{"members":[]}""");

        await connector.GetConversationPagedMembersAsync(teams.ServiceUrl, "a:personal-chat", pageSize: 50, continuationToken: "a+b/c=");

        var call = Assert.Single(teams.Calls);
        Assert.Equal("GET", call.Method);
        Assert.Equal("/v3/conversations/a%3Apersonal-chat/pagedmembers?pageSize=50&continuationToken=a%2Bb%2Fc%3D", call.Path);
    }

    [Fact]
    public async Task First_page_of_members_sends_no_continuation_token()
    {
        teams.AnswerNextWith(200, """{"members":[]}""");

        await connector.GetConversationPagedMembersAsync(teams.ServiceUrl, "a:personal-chat");

        Assert.Equal("/v3/conversations/a%3Apersonal-chat/pagedmembers?pageSize=100", Assert.Single(teams.Calls).Path);
    }

    [Fact]
    public async Task Slashes_question_marks_and_hashes_in_ids_stay_inside_their_segment()
    {
        await connector.ReplyToActivityAsync(teams.ServiceUrl, "a:chat/../../admin", "1?x=1#top", Hello);

        Assert.Equal("/v3/conversations/a%3Achat%2F..%2F..%2Fadmin/activities/1%3Fx%3D1%23top", Assert.Single(teams.Calls).Path);
    }

    [Theory]
    [InlineData("emea")]
    [InlineData("emea/")]
    public async Task The_service_urls_own_path_is_kept_with_or_without_a_trailing_slash(string region)
    {
        await connector.SendToConversationAsync(teams.ServiceUrl + region, "a:personal-chat", Hello);

        Assert.Equal("/emea/v3/conversations/a%3Apersonal-chat/activities", Assert.Single(teams.Calls).Path);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("emea/v3")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task A_service_url_that_is_not_absolute_http_is_refused_before_anything_is_sent(string serviceUrl)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => connector.SendToConversationAsync(serviceUrl, "a:personal-chat", Hello));

        Assert.Empty(teams.Calls);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Protocol.Tests.Activities;

/// <summary>The body the bot returns to an <c>adaptiveCard/action</c> invoke, in the three shapes Teams understands.</summary>
public sealed class AdaptiveCardInvokeResponseTests
{
    private static JsonNode? Json(AdaptiveCardInvokeResponse response) =>
        JsonNode.Parse(JsonSerializer.Serialize(response, ProtocolJson.Context.AdaptiveCardInvokeResponse));

    [Fact]
    public void A_message_response_is_shown_to_the_user_as_a_toast()
    {
        JsonAssert.Equivalent(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Item added."}""",
            Json(AdaptiveCardInvokeResponse.Message("Item added.")));
    }

    [Fact]
    public void A_card_response_replaces_the_clicked_card()
    {
        var card = CardAttachments.ToJson(new AdaptiveCard { Body = [new TextBlock("Agenda for Friday")] });

        JsonAssert.Equivalent(
            """
            {
              "statusCode": 200,
              "type": "application/vnd.microsoft.card.adaptive",
              "value": {
                "type": "AdaptiveCard",
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "version": "1.5",
                "body": [ { "type": "TextBlock", "text": "Agenda for Friday", "wrap": true } ]
              }
            }
            """,
            Json(AdaptiveCardInvokeResponse.Card(card)));
    }

    [Fact]
    public void An_error_response_carries_its_status_code_and_message()
    {
        JsonAssert.Equivalent(
            """
            {
              "statusCode": 400,
              "type": "application/vnd.microsoft.error",
              "value": { "code": "BadRequest", "message": "The item has no title." }
            }
            """,
            Json(AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The item has no title.")));
    }
}

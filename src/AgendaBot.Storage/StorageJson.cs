using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Storage;

/// <summary>Lists and small value objects are stored as JSON strings inside one entity property.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<Score>))]
[JsonSerializable(typeof(List<SecretItem>))]
[JsonSerializable(typeof(List<Milestone>))]
[JsonSerializable(typeof(List<Indicator>))]
[JsonSerializable(typeof(BestPracticeDetails))]
[JsonSerializable(typeof(GoalAssessment))]
[JsonSerializable(typeof(RoundResults))]
[JsonSerializable(typeof(PlanState))]
[JsonSerializable(typeof(List<AgendaBot.Domain.Agendas.PlannedWorkshop>))]
[JsonSerializable(typeof(PostedCard))]
[JsonSerializable(typeof(List<PostedCard>))]
internal sealed partial class StorageJson : JsonSerializerContext;

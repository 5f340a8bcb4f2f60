using System.Text.Json.Nodes;

namespace AgendaBot.Tests.Workshops;

/// <summary>
/// What a person enters in the lists of the step-6 form, as Teams merges it into the button's data: one input per field
/// and row ("milestoneRow_0_date"). Written out rather than taken from the bot, because the names are a contract with
/// every card already posted.
/// </summary>
internal static class PlanFormInputs
{
    public static JsonObject WithWorkPackages(this JsonObject data, params string[] titles)
    {
        for (var i = 0; i < titles.Length; i++)
        {
            data[$"workPackageRow_{i}_title"] = titles[i];
        }

        return data;
    }

    public static JsonObject WithMilestones(this JsonObject data, params (string Date, string Title)[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            data[$"milestoneRow_{i}_date"] = rows[i].Date;
            data[$"milestoneRow_{i}_title"] = rows[i].Title;
        }

        return data;
    }

    public static JsonObject WithIndicators(this JsonObject data, params (string Name, string Unit, string Baseline, string Target)[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            data[$"indicatorRow_{i}_name"] = rows[i].Name;
            data[$"indicatorRow_{i}_unit"] = rows[i].Unit;
            data[$"indicatorRow_{i}_baseline"] = rows[i].Baseline;
            data[$"indicatorRow_{i}_target"] = rows[i].Target;
        }

        return data;
    }
}

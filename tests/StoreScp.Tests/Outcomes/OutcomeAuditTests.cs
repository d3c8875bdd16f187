using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Tests.Outcomes;

/// <summary>Issue 13: every change to follow-up and covariates is audited with who, when, where from, old and new value.</summary>
public sealed class OutcomeAuditTests
{
    [Fact]
    public async Task A_changed_response_and_a_cleared_covariate_are_audited_and_an_unchanged_import_adds_nothing()
    {
        using var cohort = await StudyCohort.CreateAsync();
        var followUp = cohort.WriteFollowUpCsv();
        var first = await cohort.Importer().ImportAsync(StudyCohort.Table(followUp), "alice");
        Assert.Equal((28, 28, 0, 0, 28), (first.Rows, first.Added, first.Changed, first.Unchanged, first.ValueChanges));
        var again = await cohort.Importer().ImportAsync(StudyCohort.Table(followUp), "alice");
        Assert.Equal((0, 0, 28, 0), (again.Added, again.Changed, again.Unchanged, again.ValueChanges));

        // Bob corrects line 3 (lesion 1, last visit): CR -> PR.
        var lines = File.ReadAllLines(followUp);
        lines[2] = lines[2][..^2] + "PR";
        File.WriteAllLines(followUp, lines);
        var correction = await cohort.Importer().ImportAsync(StudyCohort.Table(followUp), "bob");
        Assert.Equal((0, 1, 27, 1), (correction.Added, correction.Changed, correction.Unchanged, correction.ValueChanges));

        var covariates = cohort.WriteCovariatesCsv();
        await cohort.Importer().ImportAsync(StudyCohort.Table(covariates), "alice");
        File.WriteAllLines(covariates, ["patientId,afpNgPerMl", "P01,NA"]);
        await cohort.Importer().ImportAsync(StudyCohort.Table(covariates), "carol");

        await using var c = await cohort.Database.OpenAsync();
        var changes = await c.QueryAsync(null, "SELECT * FROM registry_changes WHERE changed_by <> 'alice' ORDER BY id",
            r => (By: r.Text("changed_by"), Source: r.Text("source"), Entity: r.Text("entity"), Field: r.Text("field"), Old: r.Text("old_value"),
                New: r.Text("new_value"), At: r.Time("changed_at")), CancellationToken.None);
        Assert.Equal([("bob", "followup.csv line 3", "followup", "response", "CR", "PR"), ("carol", "covariates.csv line 2", "covariate", "afpNgPerMl", "12.5", null)],
            changes.Select(x => (x.By, x.Source, x.Entity, x.Field, x.Old, x.New)));
        Assert.All(changes, x => Assert.InRange(x.At!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddSeconds(1)));
        var events = await new EventRepository(cohort.Database, TimeProvider.System).ListAsync(null);
        Assert.Equal(5, events.Count(e => e.Kind == "outcomes-imported"));
    }
}

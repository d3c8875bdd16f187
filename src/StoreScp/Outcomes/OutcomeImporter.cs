using System.Data.Common;
using System.Globalization;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>What an import did: its kind, rows read, and rows that added, changed or left a value as it was.</summary>
public sealed record OutcomeImportSummary(string Kind, int Rows, int Added, int Changed, int Unchanged, int ValueChanges);

/// <summary>
/// <c>voxdose outcomes import</c>: validates every row of a follow-up or covariates file against the templates and the
/// registry, and writes all of it in one transaction or nothing. Every value added, changed or cleared is one row of
/// <c>registry_changes</c> (who, when, file and line, old and new value); the import itself is an event.
/// </summary>
public sealed class OutcomeImporter(AuditDatabase database, EventRepository events, TimeProvider time)
{
    /// <summary>At most this many errors are reported (the first ones, in line order).</summary>
    public const int MaxErrors = 50;

    public async Task<OutcomeImportSummary> ImportAsync(OutcomeTable table, string user, CancellationToken ct = default)
    {
        var columns = Columns(table);
        var isFollowUp = columns.ContainsKey(OutcomeTemplate.RoiName);
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var errors = new List<OutcomeError>();
        var lookup = await RegistryLookup.LoadAsync(c, tx, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var writer = new ChangeWriter(c, tx, user, AuditTime.Format(now), ct);
        OutcomeImportSummary summary;
        if (isFollowUp)
        {
            var rows = ValidateFollowUps(table, columns, lookup, errors);
            ThrowIfAny(table, errors);
            summary = await WriteFollowUpsAsync(table, rows, writer).ConfigureAwait(false);
        }
        else
        {
            var rows = ValidateCovariates(table, columns, lookup, errors);
            ThrowIfAny(table, errors);
            summary = await WriteCovariatesAsync(table, rows, writer).ConfigureAwait(false);
        }
        await events.AddAsync(c, tx, "registry", "outcomes-imported", null,
            $"{table.Source}: {summary.Kind}, {summary.Rows} rows ({summary.Added} added, {summary.Changed} changed, {summary.Unchanged} unchanged) by {user}", ct)
            .ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Header check: known columns only, no repeats, the required ones present; the template is told by roiName.</summary>
    private static Dictionary<string, int> Columns(OutcomeTable table)
    {
        var errors = new List<OutcomeError>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var isFollowUp = table.Columns.Any(n => n.Equals(OutcomeTemplate.RoiName, StringComparison.OrdinalIgnoreCase));
        var known = isFollowUp
            ? OutcomeTemplate.FollowUpRequired.Concat(OutcomeTemplate.FollowUpOptional).ToArray()
            : [OutcomeTemplate.PatientId, OutcomeTemplate.Issuer, .. OutcomeTemplate.Covariates.Select(v => v.Name)];
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var name = table.Columns[i];
            var canonical = known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
                errors.Add(new OutcomeError(1, i + 1, name, $"unknown column for the {(isFollowUp ? "follow-up" : "covariates")} template (columns: {string.Join(", ", known)})"));
            else if (!index.TryAdd(canonical, i))
                errors.Add(new OutcomeError(1, i + 1, name, "the column appears twice"));
        }
        var required = isFollowUp ? OutcomeTemplate.FollowUpRequired : [OutcomeTemplate.PatientId];
        foreach (var name in required.Where(r => !index.ContainsKey(r)))
            errors.Add(new OutcomeError(1, 0, name, "missing: the template requires this column"));
        if (isFollowUp && !index.ContainsKey(OutcomeTemplate.StudyUid) && !index.ContainsKey(OutcomeTemplate.TreatmentDate))
            errors.Add(new OutcomeError(1, 0, OutcomeTemplate.TreatmentDate, $"missing: the treatment needs '{OutcomeTemplate.StudyUid}' or '{OutcomeTemplate.TreatmentDate}'"));
        if (!isFollowUp && !OutcomeTemplate.Covariates.Any(v => index.ContainsKey(v.Name)))
            errors.Add(new OutcomeError(1, 0, "", "no covariate column and no 'roiName': neither the follow-up nor the covariates template"));
        if (table.Rows.Count == 0) errors.Add(new OutcomeError(2, 0, "", "no data rows after the header"));
        ThrowIfAny(table, errors);
        return index;
    }

    private sealed record FollowUpRow(int Line, long LesionRef, string LesionLabel, DateOnly AssessedOn, string Response, DateOnly? ProgressionOn);

    private static List<FollowUpRow> ValidateFollowUps(OutcomeTable table, Dictionary<string, int> columns, RegistryLookup lookup, List<OutcomeError> errors)
    {
        var rows = new List<FollowUpRow>();
        var seen = new Dictionary<(long, DateOnly), int>();
        foreach (var (line, cells) in table.Rows)
        {
            if (errors.Count >= MaxErrors) break;
            string Cell(string name) => columns.TryGetValue(name, out var i) ? cells[i].Trim() : "";
            OutcomeError Error(string name, string message) => columns.TryGetValue(name, out var at) ? new(line, at + 1, table.Columns[at], message) : new(line, 0, name, message);
            var before = errors.Count;
            DateOnly? Date(string name, bool required)
            {
                var text = Cell(name);
                if (text.Length == 0)
                {
                    if (required) errors.Add(Error(name, "empty; a date YYYY-MM-DD is needed"));
                    return null;
                }
                if (OutcomeTemplate.TryDate(text, out var d)) return d;
                errors.Add(Error(name, $"'{text}' is not a date (YYYY-MM-DD)"));
                return null;
            }
            var assessed = Date(OutcomeTemplate.AssessedOn, required: true);
            var progression = Date(OutcomeTemplate.ProgressionOn, required: false);
            var treatmentDate = Date(OutcomeTemplate.TreatmentDate, required: false);
            var response = OutcomeTemplate.Responses.FirstOrDefault(r => r.Equals(Cell(OutcomeTemplate.Response), StringComparison.OrdinalIgnoreCase));
            if (response is null) errors.Add(Error(OutcomeTemplate.Response, $"'{Cell(OutcomeTemplate.Response)}' is not an mRECIST response (CR, PR, SD or PD)"));
            if (errors.Count > before) continue;

            var lesion = lookup.FindLesion(Cell(OutcomeTemplate.PatientId), columns.ContainsKey(OutcomeTemplate.Issuer) ? Cell(OutcomeTemplate.Issuer) : null,
                Cell(OutcomeTemplate.StudyUid), treatmentDate, Cell(OutcomeTemplate.RoiName), out var column, out var why);
            if (lesion is null)
            {
                errors.Add(Error(column, why!));
                continue;
            }
            if (lesion.TreatmentDate is { } treated && assessed < treated)
                errors.Add(Error(OutcomeTemplate.AssessedOn, $"{assessed:yyyy-MM-dd} is before the treatment ({treated:yyyy-MM-dd})"));
            if (lesion.TreatmentDate is { } t2 && progression < t2)
                errors.Add(Error(OutcomeTemplate.ProgressionOn, $"{progression:yyyy-MM-dd} is before the treatment ({t2:yyyy-MM-dd})"));
            if (seen.TryGetValue((lesion.LesionRef, assessed!.Value), out var first))
                errors.Add(Error(OutcomeTemplate.AssessedOn, $"duplicate row: the same lesion and date as line {first}"));
            if (errors.Count > before) continue;
            seen[(lesion.LesionRef, assessed.Value)] = line;
            rows.Add(new FollowUpRow(line, lesion.LesionRef, lesion.Label, assessed.Value, response!, progression));
        }
        return rows;
    }

    private sealed record CovariateRow(int Line, long PatientRef, IReadOnlyList<(string Name, string? Value)> Values);

    private static List<CovariateRow> ValidateCovariates(OutcomeTable table, Dictionary<string, int> columns, RegistryLookup lookup, List<OutcomeError> errors)
    {
        var rows = new List<CovariateRow>();
        var seen = new Dictionary<long, int>();
        foreach (var (line, cells) in table.Rows)
        {
            if (errors.Count >= MaxErrors) break;
            OutcomeError Error(string name, string message) => columns.TryGetValue(name, out var at) ? new(line, at + 1, table.Columns[at], message) : new(line, 0, name, message);
            var before = errors.Count;
            var issuer = columns.TryGetValue(OutcomeTemplate.Issuer, out var ic) ? cells[ic].Trim() : null;
            var patient = lookup.FindPatient(cells[columns[OutcomeTemplate.PatientId]].Trim(), issuer, out var column, out var why);
            if (patient is null) errors.Add(Error(column, why!));
            var values = new List<(string, string?)>();
            foreach (var covariate in OutcomeTemplate.Covariates)
            {
                if (!columns.TryGetValue(covariate.Name, out var i)) continue;
                var cell = cells[i].Trim();
                if (cell.Length == 0) continue; // empty: left as it is
                if (cell.Equals("NA", StringComparison.OrdinalIgnoreCase)) { values.Add((covariate.Name, null)); continue; } // NA: cleared
                var (value, error) = covariate.Validate(cell);
                if (error is not null) errors.Add(Error(covariate.Name, $"{error} ({covariate.Meaning})"));
                else values.Add((covariate.Name, value));
            }
            if (patient is not null && seen.TryGetValue(patient.Value, out var first))
                errors.Add(Error(OutcomeTemplate.PatientId, $"duplicate row: the same patient as line {first}"));
            if (errors.Count > before) continue;
            seen[patient!.Value] = line;
            rows.Add(new CovariateRow(line, patient.Value, values));
        }
        return rows;
    }

    private static async Task<OutcomeImportSummary> WriteFollowUpsAsync(OutcomeTable table, List<FollowUpRow> rows, ChangeWriter writer)
    {
        int added = 0, changed = 0, unchanged = 0, before = writer.Count;
        foreach (var row in rows)
        {
            var date = row.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var progression = row.ProgressionOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var existing = (await writer.Connection.QueryAsync(writer.Transaction,
                "SELECT response, progression_on FROM registry_followups WHERE lesion_ref = @l AND assessed_on = @d",
                r => (Response: r.Text("response")!, Progression: r.Text("progression_on")), writer.Ct, ("@l", row.LesionRef), ("@d", date))
                .ConfigureAwait(false)).Cast<(string Response, string? Progression)?>().FirstOrDefault();
            var source = $"{table.Source} line {row.Line}";
            var key = $"{row.LesionLabel} {date}";
            if (existing is null)
            {
                await writer.Connection.ExecuteAsync(writer.Transaction,
                    "INSERT INTO registry_followups (lesion_ref, assessed_on, response, progression_on) VALUES (@l, @d, @r, @p)", writer.Ct,
                    ("@l", row.LesionRef), ("@d", date), ("@r", row.Response), ("@p", progression)).ConfigureAwait(false);
                await writer.AddAsync(source, "followup", key, "response", null, row.Response).ConfigureAwait(false);
                if (progression is not null) await writer.AddAsync(source, "followup", key, "progressionOn", null, progression).ConfigureAwait(false);
                added++;
                continue;
            }
            var (oldResponse, oldProgression) = existing.Value;
            if (oldResponse == row.Response && oldProgression == progression) { unchanged++; continue; }
            await writer.Connection.ExecuteAsync(writer.Transaction,
                "UPDATE registry_followups SET response = @r, progression_on = @p WHERE lesion_ref = @l AND assessed_on = @d", writer.Ct,
                ("@l", row.LesionRef), ("@d", date), ("@r", row.Response), ("@p", progression)).ConfigureAwait(false);
            if (oldResponse != row.Response) await writer.AddAsync(source, "followup", key, "response", oldResponse, row.Response).ConfigureAwait(false);
            if (oldProgression != progression) await writer.AddAsync(source, "followup", key, "progressionOn", oldProgression, progression).ConfigureAwait(false);
            changed++;
        }
        return new OutcomeImportSummary("follow-up", rows.Count, added, changed, unchanged, writer.Count - before);
    }

    private static async Task<OutcomeImportSummary> WriteCovariatesAsync(OutcomeTable table, List<CovariateRow> rows, ChangeWriter writer)
    {
        int added = 0, changed = 0, unchanged = 0, before = writer.Count;
        foreach (var row in rows)
        {
            var stored = (await writer.Connection.QueryAsync(writer.Transaction, "SELECT name, value FROM registry_covariates WHERE patient_ref = @p",
                r => (Name: r.Text("name")!, Value: r.Text("value")!), writer.Ct, ("@p", row.PatientRef)).ConfigureAwait(false))
                .ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
            var source = $"{table.Source} line {row.Line}";
            var key = $"patient {row.PatientRef}";
            var rowChanges = writer.Count;
            foreach (var (name, value) in row.Values)
            {
                var old = stored.GetValueOrDefault(name);
                if (old == value) continue;
                if (value is null)
                    await writer.Connection.ExecuteAsync(writer.Transaction, "DELETE FROM registry_covariates WHERE patient_ref = @p AND name = @n", writer.Ct,
                        ("@p", row.PatientRef), ("@n", name)).ConfigureAwait(false);
                else
                    await writer.Connection.ExecuteAsync(writer.Transaction, """
                        INSERT INTO registry_covariates (patient_ref, name, value) VALUES (@p, @n, @v)
                        ON CONFLICT (patient_ref, name) DO UPDATE SET value = excluded.value
                        """, writer.Ct, ("@p", row.PatientRef), ("@n", name), ("@v", value)).ConfigureAwait(false);
                await writer.AddAsync(source, "covariate", key, name, old, value).ConfigureAwait(false);
            }
            if (writer.Count == rowChanges) unchanged++;
            else if (stored.Count == 0) added++;
            else changed++;
        }
        return new OutcomeImportSummary("covariates", rows.Count, added, changed, unchanged, writer.Count - before);
    }

    private static void ThrowIfAny(OutcomeTable table, List<OutcomeError> errors)
    {
        if (errors.Count > 0) throw new OutcomeImportException(table.Source, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }

    /// <summary>Writes the audit rows of one import: who, when, where from, what, old and new value.</summary>
    private sealed class ChangeWriter(DbConnection connection, DbTransaction transaction, string user, string at, CancellationToken ct)
    {
        public DbConnection Connection => connection;
        public DbTransaction Transaction => transaction;
        public CancellationToken Ct => ct;
        public int Count { get; private set; }

        public async Task AddAsync(string source, string entity, string key, string field, string? oldValue, string? newValue)
        {
            await connection.ExecuteAsync(transaction, """
                INSERT INTO registry_changes (changed_at, changed_by, source, entity, entity_key, field, old_value, new_value)
                VALUES (@t, @u, @s, @e, @k, @f, @o, @n)
                """, ct, ("@t", at), ("@u", user), ("@s", source), ("@e", entity), ("@k", key), ("@f", field), ("@o", oldValue), ("@n", newValue))
                .ConfigureAwait(false);
            Count++;
        }
    }
}

using VoxDose.Dosimetry.Results;

namespace VoxDose.Reporting.Model;

/// <summary>One named input of the dose calculation as shown to the physicist (value already formatted, unit UCUM).</summary>
public sealed record ReportParameter(string Name, string Value, string Unit = "");

/// <summary>How the dose map was computed: method, kernel and every parameter that changes the numbers.</summary>
public sealed record CalculationSummary
{
    public required DoseMethod Method { get; init; }

    /// <summary>The kernel used, e.g. "Lanconelli 2012 Y-90 VSV soft tissue 3 mm"; "none" for local deposition.</summary>
    public required string Kernel { get; init; }

    public IReadOnlyList<ReportParameter> Parameters { get; init; } = [];

    /// <summary>Short method name for titles and series descriptions ("VSV" or "LDM").</summary>
    public string MethodShortName => Method switch
    {
        DoseMethod.Vsv => "VSV",
        DoseMethod.Ldm => "LDM",
        _ => Method.ToString().ToUpperInvariant(),
    };

    public string MethodLongName => Method switch
    {
        DoseMethod.Vsv => "Voxel S-value kernel convolution",
        DoseMethod.Ldm => "Local deposition method",
        _ => Method.ToString(),
    };
}

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// The root configuration section <c>VoxDose</c>: one property per sub-section, each with its defaults in code.
/// Sources, later wins: <c>appsettings.json</c> beside the executable, <c>--config FILE</c>, environment variables
/// (<c>VoxDose__Scp__Port=11112</c>, <c>VoxDose__Destinations__0__Host=pacs</c>).
/// </summary>
public sealed class VoxDoseOptions
{
    public const string SectionName = "VoxDose";

    public ScpOptions Scp { get; set; } = new();
    public StorageOptions Storage { get; set; } = new();
    public DatabaseOptions Database { get; set; } = new();
    public ProcessingOptions Processing { get; set; } = new();
    public DosimetryOptions Dosimetry { get; set; } = new();
    public List<DestinationOptions> Destinations { get; set; } = [];
    public ExportOptions Export { get; set; } = new();
    public SchedulerOptions Scheduler { get; set; } = new();
    public WebOptions Web { get; set; } = new();
    public PlanningSectionOptions Planning { get; set; } = new();

    /// <summary>
    /// Fills list defaults after binding. Lists start empty because the configuration binder appends configured
    /// items to a pre-filled list (a file with <c>RetryDelaysSeconds: [1, 2]</c> would otherwise get 7 delays).
    /// </summary>
    public VoxDoseOptions ApplyListDefaults()
    {
        if (Export.RetryDelaysSeconds.Count == 0) Export.RetryDelaysSeconds.AddRange(ExportOptions.DefaultRetryDelaysSeconds);
        if (Processing.RetryDelaysSeconds.Count == 0) Processing.RetryDelaysSeconds.AddRange(ProcessingOptions.DefaultRetryDelaysSeconds);
        if (Processing.Outputs.Count == 0) Processing.Outputs.AddRange(ProcessingOptions.DefaultOutputs);
        if (Web.Oidc.Scopes.Count == 0) Web.Oidc.Scopes.AddRange(OidcOptions.DefaultScopes);
        Dosimetry.ApplyListDefaults();
        return this;
    }
}

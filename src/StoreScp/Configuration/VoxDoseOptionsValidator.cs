using System.Net;
using Microsoft.Extensions.Options;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// The one validator of the whole <c>VoxDose</c> section: it lists every error with its configuration path
/// (<c>VoxDose:Destinations:1:Port</c>), so a bad configuration fails at launch with everything to fix at once.
/// </summary>
public sealed class VoxDoseOptionsValidator : IValidateOptions<VoxDoseOptions>
{
    private static readonly HashSet<string> KnownObjects = new(StringComparer.OrdinalIgnoreCase) { "RtDose", "Sr", "Pdf", "Sc" };

    public ValidateOptionsResult Validate(string? name, VoxDoseOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Collect(VoxDoseOptions options)
    {
        var errors = new List<string>();
        const string root = VoxDoseOptions.SectionName;
        ValidateScp(options.Scp, $"{root}:Scp", errors);
        ValidateStorage(options.Storage, $"{root}:Storage", errors);
        ValidateDatabase(options.Database, options.Scheduler, $"{root}", errors);
        ValidateProcessing(options.Processing, $"{root}:Processing", errors);
        ValidateDosimetry(options.Dosimetry, $"{root}:Dosimetry", errors);
        ValidateDestinations(options.Destinations, $"{root}:Destinations", errors);
        ValidateExport(options.Export, $"{root}:Export", errors);
        ValidateOidc(options.Web.Oidc, $"{root}:Web:Oidc", errors);
        ValidatePlanning(options.Planning, $"{root}:Planning", errors);
        return errors;
    }

    /// <summary>The planner's own fields (its limits are VoxDose:Dosimetry's, checked there), by the planner's rules.</summary>
    private static void ValidatePlanning(PlanningSectionOptions planning, string path, List<string> errors)
    {
        var engine = new Dosimetry.Planning.PlanningOptions
        {
            TargetTumourGy = planning.TargetTumourGy,
            AdministeredActivityMBq = planning.AdministeredActivityMBq,
            LungShuntFraction = planning.LungShuntFraction,
        };
        errors.AddRange(engine.Validate(path));
        if (!(planning.LinkWindowDays >= 0 && planning.LinkWindowDays <= 3650))
            errors.Add($"{path}:LinkWindowDays must be in [0, 3650] days, got {planning.LinkWindowDays}.");
    }

    private static void ValidateScp(ScpOptions scp, string path, List<string> errors)
    {
        CheckAeTitle(scp.AeTitle, $"{path}:AeTitle", errors);
        CheckPort(scp.Port, $"{path}:Port", errors);
        if (!IPAddress.TryParse(scp.BindAddress, out _))
            errors.Add($"{path}:BindAddress: '{scp.BindAddress}' is not an IP address (use 0.0.0.0 for every interface).");
        if (scp.MaxAssociations is < 1 or > 1000)
            errors.Add($"{path}:MaxAssociations: {scp.MaxAssociations} is outside 1-1000.");
        if (scp.MaxAssociationsPerPeer < 1 || scp.MaxAssociationsPerPeer > Math.Max(1, scp.MaxAssociations))
            errors.Add($"{path}:MaxAssociationsPerPeer: {scp.MaxAssociationsPerPeer} is outside 1-{scp.MaxAssociations} (MaxAssociations).");
        if (scp.MaxAssociationRequestsPerPeerPerMinute is < 0 or > 1_000_000)
            errors.Add($"{path}:MaxAssociationRequestsPerPeerPerMinute: {scp.MaxAssociationRequestsPerPeerPerMinute} is outside 0-1000000 (0: no limit).");
        if (!(scp.RejectionAuditSeconds is >= 1 and <= 86400))
            errors.Add($"{path}:RejectionAuditSeconds: {scp.RejectionAuditSeconds} is outside 1-86400.");
        if (!(scp.TransferHeartbeatSeconds is >= 0.1 and <= 3600))
            errors.Add($"{path}:TransferHeartbeatSeconds: {scp.TransferHeartbeatSeconds} is outside 0.1-3600.");
        else if (!(scp.TransferExpirySeconds >= 2 * scp.TransferHeartbeatSeconds && scp.TransferExpirySeconds <= 86400))
            errors.Add($"{path}:TransferExpirySeconds: {scp.TransferExpirySeconds} must be at least twice TransferHeartbeatSeconds ({scp.TransferHeartbeatSeconds}) and at most 86400.");
        for (var i = 0; i < scp.AllowedCallers.Count; i++)
        {
            CheckAeTitle(scp.AllowedCallers[i].AeTitle, $"{path}:AllowedCallers:{i}:AeTitle", errors);
        }
        NodeTls.Validate(scp.Tls, $"{path}:Tls", errors);
    }

    private static void ValidateStorage(StorageOptions storage, string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(storage.Root))
            errors.Add($"{path}:Root: required (the folder for received instances, results and the SQLite audit).");
        if (storage.MinFreeMegabytes < 0)
            errors.Add($"{path}:MinFreeMegabytes: {storage.MinFreeMegabytes} is negative.");
    }

    private static void ValidateDatabase(DatabaseOptions database, SchedulerOptions scheduler, string root, List<string> errors)
    {
        if (!Enum.IsDefined(database.Provider))
            errors.Add($"{root}:Database:Provider: '{database.Provider}' is not sqlite or postgresql.");
        if (database.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(database.ConnectionString))
            errors.Add($"{root}:Database:ConnectionString: required with the postgresql provider.");
        if (scheduler.Clustered && database.Provider != DatabaseProvider.PostgreSql)
            errors.Add($"{root}:Scheduler:Clustered: the clustered job store needs Database:Provider postgresql (SQLite is one node's file: several nodes cannot share it).");
        if (string.IsNullOrWhiteSpace(scheduler.InstanceId))
            errors.Add($"{root}:Scheduler:InstanceId: empty (use AUTO).");
        if (scheduler.ClusterCheckinSeconds is < 1 or > 300)
            errors.Add($"{root}:Scheduler:ClusterCheckinSeconds: {scheduler.ClusterCheckinSeconds} is outside 1-300.");
    }

    private static void ValidateProcessing(ProcessingOptions processing, string path, List<string> errors)
    {
        if (!(processing.SeriesQuietSeconds >= 0 && processing.SeriesQuietSeconds <= 86400))
            errors.Add($"{path}:SeriesQuietSeconds: {processing.SeriesQuietSeconds} is outside 0-86400.");
        if (!Enum.IsDefined(processing.Method))
            errors.Add($"{path}:Method: '{processing.Method}' is not vsv or ldm.");
        if (!(processing.DoseGridMm is >= 1 and <= 10))
            errors.Add($"{path}:DoseGridMm: {processing.DoseGridMm} is outside 1-10 mm.");
        if (processing.MaxConcurrentStudies is < 1 or > 64)
            errors.Add($"{path}:MaxConcurrentStudies: {processing.MaxConcurrentStudies} is outside 1-64.");
        CheckObjects(processing.Outputs, $"{path}:Outputs", errors);
        if (processing.RtDoseBitsAllocated is not (16 or 32))
            errors.Add($"{path}:RtDoseBitsAllocated: {processing.RtDoseBitsAllocated} must be 16 or 32.");
        for (var i = 0; i < processing.RetryDelaysSeconds.Count; i++)
            if (!(processing.RetryDelaysSeconds[i] > 0))
                errors.Add($"{path}:RetryDelaysSeconds:{i}: {processing.RetryDelaysSeconds[i]} is not a positive number of seconds.");
        if (!(processing.RetryForSeconds >= 0))
            errors.Add($"{path}:RetryForSeconds: {processing.RetryForSeconds} is negative.");
        if (!(processing.RtStructGraceSeconds is >= 0 and <= 86400))
            errors.Add($"{path}:RtStructGraceSeconds: {processing.RtStructGraceSeconds} is outside 0-86400.");
        if (!(processing.SweepSeconds is > 0 and <= 86400))
            errors.Add($"{path}:SweepSeconds: {processing.SweepSeconds} is outside 0-86400 (exclusive of 0).");
    }

    private static void ValidateDosimetry(DosimetryOptions dosimetry, string path, List<string> errors)
    {
        if (!Enum.IsDefined(dosimetry.Microspheres))
            errors.Add($"{path}:Microspheres: '{dosimetry.Microspheres}' is not resin or glass.");
        CheckPositive(dosimetry.TumourCutoffGy, $"{path}:TumourCutoffGy", errors);
        CheckPositive(dosimetry.NormalLiverLimitGy, $"{path}:NormalLiverLimitGy", errors);
        CheckPositive(dosimetry.NormalLiverLimitGlassGy, $"{path}:NormalLiverLimitGlassGy", errors);
        CheckPositive(dosimetry.LungLimitGy, $"{path}:LungLimitGy", errors);
        if (!(dosimetry.SmallLesionDiameterMm >= 0))
            errors.Add($"{path}:SmallLesionDiameterMm: {dosimetry.SmallLesionDiameterMm} is negative.");
        CheckPositive(dosimetry.ActivityRecoveryMinPercent, $"{path}:ActivityRecoveryMinPercent", errors);
        CheckPositive(dosimetry.ActivityRecoveryMaxPercent, $"{path}:ActivityRecoveryMaxPercent", errors);
        if (!(dosimetry.ActivityRecoveryMinPercent < dosimetry.ActivityRecoveryMaxPercent))
            errors.Add($"{path}:ActivityRecoveryMinPercent: {dosimetry.ActivityRecoveryMinPercent} is not below ActivityRecoveryMaxPercent ({dosimetry.ActivityRecoveryMaxPercent}).");
        for (var i = 0; i < dosimetry.DxPercents.Count; i++)
        {
            if (dosimetry.DxPercents[i] is < 0 or > 100)
                errors.Add($"{path}:DxPercents:{i}: {dosimetry.DxPercents[i]} is outside 0-100 %.");
        }
        for (var i = 0; i < dosimetry.VxThresholdsGy.Count; i++)
        {
            if (dosimetry.VxThresholdsGy[i] < 0)
                errors.Add($"{path}:VxThresholdsGy:{i}: {dosimetry.VxThresholdsGy[i]} is negative.");
        }
        var radiobiology = dosimetry.Radiobiology;
        foreach (var (name, tissue) in new[] { ("Lesion", radiobiology.Lesion), ("NormalLiver", radiobiology.NormalLiver), ("WholeLiver", radiobiology.WholeLiver),
                     ("PerfusedRegion", radiobiology.PerfusedRegion), ("Lung", radiobiology.Lung), ("Other", radiobiology.Other) })
        {
            var p = $"{path}:Radiobiology:{name}";
            CheckPositive(tissue.AlphaBetaGy, $"{p}:AlphaBetaGy", errors);
            CheckPositive(tissue.RepairHalfTimeH, $"{p}:RepairHalfTimeH", errors);
            if (tissue.GeudA == 0 || !double.IsFinite(tissue.GeudA))
                errors.Add($"{p}:GeudA: {tissue.GeudA} is not a finite non-zero number.");
        }
        // The engine's own check of the patterns (each compiled as a regular expression); its paths are the configuration's.
        errors.AddRange(dosimetry.RoiRoles.ToEngine().Validate($"{path}:RoiRoles"));
        errors.AddRange(dosimetry.PartialVolume.Validate($"{path}:PartialVolume"));
        errors.AddRange(dosimetry.Uncertainty.Validate($"{path}:Uncertainty"));
        errors.AddRange(dosimetry.HuToDensity.Validate($"{path}:HuToDensity"));
    }

    private static void ValidateDestinations(List<DestinationOptions> destinations, string path, List<string> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < destinations.Count; i++)
        {
            var d = destinations[i];
            var p = $"{path}:{i}";
            if (string.IsNullOrWhiteSpace(d.Name))
                errors.Add($"{p}:Name: required (it names the destination in the audit).");
            else if (!names.Add(d.Name))
                errors.Add($"{p}:Name: '{d.Name}' is used by another destination.");
            CheckAeTitle(d.AeTitle, $"{p}:AeTitle", errors);
            if (string.IsNullOrWhiteSpace(d.Host))
                errors.Add($"{p}:Host: required.");
            CheckPort(d.Port, $"{p}:Port", errors);
            CheckObjects(d.Objects, $"{p}:Objects", errors);
            NodeTls.Validate(d.Tls, $"{p}:Tls", errors);
        }
    }

    private static void ValidateExport(ExportOptions export, string path, List<string> errors)
    {
        for (var i = 0; i < export.RetryDelaysSeconds.Count; i++)
        {
            if (!(export.RetryDelaysSeconds[i] > 0))
                errors.Add($"{path}:RetryDelaysSeconds:{i}: {export.RetryDelaysSeconds[i]} is not a positive number of seconds.");
        }
        if (!(export.GiveUpAfterSeconds > 0))
            errors.Add($"{path}:GiveUpAfterSeconds: {export.GiveUpAfterSeconds} is not positive.");
        CheckAeTitle(export.CallingAeTitle, $"{path}:CallingAeTitle", errors);
        if (!(export.AssociationTimeoutSeconds > 0))
            errors.Add($"{path}:AssociationTimeoutSeconds: {export.AssociationTimeoutSeconds} is not positive.");
    }

    private static void CheckAeTitle(string? aeTitle, string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(aeTitle))
            errors.Add($"{path}: required (1-16 characters).");
        else if (aeTitle.Length > 16)
            errors.Add($"{path}: '{aeTitle}' is longer than 16 characters (PS3.5 AE value representation).");
        else if (aeTitle.Any(c => c == '\\' || char.IsControl(c) || c > 126))
            errors.Add($"{path}: '{aeTitle}' contains a backslash, a control or a non-ASCII character (PS3.5 AE).");
    }

    private static void CheckPort(int port, string path, List<string> errors)
    {
        if (port is < 1 or > 65535)
            errors.Add($"{path}: {port} is outside 1-65535.");
    }

    private static void CheckPositive(double value, string path, List<string> errors)
    {
        if (!(value > 0))
            errors.Add($"{path}: {value} is not a positive number.");
    }

    private static void CheckObjects(List<string> objects, string path, List<string> errors)
    {
        for (var i = 0; i < objects.Count; i++)
        {
            if (!KnownObjects.Contains(objects[i]))
                errors.Add($"{path}:{i}: '{objects[i]}' is not one of RtDose, Sr, Pdf, Sc.");
        }
    }

    /// <summary>Single sign-on: all or nothing. Any key set without an Authority, or an Authority without the rest, is an error.</summary>
    private static void ValidateOidc(OidcOptions oidc, string path, List<string> errors)
    {
        var anySet = !string.IsNullOrWhiteSpace(oidc.ClientId) || !string.IsNullOrEmpty(oidc.ClientSecret) || !string.IsNullOrEmpty(oidc.ClientSecretEnv)
            || oidc.RoleMap.Count > 0;
        if (!oidc.Enabled)
        {
            if (anySet) errors.Add($"{path}:Authority: required when any other Oidc key is set (the identity provider's issuer URL).");
            return;
        }
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            errors.Add($"{path}:Authority: '{oidc.Authority}' is not an absolute http(s) URL.");
        else if (authority.Scheme == "http" && (oidc.RequireHttpsMetadata || !authority.IsLoopback))
            errors.Add($"{path}:Authority: '{oidc.Authority}' is plain http; use https (http only for a test provider on loopback with RequireHttpsMetadata false).");
        if (string.IsNullOrWhiteSpace(oidc.ClientId))
            errors.Add($"{path}:ClientId: required (the console's client id at the identity provider).");
        if (!string.IsNullOrEmpty(oidc.ClientSecret) && !string.IsNullOrEmpty(oidc.ClientSecretEnv))
            errors.Add($"{path}:ClientSecret: set ClientSecret or ClientSecretEnv, not both.");
        if (!string.IsNullOrEmpty(oidc.ClientSecretEnv) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(oidc.ClientSecretEnv)))
            errors.Add($"{path}:ClientSecretEnv: environment variable '{oidc.ClientSecretEnv}' is not set or empty.");
        if (!oidc.Scopes.Contains("openid", StringComparer.Ordinal))
            errors.Add($"{path}:Scopes: must contain 'openid'.");
        if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
            errors.Add($"{path}:RoleClaim: required (the id_token claim mapped to console roles).");
        if (string.IsNullOrWhiteSpace(oidc.NameClaim))
            errors.Add($"{path}:NameClaim: required (the id_token claim shown as the user's name).");
        if (oidc.RoleMap.Count == 0)
            errors.Add($"{path}:RoleMap: required: map at least one {oidc.RoleClaim} value to viewer, physicist or admin (nobody could log in).");
        foreach (var (value, role) in oidc.RoleMap)
            if (!OidcOptions.RoleNames.Contains(role))
                errors.Add($"{path}:RoleMap:{value}: '{role}' is not viewer, physicist or admin.");
        if (!oidc.CallbackPath.StartsWith('/') || oidc.CallbackPath.Length < 2)
            errors.Add($"{path}:CallbackPath: '{oidc.CallbackPath}' must be a path starting with '/'.");
    }
}

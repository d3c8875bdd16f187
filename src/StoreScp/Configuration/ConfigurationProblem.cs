namespace VoxDose.StoreScp.Configuration;

/// <summary>One configuration problem: the key path (<c>VoxDose:Scp:Port</c>) and what is wrong with it.</summary>
public sealed record ConfigurationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

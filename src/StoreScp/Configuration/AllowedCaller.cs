namespace VoxDose.StoreScp.Configuration;

/// <summary>One accepted calling AE; <see cref="Host"/> empty means any peer address.</summary>
public sealed class AllowedCaller
{
    public string AeTitle { get; set; } = "";
    public string? Host { get; set; }
}

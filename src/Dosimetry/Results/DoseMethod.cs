namespace VoxDose.Dosimetry.Results;

/// <summary>How the absorbed dose was computed from the activity map.</summary>
public enum DoseMethod
{
    /// <summary>Convolution with the Y-90 voxel S-value kernel (energy spread over ~1 cm).</summary>
    Vsv,

    /// <summary>Local deposition method: all beta energy absorbed in the voxel where the decay happened.</summary>
    Ldm,
}

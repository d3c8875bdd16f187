namespace VoxDose.Dosimetry.Decay;

/// <summary>Decay Correction (0054,1102): the time the stored activity refers to.</summary>
public enum DecayCorrectionMode
{
    /// <summary>Decay corrected to the start of the acquisition.</summary>
    Start,

    /// <summary>Decay corrected to the radiopharmaceutical administration (injection).</summary>
    Admin,

    /// <summary>Not decay corrected: the activity present during the acquisition.</summary>
    None,
}

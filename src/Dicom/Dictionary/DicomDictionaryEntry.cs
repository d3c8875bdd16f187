namespace VoxDose.Dicom.Dictionary;

/// <summary>One attribute of the registry (PS3.6): tag, keyword, name, allowed VRs (first is the default) and VM.</summary>
public sealed record DicomDictionaryEntry(DicomTag Tag, string Keyword, string Name, DicomVR[] ValueRepresentations, string ValueMultiplicity, bool IsRetired)
{
    /// <summary>The VR used when the stream does not say (implicit VR): the first allowed VR, or UN.</summary>
    public DicomVR DefaultVR => ValueRepresentations.Length > 0 ? ValueRepresentations[0] : DicomVR.UN;
}

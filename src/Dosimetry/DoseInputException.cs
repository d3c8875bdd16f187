namespace VoxDose.Dosimetry;

/// <summary>The input to a dose calculation is unusable; the message names the DICOM attribute or rule at fault.</summary>
public sealed class DoseInputException : Exception
{
    public DoseInputException() { }
    public DoseInputException(string message) : base(message) { }
    public DoseInputException(string message, Exception inner) : base(message, inner) { }
}

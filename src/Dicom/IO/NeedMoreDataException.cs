namespace VoxDose.Dicom.IO;

/// <summary>Thrown by the parser when a partially loaded buffer ends inside an element; the caller loads more and retries.</summary>
internal sealed class NeedMoreDataException : Exception
{
    public NeedMoreDataException() : base("The buffer ends before the data set does.") { }

    public NeedMoreDataException(string message) : base(message) { }

    public NeedMoreDataException(string message, Exception inner) : base(message, inner) { }
}

namespace VoxDose.StoreScp.Storage;

/// <summary>Free space of the volume holding a path (an interface so tests can fill the disk without filling the disk).</summary>
public interface IDiskSpaceProbe
{
    long AvailableBytes(string path);
}

public sealed class DriveDiskSpaceProbe : IDiskSpaceProbe
{
    public long AvailableBytes(string path) => new DriveInfo(Path.GetFullPath(path)).AvailableFreeSpace;
}
